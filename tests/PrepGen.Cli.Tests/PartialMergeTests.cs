using System.Globalization;
using System.Text;
using System.Text.Json;
using PrepGen.Adapt;

namespace PrepGen.Cli.Tests;

/// <summary>
/// Issue 14, "mergeable partial states": shards adapted with <c>--partial</c> in separate processes, then merged, against one
/// <c>prepgen adapt</c> over the concatenated shards. The expected files are the single pass's, which AdaptCommandTests,
/// RealDataTests and ThreadsTests pin to Keras (and numpy); here only the equality to that pass is asserted.
/// </summary>
public sealed class PartialMergeTests : IDisposable
{
    private const string Header = "id,city,rooms,price,review\n";
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    // Skewed tokens with ties, numbers with a large mean against their spread, quoted fields with commas (as ThreadsTests).
    private static List<string> Rows(int count)
    {
        var random = new Random(11);
        var rows = new List<string>(count);
        for (int i = 0; i < count; i++)
        {
            int city = (int)Math.Min(random.NextDouble() * random.NextDouble() * 40, 39);
            rows.Add(string.Create(CultureInfo.InvariantCulture,
                $"{i},c{city},{random.Next(1, 9)},{1e5 + (random.NextDouble() * 3):R},\"w{random.Next(30)} w{random.Next(300)}, w{city} w{random.Next(5)}!\"\n"));
        }

        return rows;
    }

    /// <summary>Writes the concatenation and one CSV per shard (each with the header); an empty shard is a header only.</summary>
    private (string All, string[] Shards) WriteShards(List<string> rows, params int[] sizes)
    {
        Assert.Equal(rows.Count, sizes.Sum());
        string all = _cli.Write("all.csv", Header + string.Concat(rows));
        var shards = new string[sizes.Length];
        int start = 0;
        for (int s = 0; s < sizes.Length; s++)
        {
            shards[s] = _cli.Write($"shard{s}.csv", Header + string.Concat(rows.Skip(start).Take(sizes[s])));
            start += sizes[s];
        }

        return (all, shards);
    }

    /// <summary>Adapts every shard with --partial, each in its own process, all at once; returns the partials in shard order.</summary>
    private string[] AdaptShards(string[] shards, string[] args)
    {
        string[] partials = shards.Select((_, s) => _cli.PathOf($"shard{s}.pgpartial")).ToArray();
        CliProcess.Result[] results = CliProcess.RunAll(shards.Select((shard, s) => (string[])["adapt", "-i", shard, .. args, "--partial", partials[s], "--quiet"]));
        foreach (CliProcess.Result result in results)
        {
            Assert.True(result.ExitCode == 0, result.Stderr);
            Assert.Contains("-> partial", result.Stdout, StringComparison.Ordinal);
        }

        return partials;
    }

    private int Merge(string[] partials, params string[] outputs) => _cli.Run(["merge", .. outputs, .. partials]);

    [Theory]
    [InlineData("string-lookup", "city")]
    [InlineData("string-lookup", "city", "--output-mode", "tf-idf")]
    [InlineData("string-lookup", "city", "--max-tokens", "12", "--num-oov-indices", "2", "--mask-token", "c3")]
    [InlineData("integer-lookup", "rooms", "--output-mode", "tf-idf", "--mask-token", "4")]
    [InlineData("integer-lookup", "rooms", "--max-tokens", "5")]
    [InlineData("text-vectorization", "review", "--output-mode", "tf-idf", "--ngrams", "2")]
    [InlineData("text-vectorization", "review", "--max-tokens", "50", "--standardize", "lower", "--ngrams", "1,3")]
    [InlineData("text-vectorization", "review", "--split", "character", "--output-mode", "count")]
    public void Lookups_merged_from_process_shards_are_byte_identical_to_one_adapt(string layer, string column, params string[] more)
    {
        // Uneven shards, one of a single row and one empty (a header only: an empty partition of a Spark or Dask job).
        (string all, string[] shards) = WriteShards(Rows(3000), 1100, 0, 1, 1899);
        string[] args = ["-c", column, "-l", layer, .. more];
        bool tfidf = more.Contains("tf-idf");
        string[] single = ["-o", _cli.PathOf("single.txt"), .. tfidf ? new[] { "--idf-out", _cli.PathOf("single.idf") } : []];
        string[] merged = ["-o", _cli.PathOf("merged.txt"), .. tfidf ? new[] { "--idf-out", _cli.PathOf("merged.idf") } : []];

        Assert.True(_cli.Run(["adapt", "-i", all, .. args, .. single]) == 0, _cli.Stderr);
        string[] partials = AdaptShards(shards, args);
        Assert.True(Merge(partials, merged) == 0, _cli.Stderr);
        Assert.Contains("merged 4 partial(s), 3,000 rows", _cli.Stdout, StringComparison.Ordinal);

        Assert.True(File.ReadAllBytes(_cli.PathOf("single.txt")).Length > 5);
        Assert.Equal(File.ReadAllBytes(_cli.PathOf("single.txt")), File.ReadAllBytes(_cli.PathOf("merged.txt")));
        if (tfidf)
        {
            Assert.Equal(File.ReadAllBytes(_cli.PathOf("single.idf")), File.ReadAllBytes(_cli.PathOf("merged.idf")));
        }
    }

