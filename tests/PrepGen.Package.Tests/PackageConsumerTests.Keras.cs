using System.Globalization;
using System.Text;
using System.Text.Json;
using PrepGen.Tests.Shared;

namespace PrepGen.Package.Tests;

/// <summary>The PrepGenKerasModel item through the packed package: build-time import, incrementality, errors.</summary>
public partial class PackageConsumerTests
{
    // RootNamespace PetsApp (the project's name) and TypeName Pets (the model's stem): the item's defaults.
    private const string KerasConsumerProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <WarningsAsErrors>$(WarningsAsErrors);CS9057;CS8032</WarningsAsErrors>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="PrepGen" Version="0.1.0" />
            <PrepGenKerasModel Include="models/pets.keras" />
          </ItemGroup>
        </Project>
        """;

    private const string PetsFixture = "pets-functional-keras3.0.5";

    [Fact]
    public void A_PrepGenKerasModel_item_imports_the_model_at_build_time_and_again_only_when_it_changes()
    {
        string fixtures = Path.Combine(RepoPaths.Root, "tests", "PrepGen.Import.Tests", "Fixtures");
        string pets = Path.Combine(fixtures, "models", PetsFixture + ".keras");
        using JsonDocument sample = JsonDocument.Parse(File.ReadLines(Path.Combine(fixtures, "samples", PetsFixture + ".jsonl")).First());

        string app = package.CreateApp("keras-app");
        string model = Path.Combine(app, "models", "pets.keras");
        Directory.CreateDirectory(Path.GetDirectoryName(model)!);
        File.Copy(pets, model);
        File.WriteAllText(Path.Combine(app, "PetsApp.csproj"), KerasConsumerProject);
        File.WriteAllText(Path.Combine(app, "Program.cs"), PetsProgram(sample.RootElement.GetProperty("inputs")));
        string[] build = ["build", "-c", "Release", "-v:n"];
        string source = Path.Combine(app, "obj", "Release", "net10.0", "prepgen", "keras", "pets", "Pets.cs");
        const string Imported = "PrepGen: imported Keras model models/pets.keras -> PetsApp.Pets (48 floats per row)";

        // 1. The first build imports the model into obj/ and compiles the record.
        string log = Run(app, "dotnet", build);
        Assert.Contains(Imported, log);
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(source)!, "Pets", "stats.json")));
        DateTime importedAt = File.GetLastWriteTimeUtc(source);

        // The first golden sample (tests/PrepGen.Import.Tests/Fixtures/samples, computed in Python from the
        // model's own state, without Keras): the 48 floats the model's Dense layer receives, bit for bit.
        string output = Run(app, "dotnet", "run", "--no-build", "-c", "Release");
        float[] actual = output.Trim().Split('\n')[^1].Split(' ').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        float[] expected = sample.RootElement.GetProperty("output").EnumerateArray().Select(v => (float)v.GetDouble()).ToArray();
        Assert.Equal(48, expected.Length);
        Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), actual.Select(BitConverter.SingleToInt32Bits));

        // 2. Nothing changed: the import is skipped, its output untouched, and the items are still added.
        log = Run(app, "dotnet", build);
        Assert.Contains("Skipping target \"PrepGenImportKerasModels\" because all output files are up-to-date", log);
        Assert.DoesNotContain("PrepGen: imported", log);
        Assert.Equal(importedAt, File.GetLastWriteTimeUtc(source));

        // 3. A touched model is imported again.
        File.SetLastWriteTimeUtc(model, DateTime.UtcNow);
        log = Run(app, "dotnet", build);
        Assert.Contains(Imported, log);
        Assert.True(File.GetLastWriteTimeUtc(source) > importedAt);

        // 4. A model the importer refuses, copied over it (File.Copy may keep the fixture's older date): the
        //    build fails with PG0402 located at the model, carrying the importer's message.
        File.Copy(Path.Combine(fixtures, "models", "textvec-h5-keras2.12.0-vocab-lost.keras"), model, overwrite: true);
        (int exitCode, string stdout, string stderr) = RunProcess(app, "dotnet", "build", "-c", "Release");
        Assert.NotEqual(0, exitCode);
        Assert.Contains(model + " : error PG0402: PrepGen: cannot import the Keras model 'models/pets.keras': layer 'text_vectorization' (TextVectorization): the file holds no vocabulary", stdout + stderr);

        // 5. The model restored: the failed import left the target out of date, so it imports again.
        File.Copy(pets, model, overwrite: true);
        log = Run(app, "dotnet", build);
        Assert.Contains(Imported, log);
        Assert.Equal(output, Run(app, "dotnet", "run", "--no-build", "-c", "Release"));
    }

    // A program that encodes one row (the sample's inputs) and prints its floats in round-trip form.
    private static string PetsProgram(JsonElement inputs)
    {
        var init = new StringBuilder();
        foreach (JsonProperty input in inputs.EnumerateObject())
        {
            string value = input.Value.ValueKind == JsonValueKind.String
                ? JsonSerializer.Serialize(input.Value.GetString()) // a JSON string literal is a C# string literal
                : input.Value.GetRawText() + (input.Value.GetRawText().IndexOfAny(['.', 'e', 'E']) >= 0 ? "f" : "L");
            init.Append("    ").Append(input.Name).Append(" = ").Append(value).Append(",\n");
        }

        return $$"""
            using System;
            using System.Globalization;
            using System.Linq;
            using PetsApp;

            var row = new Pets
            {
            {{init}}};
            Span<float> encoded = stackalloc float[Pets.EncodedWidth];
            row.Encode(encoded);
            Console.WriteLine(string.Join(" ", encoded.ToArray().Select(v => v.ToString("R", CultureInfo.InvariantCulture))));

            """;
    }
}
