namespace PrepGen.Import.Tests;

/// <summary>
/// Imported/ is what the importer writes for each fixture (reimport.sh regenerates it). Importing again must
/// give the same bytes: the output is deterministic, and the records the other tests compile are current.
/// </summary>
public sealed class ImportSnapshotTests
{
    public static TheoryData<string, string, string> Models() => new()
    {
        { "models/pets-functional-keras3.0.5.keras", "Pets", "samples/pets-functional-keras3.0.5.jsonl" },
        { "models/textvec-keras3.9.2-windows-crlf.keras", "TextCrlf", "samples/textvec-keras3.9.2-windows-crlf.jsonl" },
        { "models/textvec-bigrams-keras3.10.0.keras", "TextBigrams", "samples/textvec-bigrams-keras3.10.0.jsonl" },
        { "models/textvec-utf8-keras3.13.2.keras", "TextUtf8", "samples/textvec-utf8-keras3.13.2.jsonl" },
        { "models/featurespace-keras2.13.1.keras", "BankFeatures", "samples/featurespace-keras2.13.1.jsonl" },
        { "models/functional-h5-keras2.10.0-inline-vocab.keras", "CarbonFootprint", "samples/functional-h5-keras2.10.0-inline-vocab.jsonl" },
        { "synthetic/chains-keras3", "Chains", "synthetic/chains.jsonl" },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void Reimport_gives_the_committed_files(string model, string typeName, string samples)
    {
        string fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");
        string output = Fixtures.TempDirectory();
        KerasImportResult result = KerasImporter.Import(new KerasImportOptions
        {
            ModelPath = Path.Combine(fixtures, model),
            OutputDirectory = output,
            Namespace = Fixtures.Namespace,
            TypeName = typeName,
            SamplesPath = Path.Combine(fixtures, samples),
        });

        string committed = Path.Combine(Fixtures.ProjectDirectory(), "Imported");
        var expected = Directory.EnumerateFiles(committed, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(committed, f))
            .Where(f => f == typeName + ".cs" || f == typeName + ".Samples.cs" || f.StartsWith(typeName + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        var actual = result.SourceFiles.Concat(result.StateFiles).Select(f => Path.GetRelativePath(output, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, actual);
        foreach (string file in actual)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(committed, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(output, file))),
                $"{file} differs from a fresh import; run tests/PrepGen.Import.Tests/reimport.sh and review the diff.");
        }
    }

    [Fact]
    public void The_unzipped_folder_imports_like_the_zip()
    {
        string folder = Fixtures.TempDirectory();
        System.IO.Compression.ZipFile.ExtractToDirectory(Fixtures.Pets.ModelPath, folder);
        string fromZip = Fixtures.TempDirectory();
        string fromFolder = Fixtures.TempDirectory();

        Fixtures.Import(Fixtures.Pets, fromZip);
        KerasImporter.Import(new KerasImportOptions { ModelPath = folder, OutputDirectory = fromFolder, Namespace = Fixtures.Namespace, TypeName = "Pets", SamplesPath = Fixtures.Pets.SamplesPath });

        foreach (string file in Directory.EnumerateFiles(fromZip, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".cs", StringComparison.Ordinal)))
        {
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(fromFolder, Path.GetRelativePath(fromZip, file))));
        }

        // Only the header's file name differs.
        Assert.Equal(
            File.ReadAllText(Path.Combine(fromZip, "Pets.cs")).Replace("pets-functional-keras3.0.5.keras", "MODEL", StringComparison.Ordinal),
            File.ReadAllText(Path.Combine(fromFolder, "Pets.cs")).Replace(Path.GetFileName(folder), "MODEL", StringComparison.Ordinal));
    }

    [Fact]
    public void The_format_comes_from_the_bytes_not_the_extension()
    {
        string renamed = Path.Combine(Fixtures.TempDirectory(), "pets.h5");
        File.Copy(Fixtures.Pets.ModelPath, renamed);
        string hdf5AsZipName = Path.Combine(Fixtures.TempDirectory(), "carbon.zip");
        File.Copy(Fixtures.CarbonFootprint.ModelPath, hdf5AsZipName);

        Assert.Equal(48, KerasImporter.Import(new KerasImportOptions { ModelPath = renamed, OutputDirectory = Fixtures.TempDirectory(), Namespace = "N" }).EncodedWidth);
        Assert.Equal(66, KerasImporter.Import(new KerasImportOptions { ModelPath = hdf5AsZipName, OutputDirectory = Fixtures.TempDirectory(), Namespace = "N" }).EncodedWidth);
    }
}
