using System.Runtime.CompilerServices;

namespace PrepGen.Import.Tests;

/// <summary>One saved model of Fixtures/models (see its README) and the record name its import gets here.</summary>
public sealed record Fixture(string File, string TypeName)
{
    public string Stem => System.IO.Path.GetFileNameWithoutExtension(File);

    public string ModelPath => Fixtures.Model(File);

    public string SamplesPath => Path.Combine(AppContext.BaseDirectory, "Fixtures", "samples", Stem + ".jsonl");

    public override string ToString() => File;
}

public static class Fixtures
{
    public const string Namespace = "PrepGen.Import.Tests.Imported";

    public static readonly Fixture Pets = new("pets-functional-keras3.0.5.keras", "Pets");
    public static readonly Fixture TextCrlf = new("textvec-keras3.9.2-windows-crlf.keras", "TextCrlf");
    public static readonly Fixture TextBigrams = new("textvec-bigrams-keras3.10.0.keras", "TextBigrams");
    public static readonly Fixture TextUtf8 = new("textvec-utf8-keras3.13.2.keras", "TextUtf8");
    public static readonly Fixture BankFeatures = new("featurespace-keras2.13.1.keras", "BankFeatures");
    public static readonly Fixture CarbonFootprint = new("functional-h5-keras2.10.0-inline-vocab.keras", "CarbonFootprint");

    /// <summary>Every fixture that imports; the other two are refused (vocabulary-lost HDF5, SavedModel).</summary>
    public static readonly Fixture[] Importable = [Pets, TextCrlf, TextBigrams, TextUtf8, BankFeatures, CarbonFootprint];

    public static TheoryData<string> ImportableFiles()
    {
        var data = new TheoryData<string>();
        foreach (Fixture fixture in Importable)
        {
            data.Add(fixture.File);
        }

        return data;
    }

    public static Fixture ByFile(string file) => Importable.Single(f => f.File == file);

    public static string Model(string file) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "models", file);

    /// <summary>The test project's source folder (Imported/ is compared there, not in bin/).</summary>
    public static string ProjectDirectory([CallerFilePath] string thisFile = "") => Path.GetDirectoryName(thisFile)!;

    /// <summary>A fresh empty folder under the system temp folder.</summary>
    public static string TempDirectory()
    {
        string path = Path.Combine(Path.GetTempPath(), "prepgen-import-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Imports a fixture as the committed snapshot was made (namespace, type, samples).</summary>
    public static KerasImportResult Import(Fixture fixture, string outputDirectory) => KerasImporter.Import(new KerasImportOptions
    {
        ModelPath = fixture.ModelPath,
        OutputDirectory = outputDirectory,
        Namespace = Namespace,
        TypeName = fixture.TypeName,
        SamplesPath = fixture.SamplesPath,
    });
}
