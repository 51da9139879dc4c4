using System.Globalization;
using System.IO;
using System.Text.Json;

namespace PrepGen.Cli.Tests;

public sealed class AdaptCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Csv_string_lookup_writes_the_keras_ordered_vocabulary()
    {
        // The guide's StringLookup example adapts a, b, c, b, c, a; Keras's vocabulary is [UNK], c, b, a.
        // Quoting, a quoted comma and CRLF line ends exercise RFC 4180.
        string input = _cli.Write("data.csv", "id,letter,note\r\n1,a,x\r\n2,\"b\",\"y, z\"\r\n3,c,\r\n4,b,\"say \"\"hi\"\"\"\r\n5,c,\"two\nlines\"\r\n6,a,w\r\n");
        string output = _cli.PathOf("letters.txt");
        Assert.Equal(0, _cli.Run("adapt", "--input", input, "--column", "letter", "--layer", "string-lookup", "--out", output));
        Assert.Equal("c\nb\na\n", File.ReadAllText(output));
        Assert.Contains("6 rows", _cli.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_quoted_fields_keep_commas_quotes_and_line_breaks()
    {
        string input = _cli.Write("notes.csv", "note\n\"x, y\"\n\"say \"\"hi\"\"\"\n\"x, y\"\nplain\n");
        string output = _cli.PathOf("notes.txt");
        Assert.Equal(0, _cli.Run("adapt", "-i", input, "-c", "note", "-l", "string-lookup", "-o", output));
        Assert.Equal("x, y\\nsay \"hi\"\\nplain\\n".Replace("\\n", "\n", StringComparison.Ordinal), File.ReadAllText(output));
    }

    [Fact]
    public void Text_vectorization_on_text_lines_matches_the_guide_vocabulary()
    {
        // The guide's Brain sentences: "The Brain is deeper than the sea" -> [2, 19, 14, 1, 9, 2, 1],
        // so "the" is line 0 of the file (index 2), "than" line 7, "is" line 12, "brain" line 17.
        string input = _cli.Write("brain.txt", "The Brain is wider than the Sky\nFor put them side by side\nThe one the other will contain\nWith ease and You beside\n");
        string output = _cli.PathOf("brain.vocab");
        Assert.Equal(0, _cli.Run("adapt", "-i", input, "-l", "text-vectorization", "-o", output));
        string[] lines = File.ReadAllLines(output);
        Assert.Equal(20, lines.Length);
        Assert.Equal("the", lines[0]);
        Assert.Equal("than", lines[7]);
        Assert.Equal("is", lines[12]);
        Assert.Equal("brain", lines[17]);
    }

    [Fact]
    public void Tf_idf_writes_vocabulary_and_weights()
    {
        // integerlookup-adapt-tfidf: adapt [1,1,1,2,2,3]; idf(1) = 0.916291, idf(2) = 1.098612.
        string input = _cli.Write("ints.jsonl", "{\"v\": 1}\n{\"v\": 1}\n{\"v\": 1}\n{\"v\": 2}\n\n{\"v\": 2}\n{\"v\": 3}\n");
        string output = _cli.PathOf("ints.txt");
        string idf = _cli.PathOf("ints.idf");
        Assert.Equal(0, _cli.Run("adapt", "-i", input, "-c", "v", "-l", "integer-lookup", "--output-mode", "tf_idf", "-o", output, "--idf-out", idf));
        Assert.Equal("1\n2\n3\n", File.ReadAllText(output));
        double[] weights = File.ReadAllLines(idf).Select(l => double.Parse(l, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(0.916291, weights[0], 1e-6);
        Assert.Equal(1.098612, weights[1], 1e-6);
    }

    [Fact]
    public void Jsonl_normalization_writes_stats_json()
    {
        // The guide's Normalization data; np.mean gives 0.8, 0.9, 1.0 and np.var 0.98/3 each.
        string input = _cli.Write("rows.jsonl", "{\"a\": 0.1, \"b\": 0.2, \"c\": \"0.3\"}\n{\"a\": 0.8, \"b\": 0.9, \"c\": 1.0}\n{\"a\": 1.5, \"b\": 1.6, \"c\": 1.7}\n");
        string stats = _cli.PathOf("stats.json");
        Assert.Equal(0, _cli.Run("adapt", "-i", input, "-c", "a", "-c", "b", "-c", "c", "-l", "normalization", "-o", stats, "--stats-key", "abc"));

        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(stats));
        JsonElement entry = document.RootElement.GetProperty("features").GetProperty("abc");
        Assert.Equal(1, document.RootElement.GetProperty("format").GetInt32());
        Assert.Equal("normalization", entry.GetProperty("kind").GetString());
        Assert.Equal(3, entry.GetProperty("count").GetInt64());
        double[] mean = entry.GetProperty("mean").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        double[] variance = entry.GetProperty("variance").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        double[] expectedMean = [0.8, 0.9, 1.0];
        for (int f = 0; f < 3; f++)
        {
            // The inputs are float32, so agreement is to float32 precision.
            Assert.Equal(expectedMean[f], mean[f], 1e-6);
            Assert.Equal(0.98 / 3, variance[f], 1e-6);
        }
    }

    [Fact]
    public void Csv_discretization_reproduces_the_docstring_example()
    {
        // num_bins=4 on [-1.5, 1.0, 3.4, .5, 0.0, 3.0, 1.3, 0.0] buckets them as [0,2,3,2,1,3,3,1] (bisect_right).
        string input = _cli.Write("x.csv", "x\n-1.5\n1.0\n3.4\n.5\n0.0\n3.0\n1.3\n0.0\n");
        string stats = _cli.PathOf("stats.json");
        Assert.Equal(0, _cli.Run("adapt", "-i", input, "-c", "x", "-l", "discretization", "--num-bins", "4", "-o", stats));
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(stats));
        double[] boundaries = document.RootElement.GetProperty("features").GetProperty("x").GetProperty("bin_boundaries")
            .EnumerateArray().Select(e => e.GetDouble()).ToArray();
        float[] values = [-1.5f, 1.0f, 3.4f, .5f, 0.0f, 3.0f, 1.3f, 0.0f];
        Assert.Equal([0, 2, 3, 2, 1, 3, 3, 1], values.Select(v => boundaries.Count(b => (float)b <= v)).ToArray());
    }

    [Fact]
    public void Stats_keys_accumulate_across_runs()
    {
        string input = _cli.Write("t.csv", "p,q\n1,10\n3,30\n");
        string stats = _cli.PathOf("stats.json");
        Assert.Equal(0, _cli.Run("adapt", "-i", input, "-c", "p", "-l", "normalization", "-o", stats));
        Assert.Equal(0, _cli.Run("adapt", "-i", input, "-c", "q", "-l", "discretization", "--num-bins", "2", "-o", stats));
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(stats));
        Assert.Equal(["p", "q"], document.RootElement.GetProperty("features").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("id,city\n1,a\n", "city2", "no column 'city2'")]
    [InlineData("id,v\n1,2\n2,x\n", "v", "line 3: 'x' is not a number")]
    [InlineData("id,v\n1,2\n2,3,4\n", "v", "line 3: expected 2 fields")]
    [InlineData("id,v\n1,\"2\n", "v", "line 2: a quoted field is not closed")]
    [InlineData("", "v", "empty")]
    public void Bad_csv_fails_with_a_message_and_writes_nothing(string content, string column, string message)
    {
        string input = _cli.Write("bad.csv", content);
        Assert.Equal(1, _cli.Run("adapt", "-i", input, "-c", column, "-l", "normalization", "-o", _cli.PathOf("stats.json")));
        Assert.Contains(message, _cli.Stderr, StringComparison.Ordinal);
        Assert.Equal(["bad.csv"], _cli.Files());
    }

    [Fact]
    public void Bad_jsonl_names_the_line()
    {
        string input = _cli.Write("bad.jsonl", "{\"n\": 1}\n{\"n\": 2\n");
        Assert.Equal(1, _cli.Run("adapt", "-i", input, "-c", "n", "-l", "integer-lookup", "-o", _cli.PathOf("v.txt")));
        Assert.Contains("line 2: not valid JSON", _cli.Stderr, StringComparison.Ordinal);

        input = _cli.Write("bad2.jsonl", "{\"n\": 1}\n{\"m\": 2}\n");
        Assert.Equal(1, _cli.Run("adapt", "-i", input, "-c", "n", "-l", "integer-lookup", "-o", _cli.PathOf("v.txt")));
        Assert.Contains("line 2: the object has no property 'n'", _cli.Stderr, StringComparison.Ordinal);

        input = _cli.Write("bad3.jsonl", "{\"n\": 1.5}\n");
        Assert.Equal(1, _cli.Run("adapt", "-i", input, "-c", "n", "-l", "integer-lookup", "-o", _cli.PathOf("v.txt")));
        Assert.Contains("line 1: '1.5' is not an integer", _cli.Stderr, StringComparison.Ordinal);
        Assert.Equal(["bad.jsonl", "bad2.jsonl", "bad3.jsonl"], _cli.Files());
    }

    [Fact]
    public void A_failed_run_keeps_the_existing_state_file()
    {
        string stats = _cli.Write("stats.json", "{\"format\": 1, \"features\": {\"old\": {\"kind\": \"normalization\", \"mean\": [1], \"variance\": [2]}}}");
        string input = _cli.Write("bad.csv", "v\n1\nnope\n");
        Assert.Equal(1, _cli.Run("adapt", "-i", input, "-c", "v", "-l", "normalization", "-o", stats));
        Assert.Contains("\"old\"", File.ReadAllText(stats), StringComparison.Ordinal);
        Assert.Equal(["bad.csv", "stats.json"], _cli.Files());
    }

    [Fact]
    public void Unreadable_input_and_wrong_options_fail()
    {
        Assert.Equal(1, _cli.Run("adapt", "-i", _cli.PathOf("missing.csv"), "-c", "x", "-l", "string-lookup", "-o", _cli.PathOf("v.txt")));
        Assert.Contains("cannot read", _cli.Stderr, StringComparison.Ordinal);

        string input = _cli.Write("d.csv", "x\na\n");
        Assert.Equal(1, _cli.Run("adapt", "-i", input, "-c", "x", "-l", "string-lookup", "--num-bins", "3", "-o", _cli.PathOf("v.txt")));
        Assert.Contains("--num-bins does not apply", _cli.Stderr, StringComparison.Ordinal);

        Assert.Equal(1, _cli.Run("adapt", "-i", input, "-c", "x", "-l", "string-lookup", "--output-mode", "tf-idf", "-o", _cli.PathOf("v.txt")));
        Assert.Contains("--idf-out", _cli.Stderr, StringComparison.Ordinal);

        Assert.Equal(1, _cli.Run("adapt", "-i", input, "-c", "x", "-l", "string-lookup", "--max-tokens", "1", "-o", _cli.PathOf("v.txt")));
        Assert.Contains("MaxTokens", _cli.Stderr, StringComparison.Ordinal);

        Assert.NotEqual(0, _cli.Run("adapt", "-i", input, "-c", "x", "-l", "string-lookup"));
        Assert.Equal(["d.csv"], _cli.Files());
    }
}
