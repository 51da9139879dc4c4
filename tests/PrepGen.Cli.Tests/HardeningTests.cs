using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Threading;

namespace PrepGen.Cli.Tests;

/// <summary>Issue 11, "CLI and state files (nothing lost, nothing torn)": every bad input is exit 1, one line, old files kept.</summary>
public sealed class HardeningTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private void AssertOneLineError(string message)
    {
        Assert.Contains(message, _cli.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("prepgen: error: ", _cli.Stderr, StringComparison.Ordinal);
        Assert.Single(_cli.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)); // no stack trace
    }

    [Fact]
    public void Same_path_outputs_are_refused_and_the_vocabulary_stays()
    {
        string input = _cli.Write("d.csv", "x\na\nb\n");
        string same = _cli.Write("same.txt", "old\n");
        Assert.Equal(1, _cli.Run("adapt", "-i", input, "-c", "x", "-l", "string-lookup", "--output-mode", "tf-idf", "--idf-out", same, "-o", same));
        AssertOneLineError("--idf-out and --out are the same file");
        Assert.Equal("old\n", File.ReadAllText(same));

        Assert.Equal(1, _cli.Run("adapt", "-i", input, "-c", "x", "-l", "string-lookup", "-o", input));
        AssertOneLineError("is the --input file");
        Assert.Equal(1, _cli.Run("adapt", "-i", input, "-c", "x", "-l", "string-lookup", "--output-mode", "tf-idf", "--idf-out", input, "-o", _cli.PathOf("v.txt")));
        AssertOneLineError("is the --input file");
        Assert.Equal("x\na\nb\n", File.ReadAllText(input));
        Assert.Equal(["d.csv", "same.txt"], _cli.Files());
    }

    [Theory]
    [InlineData("empty.txt", "", "string-lookup", null)]
    [InlineData("blank.jsonl", "\n\n", "string-lookup", "x")]
    [InlineData("header.csv", "x\n", "string-lookup", "x")]
    [InlineData("header.csv", "x\n", "integer-lookup", "x")]
    [InlineData("empty.txt", "", "text-vectorization", null)]
    [InlineData("punct.txt", "!!!\n...\n", "text-vectorization", null)]
    public void Empty_input_is_an_error_and_the_old_vocabulary_stays(string name, string content, string layer, string? column)
    {
        string input = _cli.Write(name, content);
        string output = _cli.Write("v.txt", "old\n");
        string[] args = column is null
            ? ["adapt", "-i", input, "-l", layer, "-o", output]
            : ["adapt", "-i", input, "-c", column, "-l", layer, "-o", output];
        Assert.Equal(1, _cli.Run(args));
        Assert.Contains("left as it was", _cli.Stderr, StringComparison.Ordinal);
        Assert.Equal("old\n", File.ReadAllText(output));
        Assert.Equal(new[] { name, "v.txt" }.Order(StringComparer.Ordinal), _cli.Files());
    }

    [Theory]
    [InlineData("--batch-size", "2147483647", "normalization", "--batch-size must be between 1 and")]
    [InlineData("--batch-size", "0", "discretization", "--batch-size must be between 1 and")]
    [InlineData("--ngrams", "2147483647", "text-vectorization", "more than 64")]
    [InlineData("--ngrams", "2,2147483647", "text-vectorization", "more than 64")]
    [InlineData("--num-oov-indices", "2147483647", "string-lookup", "NumOovIndices must be between 0 and")]
    public void Huge_numeric_options_are_refused_in_one_line(string option, string value, string layer, string message)
    {
        string input = _cli.Write("d.csv", "x\n1\n2\n");
        string output = _cli.PathOf(layer is "normalization" or "discretization" ? "stats.json" : "v.txt");
        var args = new List<string> { "adapt", "-i", input, "-l", layer, "-o", output, option, value };
        if (layer != "text-vectorization")
        {
            args.AddRange(["-c", "x"]);
        }

        if (layer == "discretization")
        {
            args.AddRange(["--num-bins", "2"]);
        }

        Assert.Equal(1, _cli.Run(args.ToArray()));
        AssertOneLineError(message);
        Assert.Equal(["d.csv"], _cli.Files());
    }

    [Fact]
    public void A_large_batch_size_costs_only_what_the_input_fills()
    {
        string input = _cli.Write("d.csv", "x\n1\n2\n3\n");
        string stats = _cli.PathOf("stats.json");
        Assert.Equal(0, _cli.Run("adapt", "-i", input, "-c", "x", "-l", "normalization", "--batch-size", "1073741824", "-o", stats));
        Assert.Equal(0, _cli.Run("adapt", "-i", input, "-c", "x", "-l", "discretization", "--num-bins", "2", "--batch-size", "1073741824", "-o", stats, "--stats-key", "d"));
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(stats));
        Assert.Equal(2.0, document.RootElement.GetProperty("features").GetProperty("x").GetProperty("mean")[0].GetDouble());
    }

    [Theory]
    [InlineData("d.csv", "x\n1\nNaN\n", "normalization", "line 3: 'NaN' is not a finite number")]
    [InlineData("d.csv", "x\n1\n2\n-Infinity\n", "normalization", "line 4: '-Infinity' is not a finite number")]
    [InlineData("d.csv", "x\n1e39\n", "normalization", "line 2: '1e39' is beyond float32 range")]
    [InlineData("d.jsonl", "{\"x\": 1}\n{\"x\": \"NaN\"}\n", "discretization", "line 2: 'NaN' is not a finite number")]
    [InlineData("d.jsonl", "{\"x\": 1}\n{\"x\": -1e39}\n", "discretization", "line 2: '-1e39' is beyond float32 range")]
    [InlineData("d.jsonl", "{\"x\": 1}\n{\"x\": NaN}\n", "normalization", "line 2: not valid JSON")]
    public void Non_finite_numbers_are_refused_at_their_line(string name, string content, string layer, string message)
    {
        string input = _cli.Write(name, content);
        string stats = _cli.Write("stats.json", "{\"format\": 1, \"features\": {}}");
        string[] args = layer == "discretization"
            ? ["adapt", "-i", input, "-c", "x", "-l", layer, "--num-bins", "2", "-o", stats]
            : ["adapt", "-i", input, "-c", "x", "-l", layer, "-o", stats];
        Assert.Equal(1, _cli.Run(args));
        AssertOneLineError(message);
        Assert.Equal("{\"format\": 1, \"features\": {}}", File.ReadAllText(stats));
    }

    [Fact]
    public void Concurrent_stats_keys_are_all_kept()
    {
        string input = _cli.Write("t.csv", "a,b,c,d\n1,2,3,4\n5,6,7,8\n");
        string stats = _cli.PathOf("stats.json");
        string[] keys = ["a", "b", "c", "d"];
        for (int trial = 0; trial < 5; trial++)
        {
            File.Delete(stats);
            using var start = new Barrier(keys.Length);
            int[] codes = new int[keys.Length];
            Thread[] threads = keys.Select((key, i) => new Thread(() =>
            {
                start.SignalAndWait();
                using var stdout = new StringWriter();
                using var stderr = new StringWriter();
                codes[i] = PrepGenCli.Run(["adapt", "-i", input, "-c", key, "-l", "normalization", "-o", stats, "--stats-key", key], stdout, stderr);
            })).ToArray();
            foreach (Thread thread in threads)
            {
                thread.Start();
            }

            foreach (Thread thread in threads)
            {
                thread.Join();
            }

            Assert.All(codes, c => Assert.Equal(0, c));
            using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(stats));
            Assert.Equal(keys, document.RootElement.GetProperty("features").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        }

        Assert.Equal(["stats.json", "t.csv"], _cli.Files());
    }

    [Fact]
    public void Stale_temporaries_are_cleaned_by_the_next_run()
    {
        string input = _cli.Write("d.csv", "x\na\n");
        string stale = _cli.Write(".v.txt." + Guid.NewGuid().ToString("N") + ".tmp", new string('x', 4096));
        Assert.Equal(0, _cli.Run("adapt", "-i", input, "-c", "x", "-l", "string-lookup", "-o", _cli.PathOf("v.txt")));
        Assert.False(File.Exists(stale));
        Assert.Equal(["d.csv", "v.txt"], _cli.Files());
    }

    [Fact]
    public void A_pair_interrupted_by_kill_is_reported_by_inspect_and_completed_by_the_next_adapt()
    {
        string input = _cli.Write("d.csv", "x\na\na\nb\n");
        string vocabulary = _cli.PathOf("v.txt");
        string idf = _cli.PathOf("w.txt");
        Assert.Equal(0, _cli.Run("adapt", "-i", input, "-c", "x", "-l", "string-lookup", "--output-mode", "tf-idf", "-o", vocabulary, "--idf-out", idf));

        // kill -9 after the vocabulary was moved into place and before the idf file was.
        string other = _cli.Write("e.csv", "x\nc\nd\nd\n");
        PrepGen.Adapt.StateFiles.StepHook.Value = step =>
        {
            if (step == "moved 1")
            {
                throw new PrepGen.Adapt.SimulatedKillException();
            }
        };
        try
        {
            // System.CommandLine reports an unhandled exception itself; either way the writer stopped there.
            Assert.NotEqual(0, _cli.Run("adapt", "-i", other, "-c", "x", "-l", "string-lookup", "--output-mode", "tf-idf", "-o", vocabulary, "--idf-out", idf));
        }
        catch (PrepGen.Adapt.SimulatedKillException)
        {
        }
        finally
        {
            PrepGen.Adapt.StateFiles.StepHook.Value = null;
        }

        Assert.Equal("d\nc\n", File.ReadAllText(vocabulary));
        Assert.Equal(1, _cli.Run("inspect", idf));
        Assert.Contains("was interrupted", _cli.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, _cli.Run("inspect", vocabulary));
        Assert.Contains("was interrupted", _cli.Stdout, StringComparison.Ordinal);

        // Any later write into the folder completes the pair first.
        Assert.Equal(0, _cli.Run("adapt", "-i", input, "-c", "x", "-l", "string-lookup", "-o", _cli.PathOf("unrelated.txt")));
        Assert.Equal(0, _cli.Run("inspect", idf));
        Assert.Contains("idf weights file, 2 weights", _cli.Stdout, StringComparison.Ordinal);
        Assert.Equal(["d.csv", "e.csv", "unrelated.txt", "v.txt", "w.txt"], _cli.Files());
    }

    [Fact]
    public void Inspect_recognises_an_idf_file()
    {
        string input = _cli.Write("d.txt", string.Join("\n", Enumerable.Range(0, 500).Select(i => "w" + (i % 37) + " w" + (i % 11))) + "\n");
        string vocabulary = _cli.PathOf("v.txt");
        string idf = _cli.PathOf("w.txt");
        Assert.Equal(0, _cli.Run("adapt", "-i", input, "-l", "text-vectorization", "--output-mode", "tf-idf", "-o", vocabulary, "--idf-out", idf));
        Assert.Equal(0, _cli.Run("inspect", idf));
        Assert.Contains($"idf weights file, {File.ReadAllLines(vocabulary).Length} weights", _cli.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("duplicate", _cli.Stdout, StringComparison.Ordinal);

        // An IntegerLookup vocabulary (integers only) is still a vocabulary.
        Assert.Equal(0, _cli.Run("inspect", _cli.Write("ints.txt", "3\n1\n2\n")));
        Assert.Contains("vocabulary file, 3 tokens", _cli.Stdout, StringComparison.Ordinal);

        Assert.Equal(1, _cli.Run("inspect", _cli.Write("bad.idf", "1.5\nNaN\n")));
        Assert.Contains("not finite", _cli.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_recognises_a_mapped_table_and_finds_damage()
    {
        // A minimal table file: a header, one slot, one pilot, an empty key blob, one block sum (no table is built here).
        var bytes = new byte[128 + 24 + 1 + 4];
        PrepGen.Runtime.TableFile.WriteHeader(bytes, new PrepGen.Runtime.TableFileHeader(7, 1, 1, 0, 0, new string('a', 64)));
        PrepGen.Runtime.MappedStringTable.Seal(bytes);
        string table = _cli.PathOf("v.txt.pgtable");
        File.WriteAllBytes(table, bytes);
        Assert.Equal(0, _cli.Run("inspect", table));
        Assert.Contains("mapped lookup table", _cli.Stdout, StringComparison.Ordinal);
        Assert.Contains("intact", _cli.Stdout, StringComparison.Ordinal);

        bytes[130] ^= 1;
        File.WriteAllBytes(table, bytes);
        Assert.Equal(1, _cli.Run("inspect", table));
        Assert.Contains("damaged", _cli.Stdout, StringComparison.Ordinal);

        File.WriteAllBytes(table, bytes[..^1]);
        Assert.Equal(1, _cli.Run("inspect", table));
        Assert.Contains("truncated", _cli.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_real_kill_during_a_pair_write_never_leaves_a_torn_pair()
    {
        // The CLI as a child process on an input big enough to take a while; kill -9 at spread-out moments,
        // then (after the next write into the folder) the pair is always the old one or the new one.
        string cli = typeof(PrepGenCli).Assembly.Location;
        string vocabulary = _cli.PathOf("v.txt");
        string idf = _cli.PathOf("w.txt");
        string small = _cli.Write("small.txt", "a b\nb c\n");
        Assert.Equal(0, _cli.Run("adapt", "-i", small, "-l", "text-vectorization", "--output-mode", "tf-idf", "-o", vocabulary, "--idf-out", idf));
        var rng = new Random(5);
        string big = _cli.Write("big.txt", string.Join("\n", Enumerable.Range(0, 60_000).Select(i => "t" + rng.Next(200_000) + " u" + rng.Next(200_000))) + "\n");
        var watch = Stopwatch.StartNew();
        int killedRunning = 0;
        for (int trial = 0; trial < 6; trial++)
        {
            using var process = Process.Start(new ProcessStartInfo("dotnet", [cli, "adapt", "-i", big, "-l", "text-vectorization", "--output-mode", "tf-idf", "-o", vocabulary, "--idf-out", idf])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            })!;
            Thread.Sleep(150 + (trial * 250));
            killedRunning += process.HasExited ? 0 : 1;
            process.Kill(entireProcessTree: true);
            process.WaitForExit();

            Assert.Equal(0, _cli.Run("adapt", "-i", small, "-l", "string-lookup", "-o", _cli.PathOf("unrelated.txt")));
            int vocabularyLines = File.ReadAllLines(vocabulary).Length;
            int idfLines = File.ReadAllLines(idf).Length;
            Assert.Equal(vocabularyLines, idfLines);
            Assert.DoesNotContain(_cli.Files(), n => n.EndsWith(".tmp", StringComparison.Ordinal) || n.StartsWith(".prepgen-commit", StringComparison.Ordinal));
        }

        Assert.True(killedRunning > 0, "the child was never killed while running");

        // Uninterrupted, the same child writes the new pair.
        using (var done = Process.Start(new ProcessStartInfo("dotnet", [cli, "adapt", "-i", big, "-l", "text-vectorization", "--output-mode", "tf-idf", "-o", vocabulary, "--idf-out", idf]) { RedirectStandardError = true, RedirectStandardOutput = true })!)
        {
            done.WaitForExit();
            Assert.Equal(0, done.ExitCode);
        }

        Assert.True(File.ReadAllLines(vocabulary).Length > 1000);
        Assert.Equal(File.ReadAllLines(vocabulary).Length, File.ReadAllLines(idf).Length);
        Assert.True(watch.Elapsed < TimeSpan.FromMinutes(3));
    }
}
