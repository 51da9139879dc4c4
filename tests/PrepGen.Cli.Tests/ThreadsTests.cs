using System.Globalization;
using System.Text;

namespace PrepGen.Cli.Tests;

/// <summary>
/// --threads: the same bytes as one thread, for every layer, on inputs cut into many chunks; the first error's
/// line is the one a single thread names. Progress: plain lines when stderr is not a terminal, none with --quiet.
/// </summary>
public sealed class ThreadsTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public ThreadsTests()
    {
        // Tiny chunks cut these small files into hundreds of pieces. Other tests running at the same time may get
        // tiny chunks too: their results must not change (only the speed does), which these tests also check.
        InputChunker.ChunkSize = 256;
    }

    public void Dispose() => _cli.Dispose();

    // Skewed tokens (ties included), numbers with a large mean against their spread, a quoted field with a comma.
    private string WriteData()
    {
        var text = new StringBuilder("id,city,rooms,price,review\n");
        var random = new Random(7);
        for (int i = 0; i < 6000; i++)
        {
            int city = (int)Math.Min(random.NextDouble() * random.NextDouble() * 40, 39);
            text.Append(CultureInfo.InvariantCulture,
                $"{i},c{city},{random.Next(1, 9)},{1e5 + (random.NextDouble() * 3):R},\"w{random.Next(30)} w{random.Next(300)}, w{city}\"\n");
        }

        return _cli.Write("data.csv", text.ToString());
    }

    private byte[][] Adapt(string threads, params string[] args)
    {
        string output = _cli.PathOf($"out-{threads}");
        string idf = _cli.PathOf($"idf-{threads}");
        bool tfidf = args.Contains("tf-idf");
        string[] all = [.. args, "--threads", threads, "-o", output, .. tfidf ? new[] { "--idf-out", idf } : []];
        Assert.True(_cli.Run(all) == 0, _cli.Stderr);
        return tfidf ? [File.ReadAllBytes(output), File.ReadAllBytes(idf)] : [File.ReadAllBytes(output)];
    }

    [Theory]
    [InlineData("string-lookup", "city")]
    [InlineData("string-lookup", "city", "--output-mode", "tf-idf")]
    [InlineData("integer-lookup", "rooms")]
    [InlineData("text-vectorization", "review", "--output-mode", "tf-idf", "--ngrams", "2")]
    [InlineData("normalization", "price", "-c", "rooms", "--stats-key", "pr", "--batch-size", "1000")]
    [InlineData("discretization", "price", "--num-bins", "8", "--batch-size", "700")]
    public void Every_layer_gives_the_same_bytes_with_any_thread_count(string layer, string column, params string[] more)
    {
        string input = WriteData();
        string[] args = ["adapt", "-i", input, "-c", column, "-l", layer, .. more];
        byte[][] one = Adapt("1", args);
        Assert.True(one[0].Length > 10);
        foreach (string threads in new[] { "2", "3", "8" })
        {
            byte[][] many = Adapt(threads, args);
            Assert.Equal(one.Length, many.Length);
            for (int i = 0; i < one.Length; i++)
            {
                Assert.Equal(one[i], many[i]);
            }
        }
    }

    [Fact]
    public void The_first_bad_line_is_named_whatever_the_threads()
    {
        var text = new StringBuilder("x\n");
        for (int i = 0; i < 5000; i++)
        {
            text.Append(i == 1234 || i == 4000 ? "oops" : i.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        string input = _cli.Write("bad.csv", text.ToString());
        foreach (string threads in new[] { "1", "2", "4" })
        {
            Assert.Equal(1, _cli.Run("adapt", "-i", input, "-c", "x", "-l", "normalization", "-o", _cli.PathOf("s.json"), "--threads", threads));
            Assert.Equal("prepgen: error: line 1236: 'oops' is not a number (column 'x').", _cli.Stderr.Trim());
        }

        Assert.False(File.Exists(_cli.PathOf("s.json")));
    }

    [Fact]
    public void Threads_out_of_range_are_refused()
    {
        string input = _cli.Write("a.txt", "a\n");
        Assert.Equal(1, _cli.Run("adapt", "-i", input, "-l", "string-lookup", "-o", _cli.PathOf("v.txt"), "--threads", "0"));
        Assert.Contains("--threads must be between 1 and 1024", _cli.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_is_plain_lines_when_not_a_terminal_and_nothing_with_quiet()
    {
        string input = WriteData();
        string[] args = ["adapt", "-i", input, "-c", "city", "-l", "string-lookup", "-o", _cli.PathOf("v.txt"), "--progress-interval", "0"];
        Assert.Equal(0, _cli.Run(args));
        string[] lines = _cli.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.Matches(@"^prepgen: [\d,]+ rows \([\d,]+ rows/s\), \d+% of [\d.]+ KiB, ETA \d+:\d\d:\d\d$", line));
        Assert.DoesNotContain('\u001b', _cli.Stderr); // no escape codes in a log
        Assert.Contains("100% of", lines[^1], StringComparison.Ordinal);

        Assert.Equal(0, _cli.Run([.. args, "--quiet"]));
        Assert.Equal("", _cli.Stderr);
        Assert.Contains("string-lookup: 6,000 rows", _cli.Stdout, StringComparison.Ordinal);
    }
}