    private static JsonElement Entry(string stats, string key)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(stats));
        return document.RootElement.GetProperty("features").GetProperty(key).Clone();
    }

    private static double[] Numbers(JsonElement entry, string name) => entry.GetProperty(name).EnumerateArray().Select(e => e.GetDouble()).ToArray();

    [Fact]
    public void Normalization_merged_is_within_1e_12_of_one_adapt_and_keeps_other_keys()
    {
        // Both sides combine float64 moments of the same float32 values with Chan et al.'s formula; only where batches end
        // differs (every shard ends one), so they agree to rounding. The bound promised (docs/state-files.md) is
        // |merged - single| <= 1e-12 * |single| per mean and variance, and the count exactly. The price column (1e5 + [0, 3))
        // is the hard case: its variance is ~1e-10 of its squared mean.
        (string all, string[] shards) = WriteShards(Rows(3000), 1000, 7, 0, 1993);
        string[] args = ["-c", "price", "-c", "rooms", "-l", "normalization", "--batch-size", "500"];
        string single = _cli.Write("single.json", "{\"format\": 1, \"features\": {\"old\": {\"kind\": \"normalization\", \"mean\": [1], \"variance\": [2]}}}");
        string merged = _cli.Write("merged.json", File.ReadAllText(single));
        Assert.True(_cli.Run(["adapt", "-i", all, .. args, "--stats-key", "pr", "-o", single]) == 0, _cli.Stderr);
        string[] partials = AdaptShards(shards, args);
        Assert.True(Merge(partials, "-o", merged, "--stats-key", "pr") == 0, _cli.Stderr);

        JsonElement a = Entry(single, "pr");
        JsonElement b = Entry(merged, "pr");
        Assert.Equal(3000, b.GetProperty("count").GetInt64());
        foreach (string name in new[] { "mean", "variance" })
        {
            double[] x = Numbers(a, name);
            double[] y = Numbers(b, name);
            Assert.Equal(2, y.Length);
            for (int f = 0; f < x.Length; f++)
            {
                Assert.True(Math.Abs(x[f] - y[f]) <= 1e-12 * Math.Abs(x[f]), $"{name}[{f}]: {x[f]:R} vs {y[f]:R}");
            }
        }

        Assert.Equal(1, Entry(merged, "old").GetProperty("mean")[0].GetDouble()); // the existing key is kept
    }

    [Fact]
    public void Normalization_of_sklearn_wine_in_three_process_shards_matches_the_single_pass()
    {
        // Real data: sklearn's wine_data.csv (13 features, values up to 1680), cut after its sklearn first line into 3 shards.
        string[] lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "sklearn", "wine_data.csv"));
        string all = _cli.Write("wine.csv", string.Join('\n', lines.Skip(1)) + "\n");
        string[] shards = [.. new[] { (1, 60), (61, 60), (121, lines.Length - 121) }.Select((r, s) => _cli.Write($"wine{s}.csv", string.Join('\n', lines.Skip(r.Item1).Take(r.Item2)) + "\n"))];
        string[] columns = [.. Enumerable.Range(0, 13).SelectMany(c => new[] { "-c", c.ToString(CultureInfo.InvariantCulture) })];
        string[] args = ["--no-header", .. columns, "-l", "normalization"];
        Assert.True(_cli.Run(["adapt", "-i", all, .. args, "--stats-key", "wine", "-o", _cli.PathOf("single.json")]) == 0, _cli.Stderr);
        string[] partials = AdaptShards(shards, args);

        // Several columns and no --stats-key at adapt: merge needs one.
        Assert.Equal(1, Merge(partials, "-o", _cli.PathOf("merged.json")));
        Assert.Contains("--stats-key is required", _cli.Stderr, StringComparison.Ordinal);
        Assert.True(Merge(partials, "-o", _cli.PathOf("merged.json"), "--stats-key", "wine") == 0, _cli.Stderr);

        JsonElement a = Entry(_cli.PathOf("single.json"), "wine");
        JsonElement b = Entry(_cli.PathOf("merged.json"), "wine");
        Assert.Equal(178, b.GetProperty("count").GetInt64());
        foreach (string name in new[] { "mean", "variance" })
        {
            double[] x = Numbers(a, name);
            double[] y = Numbers(b, name);
            Assert.Equal(13, y.Length);
            for (int f = 0; f < 13; f++)
            {
                Assert.True(Math.Abs(x[f] - y[f]) <= 1e-12 * Math.Abs(x[f]), $"{name}[{f}]: {x[f]:R} vs {y[f]:R}");
            }
        }
    }

    [Fact]
    public void Discretization_with_shards_on_batch_boundaries_is_byte_identical_to_one_adapt()
    {
        // Keras summarizes each adapt batch and merges the summaries in order. A partial keeps its batches' summaries
        // unmerged and merge replays them shard after shard, so where every shard but the last holds whole batches (here
        // 700 values each), the single pass forms the same batches and the stats.json is the same bytes.
        (string all, string[] shards) = WriteShards(Rows(3000), 1400, 700, 0, 900);
        string[] args = ["-c", "price", "-l", "discretization", "--num-bins", "8", "--batch-size", "700", "--epsilon", "0.02"];
        Assert.True(_cli.Run(["adapt", "-i", all, .. args, "-o", _cli.PathOf("single.json")]) == 0, _cli.Stderr);
        string[] partials = AdaptShards(shards, args);
        Assert.True(Merge(partials, "-o", _cli.PathOf("merged.json")) == 0, _cli.Stderr);
        Assert.Equal(7, Entry(_cli.PathOf("merged.json"), "price").GetProperty("bin_boundaries").GetArrayLength());
        Assert.Equal(File.ReadAllBytes(_cli.PathOf("single.json")), File.ReadAllBytes(_cli.PathOf("merged.json")));
    }

    [Fact]
    public void Discretization_with_uneven_shards_is_keras_fed_each_shards_batches_in_turn()
    {
        // The exact rule when shards do not end on batch boundaries: a shard's last, short batch ends there, and merge
        // equals DiscretizationAdapter (Keras's update_state, pinned by the runtime tests) fed batches 700, 300, 700, 300.
        List<string> rows = Rows(2000);
        (_, string[] shards) = WriteShards(rows, 1000, 1000);
        string[] args = ["-c", "price", "-l", "discretization", "--num-bins", "5", "--batch-size", "700"];
        string[] partials = AdaptShards(shards, args);
        Assert.True(Merge(partials, "-o", _cli.PathOf("merged.json")) == 0, _cli.Stderr);

        float[] prices = [.. rows.Select(r => float.Parse(r.Split(',')[3], CultureInfo.InvariantCulture))];
        var expected = new DiscretizationAdapter { NumBins = 5 };
        foreach ((int start, int length) in new[] { (0, 700), (700, 300), (1000, 700), (1700, 300) })
        {
            expected.Update(prices.AsSpan(start, length));
        }

        Assert.Equal(expected.BinBoundaries, Numbers(Entry(_cli.PathOf("merged.json"), "price"), "bin_boundaries"));
    }

    [Theory]
    [InlineData("text-vectorization", "review", "--output-mode", "tf-idf")]
    [InlineData("normalization", "price", "--batch-size", "300")]
    [InlineData("discretization", "price", "--num-bins", "4", "--batch-size", "300")]
    public void A_partial_is_the_same_bytes_with_any_thread_count(string layer, string column, params string[] more)
    {
        // A retried or speculative task (Spark, Kubernetes) must write the same partial; tiny chunks make threads matter.
        InputChunker.ChunkSize = 256;
        string input = _cli.Write("d.csv", Header + string.Concat(Rows(2000)));
        byte[][] partials = [.. new[] { "1", "3" }.Select(threads =>
        {
            string partial = _cli.PathOf($"t{threads}.pgpartial");
            Assert.True(_cli.Run(["adapt", "-i", input, "-c", column, "-l", layer, .. more, "--threads", threads, "--partial", partial]) == 0, _cli.Stderr);
            return File.ReadAllBytes(partial);
        })];
        Assert.Equal(partials[0], partials[1]);
    }

    private string OnePartial(string name, params string[] args)
    {
        string input = _cli.Write(name + ".csv", Header + string.Concat(Rows(50)));
        string partial = _cli.PathOf(name + ".pgpartial");
        Assert.True(_cli.Run(["adapt", "-i", input, .. args, "--partial", partial]) == 0, _cli.Stderr);
        return partial;
    }

    private void AssertMergeFails(string message, params string[] partials)
    {
        string output = _cli.Write("kept.txt", "old\n");
        Assert.Equal(1, _cli.Run(["merge", "-o", output, .. partials]));
        Assert.Contains(message, _cli.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("prepgen: error: ", _cli.Stderr, StringComparison.Ordinal);
        Assert.Equal("old\n", File.ReadAllText(output)); // nothing lost
    }

    [Fact]
    public void Inspect_summarises_a_partial_and_names_the_damage_of_a_truncated_one()
    {
        string good = OnePartial("inspected", "-c", "city", "-l", "string-lookup", "--max-tokens", "10");
        Assert.Equal(0, _cli.Run("inspect", good));
        Assert.Contains("partial state (format 1) of string-lookup, 50 rows from inspected.csv", _cli.Stdout, StringComparison.Ordinal);
        Assert.Contains("  state: token-counts, ", _cli.Stdout, StringComparison.Ordinal);
        Assert.Contains("max-tokens=10", _cli.Stdout, StringComparison.Ordinal);
        Assert.Contains("  columns: city", _cli.Stdout, StringComparison.Ordinal);

        string truncated = _cli.PathOf("inspected-cut.pgpartial");
        File.WriteAllBytes(truncated, File.ReadAllBytes(good)[..^10]);
        Assert.Equal(1, _cli.Run("inspect", truncated));
        Assert.Contains("a partial state file that cannot be merged", _cli.Stdout, StringComparison.Ordinal);
        Assert.Contains("truncated", _cli.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_foreign_wrong_version_and_damaged_partials_are_errors_naming_the_file()
    {
        string good = OnePartial("good", "-c", "city", "-l", "string-lookup");
        byte[] bytes = File.ReadAllBytes(good);

        string truncated = _cli.PathOf("truncated.pgpartial");
        File.WriteAllBytes(truncated, bytes[..^10]);
        AssertMergeFails($"'{truncated}' is not a usable partial state (.pgpartial): truncated", good, truncated);

        string foreign = _cli.Write("foreign.pgpartial", "c3\nc1\n");
        AssertMergeFails($"'{foreign}' is not a usable partial state (.pgpartial): it does not start with the PGPARTL magic", foreign);

        byte[] newer = (byte[])bytes.Clone();
        newer[8] = 2;
        string version = _cli.PathOf("version.pgpartial");
        File.WriteAllBytes(version, newer);
        AssertMergeFails($"'{version}' is not a usable partial state (.pgpartial): format version 2; this prepgen reads version 1", version);

        byte[] flipped = (byte[])bytes.Clone();
        flipped[^40] ^= 1;
        string damaged = _cli.PathOf("damaged.pgpartial");
        File.WriteAllBytes(damaged, flipped);
        AssertMergeFails("checksum mismatch", damaged);

        string empty = _cli.Write("empty.pgpartial", "");
        AssertMergeFails("the file is empty", empty);

        // The header reader for inspect applies the same checks.
        Assert.Throws<InvalidDataException>(() => Partial.PartialFile.ReadHeader(truncated));
        Partial.PartialHeader header = Partial.PartialFile.ReadHeader(good);
        Assert.Equal(("string-lookup", 50L, "token-counts"), (header.Layer, header.Rows, header.StateKind));
        Assert.Equal(["city"], header.Columns);
    }

    [Fact]
    public void Partials_of_other_options_or_layers_are_refused_naming_the_option()
    {
        string a = OnePartial("a", "-c", "city", "-l", "string-lookup", "--max-tokens", "10");
        string b = OnePartial("b", "-c", "city", "-l", "string-lookup");
        AssertMergeFails($"--max-tokens differs: '{a}' was adapted with '10', '{b}' with (not set)", a, b);

        string c = OnePartial("c", "-c", "review", "-l", "string-lookup", "--max-tokens", "10");
        AssertMergeFails("--column differs", a, c);

        string d = OnePartial("d", "-c", "rooms", "-l", "integer-lookup");
        AssertMergeFails("is a integer-lookup partial", b, d);

        string e = OnePartial("e", "-c", "review", "-l", "text-vectorization", "--ngrams", "2");
        string f = OnePartial("f", "-c", "review", "-l", "text-vectorization", "--ngrams", "1,2,3");
        AssertMergeFails("--ngrams differs: '" + e + "' was adapted with '1,2'", e, f);

        // Batches decide discretization's summaries, so --batch-size is an option like any other.
        string g = OnePartial("g", "-c", "price", "-l", "discretization", "--num-bins", "4");
        string h = OnePartial("h", "-c", "price", "-l", "discretization", "--num-bins", "4", "--batch-size", "10");
        AssertMergeFails("--batch-size differs", g, h);

        // Defaults are written out, so an explicit default is the same option.
        string i = OnePartial("i", "-c", "city", "-l", "string-lookup", "--num-oov-indices", "1", "--output-mode", "int");
        Assert.True(_cli.Run("merge", "-o", _cli.PathOf("v.txt"), b, i) == 0, _cli.Stderr);
    }

    [Fact]
    public void Merge_and_partial_option_errors_leave_old_files()
    {
        string input = _cli.Write("d.csv", Header + string.Concat(Rows(20)));
        Assert.Equal(1, _cli.Run("adapt", "-i", input, "-c", "city", "-l", "string-lookup", "-o", _cli.PathOf("v.txt"), "--partial", _cli.PathOf("p.pgpartial")));
        Assert.Contains("--partial replaces --out and --idf-out", _cli.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, _cli.Run("adapt", "-i", input, "-c", "city", "-l", "string-lookup"));
        Assert.Contains("--out is required", _cli.Stderr, StringComparison.Ordinal);

        string tfidf = OnePartial("t", "-c", "city", "-l", "string-lookup", "--output-mode", "tf-idf");
        AssertMergeFails("merge needs --idf-out", tfidf);
        AssertMergeFails("is given twice", tfidf, tfidf);
        Assert.Equal(1, _cli.Run("merge", "-o", tfidf, tfidf));
        Assert.Contains("is both a partial to merge and an output", _cli.Stderr, StringComparison.Ordinal);

        // Every shard empty: as adapt on empty input, nothing to write.
        string empty = _cli.Write("empty.csv", Header);
        string none = _cli.PathOf("none.pgpartial");
        Assert.True(_cli.Run("adapt", "-i", empty, "-c", "city", "-l", "string-lookup", "--partial", none) == 0, _cli.Stderr);
        AssertMergeFails("the partials hold no rows", none);

        // A failed partial write leaves the previous partial.
        string kept = OnePartial("k", "-c", "city", "-l", "string-lookup");
        byte[] before = File.ReadAllBytes(kept);
        string bad = _cli.Write("bad.csv", "id,rooms\n1,2\n2,x\n");
        Assert.Equal(1, _cli.Run("adapt", "-i", bad, "-c", "rooms", "-l", "integer-lookup", "--partial", kept));
        Assert.Equal(before, File.ReadAllBytes(kept));
        Assert.DoesNotContain(_cli.Files(), n => n.EndsWith(".tmp", StringComparison.Ordinal));
    }
}
