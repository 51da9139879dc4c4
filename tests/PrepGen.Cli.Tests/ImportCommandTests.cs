namespace PrepGen.Cli.Tests;

/// <summary><c>prepgen import</c>: what it writes and prints, and how it fails.</summary>
public sealed class ImportCommandTests
{
    private static string Fixture(string name) =>
        Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../PrepGen.Import.Tests/Fixtures/models", name));

    [Fact]
    public void Import_writes_the_record_and_state_and_prints_the_project_lines()
    {
        using var cli = new CliHarness();
        string output = cli.PathOf("keras");

        int code = cli.Run("import", Fixture("pets-functional-keras3.0.5.keras"), "--out", output, "--namespace", "Shop", "--type", "Pets");

        Assert.Equal(0, code);
        Assert.Equal("", cli.Stderr);
        Assert.Contains("Imported Shop.Pets: one row encodes to 48 floats: Encode(Span<float>).", cli.Stdout, StringComparison.Ordinal);
        Assert.Contains("<AdditionalFiles Include=\"", cli.Stdout, StringComparison.Ordinal);
        Assert.Contains("/**\" Exclude=\"", cli.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "Pets.cs")));
        Assert.True(File.Exists(Path.Combine(output, "Pets", "Type.vocab.txt")));
        Assert.True(File.Exists(Path.Combine(output, "Pets", "stats.json")));
    }

    [Fact]
    public void A_refused_model_exits_1_with_the_layer_and_writes_nothing()
    {
        using var cli = new CliHarness();
        string output = cli.PathOf("keras");

        int code = cli.Run("import", Fixture("textvec-h5-keras2.12.0-vocab-lost.keras"), "--out", output);

        Assert.Equal(1, code);
        Assert.StartsWith("prepgen: error: layer 'text_vectorization' (TextVectorization): the file holds no vocabulary", cli.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.Exists(output) ? Directory.GetFileSystemEntries(output) : []);
    }

    [Fact]
    public void Import_requires_an_output_folder()
    {
        using var cli = new CliHarness();
        Assert.NotEqual(0, cli.Run("import", Fixture("pets-functional-keras3.0.5.keras")));
        Assert.Contains("--out", cli.Stderr + cli.Stdout, StringComparison.Ordinal);
    }
}
