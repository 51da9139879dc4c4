using PrepGen.Import.Planning;

namespace PrepGen.Import.Tests;

/// <summary>The C# names an import derives from Keras names.</summary>
public sealed class NamingTests
{
    [Theory]
    [InlineData("my_pet_classifier", "MyPetClassifier")]
    [InlineData("emp.var.rate", "EmpVarRate")]
    [InlineData("day_of_week", "DayOfWeek")]
    [InlineData("TV_PC_WatchtimePD", "TVPCWatchtimePD")]
    [InlineData("2nd-floor area", "_2ndFloorArea")]
    [InlineData("input_layer", "InputLayer")]
    [InlineData("café_ëtage", "CaféËtage")]
    [InlineData("__", "Input")]
    public void Keras_names_become_PascalCase(string keras, string expected) => Assert.Equal(expected, Identifiers.Pascal(keras));

    [Fact]
    public void Colliding_names_get_2_3_in_order_and_generated_members_are_reserved()
    {
        var names = new NameSet("Model");
        Assert.Equal(["AB", "AB2", "AB3", "EncodedWidth2", "Model2", "Encode2"],
            new[] { "a_b", "a-b", "a b", "EncodedWidth", "model", "encode" }.Select(n => names.Take(Identifiers.Pascal(n))).ToArray());
    }

    [Fact]
    public void The_type_name_defaults_to_the_model_file_stem()
    {
        string copy = Path.Combine(Fixtures.TempDirectory(), "my_pet_classifier.keras");
        File.Copy(Fixtures.Pets.ModelPath, copy);
        KerasImportResult result = KerasImporter.Import(new KerasImportOptions { ModelPath = copy, OutputDirectory = Fixtures.TempDirectory(), Namespace = "Shop.Models" });
        Assert.Equal("MyPetClassifier", result.TypeName);
        Assert.EndsWith("MyPetClassifier.cs", result.SourceFiles[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("my-app", "my_app")]
    [InlineData("1service", "_1service")]
    [InlineData("Shop.Api", "Shop.Api")]
    [InlineData("class", "_class")]
    public void The_namespace_defaults_to_the_folder_name_made_valid(string folder, string expected) =>
        Assert.Equal(expected, Identifiers.Namespace(folder));

    [Fact]
    public void Model_inputs_are_properties_in_the_model_input_order()
    {
        string source = File.ReadAllText(Path.Combine(Fixtures.ProjectDirectory(), "Imported", "Pets.cs"));
        string[] properties = source.Split('\n').Where(l => l.Contains("{ get; init; }", StringComparison.Ordinal))
            .Select(l => l.Trim().Split(' ')[2]).ToArray();

        // config.json input_layers order, not the order the InputLayers are listed in.
        Assert.Equal(["PhotoAmt", "Fee", "Age", "Type", "Color1", "Color2", "Gender", "MaturitySize", "FurLength", "Vaccinated", "Sterilized", "Health", "Breed1"], properties);
    }
}
