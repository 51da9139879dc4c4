using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using PrepGen.Adapt;

namespace PrepGen.Runtime.Tests.Adapt;

public sealed class SaveTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("prepgen-save-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Vocabulary_file_holds_the_real_tokens_utf8_without_bom()
    {
        // The guide's StringLookup example: index 1 = c, 2 = b, 3 = a.
        var adapter = new StringLookupAdapter();
        foreach (string value in new[] { "a", "b", "c", "b", "c", "a", "é" })
        {
            adapter.Update(value);
        }

        string path = Path.Combine(_folder, "vocab.txt");
        adapter.Save(path);
        Assert.Equal(Encoding.UTF8.GetBytes("c\nb\na\né\n"), File.ReadAllBytes(path));
        Assert.Equal(["vocab.txt"], FileNames());
    }

    [Fact]
    public void A_carriage_return_inside_a_token_is_written_and_one_ending_a_token_is_refused()
    {
        // A reader strips one trailing \r from a line, so "a\r" cannot round-trip; "x\ry" can. Saved before and after
        // GetVocabulary (the file written from the counter's bytes, then from the built strings): the same outcome.
        foreach (bool built in new[] { false, true })
        {
            var adapter = new StringLookupAdapter();
            adapter.Update("x\ry");
            adapter.Update("z");
            string path = Path.Combine(_folder, $"cr-{built}.txt");
            if (built)
            {
                Assert.Equal(["[UNK]", "z", "x\ry"], adapter.GetVocabulary());
            }

            adapter.Save(path);
            Assert.Equal("z\nx\ry\n"u8.ToArray(), File.ReadAllBytes(path));

            adapter.Update("a\r");
            adapter.Update("a\r");
            string refused = Path.Combine(_folder, $"refused-{built}.txt");
            if (built)
            {
                Assert.Equal("a\r", adapter.GetVocabulary()[1]);
            }

            var error = Assert.Throws<InvalidOperationException>(() => adapter.Save(refused));
            Assert.Contains("Token 1 (\"a\\r\") contains a line break", error.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(refused));
        }
    }

    [Fact]
    public void Saved_vocabulary_round_trips_to_get_vocabulary()
    {
        var adapter = new TextVectorizationAdapter { Ngrams = 2 };
        adapter.Update(["The Brain is wider than the Sky", "For put them side by side"]);
        string path = Path.Combine(_folder, "text.txt");
        adapter.Save(path);
        string[] lines = File.ReadAllText(path, Encoding.UTF8).Split('\n');
        Assert.Equal("", lines[^1]);
        Assert.Equal(adapter.GetVocabulary().Skip(2), lines[..^1]);
    }

    [Fact]
    public void Integer_vocabulary_and_idf_files()
    {
        // integerlookup-adapt-tfidf: adapt [1,1,1,2,2,3]; idf(1) = 0.916291, idf(2) = 1.098612 (the vector's outputs).
        var adapter = new IntegerLookupAdapter { OutputMode = OutputMode.TfIdf };
        foreach (long value in new long[] { 1, 1, 1, 2, 2, 3 })
        {
            adapter.Update(value);
        }

        string vocabulary = Path.Combine(_folder, "ints.txt");
        string idf = Path.Combine(_folder, "ints.idf");
        adapter.Save(vocabulary, idf);
        Assert.Equal("1\n2\n3\n", File.ReadAllText(vocabulary));
        float[] weights = File.ReadAllLines(idf).Select(l => float.Parse(l, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(3, weights.Length);
        Assert.Equal(0.916291, weights[0], 1e-6);
        Assert.Equal(1.098612, weights[1], 1e-6);
        Assert.Equal(adapter.IdfWeights.Skip(1).Select(w => (float)w), weights);
    }

    [Fact]
    public void Idf_file_needs_tf_idf_mode()
    {
        var adapter = new StringLookupAdapter();
        adapter.Update("a");
        Assert.Throws<InvalidOperationException>(() => adapter.Save(Path.Combine(_folder, "v.txt"), Path.Combine(_folder, "v.idf")));
        Assert.Empty(FileNames());
    }

    [Fact]
    public void A_failed_write_keeps_the_old_file_and_leaves_no_temp_file()
    {
        string path = Path.Combine(_folder, "vocab.txt");
        var good = new StringLookupAdapter();
        good.Update("ok");
        good.Save(path);

        var bad = new StringLookupAdapter();
        bad.Update("two\nlines");
        Assert.Throws<InvalidOperationException>(() => bad.Save(path));
        Assert.Equal("ok\n", File.ReadAllText(path));
        Assert.Equal(["vocab.txt"], FileNames());
    }

    [Fact]
    public void Stats_file_adds_and_replaces_keys_and_keeps_the_others()
    {
        string path = Path.Combine(_folder, "stats.json");
        var price = new NormalizationAdapter(2);
        price.Update([1f, 10f, 3f, 30f]);
        price.Save(path, "price");

        var age = new DiscretizationAdapter { NumBins = 4 };
        age.Update([-1.5f, 1.0f, 3.4f, .5f, 0.0f, 3.0f, 1.3f, 0.0f]);
        age.Save(path, "age");

        var newPrice = new NormalizationAdapter(1);
        newPrice.Update([4f, 6f]);
        newPrice.Save(path, "price");

        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
        JsonElement root = document.RootElement;
        Assert.Equal(1, root.GetProperty("format").GetInt32());
        JsonElement features = root.GetProperty("features");
        Assert.Equal(["price", "age"], features.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).Reverse());

        JsonElement p = features.GetProperty("price");
        Assert.Equal("normalization", p.GetProperty("kind").GetString());
        Assert.Equal([5.0], p.GetProperty("mean").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal([1.0], p.GetProperty("variance").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(2, p.GetProperty("count").GetInt64());

        JsonElement a = features.GetProperty("age");
        Assert.Equal("discretization", a.GetProperty("kind").GetString());
        Assert.Equal(age.BinBoundaries, a.GetProperty("bin_boundaries").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(["stats.json"], FileNames());
    }

    [Fact]
    public void Stats_values_round_trip_exactly()
    {
        string path = Path.Combine(_folder, "stats.json");
        var adapter = new NormalizationAdapter(3);
        adapter.Update([0.1f, 0.2f, 0.3f, 0.8f, 0.9f, 1.0f, 1.5f, 1.6f, 1.7f]);
        adapter.Save(path, "x");
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
        JsonElement x = document.RootElement.GetProperty("features").GetProperty("x");
        Assert.Equal(adapter.Mean, x.GetProperty("mean").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(adapter.Variance, x.GetProperty("variance").EnumerateArray().Select(e => e.GetDouble()));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"format\": 2, \"features\": {}}")]
    [InlineData("[1, 2]")]
    public void A_stats_file_that_cannot_be_read_is_left_untouched(string content)
    {
        string path = Path.Combine(_folder, "stats.json");
        File.WriteAllText(path, content);
        var adapter = new NormalizationAdapter(1);
        adapter.Update([1f]);
        Assert.Throws<InvalidDataException>(() => adapter.Save(path, "k"));
        Assert.Equal(content, File.ReadAllText(path));
        Assert.Equal(["stats.json"], FileNames());
    }

    [Fact]
    public void A_stats_file_the_generator_would_reject_is_named_with_its_line()
    {
        string path = Path.Combine(_folder, "stats.json");
        File.WriteAllText(path, "{\"features\": {},\n \"format\": 2}");
        var adapter = new NormalizationAdapter(1);
        adapter.Update([1f]);
        InvalidDataException e = Assert.Throws<InvalidDataException>(() => adapter.Save(path, "k"));
        Assert.Equal($"'{path}' line 2: stats format 2 is not supported; this PrepGen reads format 1 (docs/state-files.md)", e.Message);
    }

    private string[] FileNames() => Directory.GetFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
}
