using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace PrepGen.Import.Tests;

/// <summary>
/// The state files an import writes, against the model files themselves: vocabularies in Keras's index
/// order with the special tokens stripped (read here straight from the zip), the Windows CRLF file, the
/// UTF-8 file, and the FeatureSpace's Discretization boundaries recomputed from its quantile summary.
/// </summary>
public sealed class StateTests
{
    [Fact]
    public void Lookup_vocabularies_keep_Keras_order_and_drop_the_OOV_token()
    {
        string output = Fixtures.TempDirectory();
        Fixtures.Import(Fixtures.Pets, output);

        // Keras names state folders by class and counter, not by layer name: config "string_lookup_1"
        // (the Type input) lives under layers/string_lookup, "string_lookup_10" (Breed1) under string_lookup_9.
        (string Input, string Folder)[] lookups =
        [
            ("Type", "string_lookup"), ("Color1", "string_lookup_1"), ("Color2", "string_lookup_2"), ("Gender", "string_lookup_3"),
            ("MaturitySize", "string_lookup_4"), ("FurLength", "string_lookup_5"), ("Vaccinated", "string_lookup_6"),
            ("Sterilized", "string_lookup_7"), ("Health", "string_lookup_8"), ("Breed1", "string_lookup_9"), ("Age", "integer_lookup"),
        ];
        foreach ((string input, string folder) in lookups)
        {
            string[] saved = Asset(Fixtures.Pets, $"assets/layers/{folder}/vocabulary.txt").Split('\n');
            Assert.Equal(input == "Age" ? "-1" : "[UNK]", saved[0]);
            Assert.Equal(saved[1..], Lines(Path.Combine(output, "Pets", input + ".vocab.txt")));
        }
    }

    [Fact]
    public void The_Windows_vocabulary_loses_its_CR_and_its_mask_and_OOV_lines()
    {
        string output = Fixtures.TempDirectory();
        Fixtures.Import(Fixtures.TextCrlf, output);
        string saved = Asset(Fixtures.TextCrlf, "assets/layers/text_vectorization/vocabulary.txt");
        Assert.Contains("\r\n", saved, StringComparison.Ordinal);

        string written = File.ReadAllText(Path.Combine(output, "TextCrlf", "InputLayer.vocab.txt"));
        Assert.DoesNotContain('\r', written);
        string[] lines = saved.Split("\r\n");
        Assert.Equal(["", "[UNK]"], lines[..2]);
        Assert.Equal(lines[2..], Lines(Path.Combine(output, "TextCrlf", "InputLayer.vocab.txt")));
        Assert.Equal(111 - 2, lines.Length - 2); // vocabulary_size 111 in the config
    }

    [Fact]
    public void The_UTF8_vocabulary_is_copied_byte_for_byte()
    {
        string output = Fixtures.TempDirectory();
        Fixtures.Import(Fixtures.TextUtf8, output);
        byte[] saved = AssetBytes(Fixtures.TextUtf8, "assets/layers/text_vectorization/vocabulary.txt");
        byte[] written = File.ReadAllBytes(Path.Combine(output, "TextUtf8", "Input.vocab.txt"));

        // Saved: "" \n [UNK] \n tokens (no final newline); written: tokens, each ending in \n.
        byte[] prefix = Encoding.UTF8.GetBytes("\n[UNK]\n");
        Assert.True(saved.AsSpan().StartsWith(prefix));
        Assert.Equal([.. saved[prefix.Length..], (byte)'\n'], written);
        string[] tokens = Lines(Path.Combine(output, "TextUtf8", "Input.vocab.txt"));
        Assert.Equal(20000 - 2, tokens.Length);
        Assert.Equal(220, tokens.Count(t => t.Any(c => c > 0x7F)));
    }

    [Fact]
    public void Bigram_tokens_keep_their_space()
    {
        string output = Fixtures.TempDirectory();
        Fixtures.Import(Fixtures.TextBigrams, output);
        Assert.Contains("reality show", Lines(Path.Combine(output, "TextBigrams", "Input.vocab.txt")));
        Assert.Contains("Ngrams = 2", File.ReadAllText(Path.Combine(output, "TextBigrams.cs")), StringComparison.Ordinal);
    }

    [Fact]
    public void FeatureSpace_discretization_boundaries_come_from_the_saved_summary()
    {
        string output = Fixtures.TempDirectory();
        Fixtures.Import(Fixtures.BankFeatures, output);
        using JsonDocument stats = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "BankFeatures", "stats.json")));
        double[] boundaries = stats.RootElement.GetProperty("features").GetProperty("AgeBins").GetProperty("bin_boundaries")
            .EnumerateArray().Select(e => e.GetDouble()).ToArray();

        // numpy's compress_summary(summary, 1/4)[0, :-1] of preprocessors/discretization/vars/0, in float32
        // (Fixtures/samples/README.md): tf.keras computes these when the adapted layer finalizes its state.
        Assert.Equal([32.999996185302734, 40.00675582885742, 49.067420959472656], boundaries);
    }

    [Fact]
    public void FeatureSpace_crosses_hash_the_preprocessed_indices()
    {
        string source = File.ReadAllText(Path.Combine(Fixtures.ProjectDirectory(), "Imported", "BankFeatures.cs"));
        Assert.Contains("private (long, long) AgeXJobEncoded => (AgeIndex(Age), JobIndex(Job));", source, StringComparison.Ordinal);
        Assert.Contains("[HashedCrossing(NumBins = 8, OutputMode = global::PrepGen.OutputMode.OneHot)]", source, StringComparison.Ordinal);
    }

    private static string[] Lines(string path)
    {
        string text = File.ReadAllText(path);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        return text[..^1].Split('\n');
    }

    private static string Asset(Fixture fixture, string entry) => Encoding.UTF8.GetString(AssetBytes(fixture, entry));

    private static byte[] AssetBytes(Fixture fixture, string entry)
    {
        using ZipArchive zip = ZipFile.OpenRead(fixture.ModelPath);
        using Stream stream = zip.GetEntry(entry)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
