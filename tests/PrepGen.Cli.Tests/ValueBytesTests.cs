using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using PrepGen.Adapt;
using PrepGen.Text;

namespace PrepGen.Cli.Tests;

/// <summary>
/// Issue 14, "adapt at disk speed": the lookups read text lines and CSV fields as the bytes they have in the input
/// (LineSource.ParseValues), never as strings. The files written must be those of the reference path over the values
/// the test wrote: <see cref="TextTokenizer"/> tokens counted by <see cref="TokenCounter{TToken}"/>, finalized by the
/// same code. Line ends of every kind, a byte order mark, blank lines, quoting, non-ASCII and inputs cut into many
/// chunks (and threads) included.
/// </summary>
public sealed class ValueBytesTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    // Values a file can hold in one text line or one CSV field: the CSV ones are quoted where they must be.
    private static readonly string[] Values =
    [
        "The Brain, is wider than the Sky", "", "  ", "naïve café", "ÉCOLE \"quoted\" word", "a,b,c", "東京 😀 Ἀχιλλεύς",
        "don't stop-me", "line\nbreak inside", "[UNK]", "x", "x", "X", "sixteen-bytes-xx seventeen-bytes-x", new string('w', 5000),
    ];

    [Theory]
    [InlineData("1")]
    [InlineData("3")]
    public void Csv_fields_give_the_reference_vocabulary_and_idf(string threads)
    {
        InputChunker.ChunkSize = 256;
        var random = new Random(5);
        string[] texts = Enumerable.Range(0, 600).Select(_ => Values[random.Next(Values.Length)]).ToArray();
        string[] words = texts.Select(t => t.Replace('\n', ' ')).Reverse().ToArray(); // a vocabulary file cannot hold a line break
        var csv = new StringBuilder("\uFEFFid,text,word\r\n");
        for (int i = 0; i < texts.Length; i++)
        {
            csv.Append(i % 50 == 0 ? "\r\n" : "").Append(CultureInfo.InvariantCulture, $"{i},{Quoted(texts[i])},{Quoted(words[i])}").Append(i % 2 == 0 ? "\r\n" : "\n");
        }

        string input = _cli.Write("values.csv", csv.ToString());
        AssertStringLookup(["-i", input, "-c", "word", "--threads", threads], words);
        AssertTextVectorization(["-i", input, "-c", "text", "--threads", threads], texts);

        // The byte order mark is not part of the first column's name.
        Assert.True(_cli.Run("adapt", "-i", input, "-c", "id", "-l", "integer-lookup", "-o", _cli.PathOf("ids.txt")) == 0, _cli.Stderr);
    }

    [Fact]
    public void A_utf16_byte_order_mark_is_refused_with_a_hint()
    {
        foreach (byte[] mark in new[] { new byte[] { 0xFF, 0xFE }, [0xFE, 0xFF] })
        {
            string input = _cli.PathOf("utf16.txt");
            File.WriteAllBytes(input, [.. mark, .. "a\nb\n"u8]);
            Assert.Equal(1, _cli.Run("adapt", "-i", input, "-l", "string-lookup", "-o", _cli.PathOf("v.txt")));
            Assert.Contains("the input is UTF-16", _cli.Stderr, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("1")]
    [InlineData("3")]
    public void Text_lines_give_the_reference_vocabulary_and_idf(string threads)
    {
        InputChunker.ChunkSize = 256;
        var random = new Random(6);
        string[] lines = Enumerable.Range(0, 600).Select(_ => Values[random.Next(Values.Length)].Replace('\n', ' ')).ToArray();
        string[] ends = ["\n", "\r\n", "\r"];
        var text = new StringBuilder("\uFEFF");
        for (int i = 0; i < lines.Length; i++)
        {
            // \r before an empty line would read as one \r\n.
            string end = ends[random.Next(ends.Length)];
            text.Append(lines[i]).Append(end == "\r" && i + 1 < lines.Length && lines[i + 1].Length == 0 ? "\n" : end);
        }

        string input = _cli.Write("values.txt", text.ToString());
        AssertStringLookup(["-i", input, "--threads", threads], lines);
        AssertTextVectorization(["-i", input, "--threads", threads], lines);
    }

    [Fact]
    public void Integers_read_as_bytes_follow_the_keras_order_and_name_a_bad_line()
    {
        // Counts: 7 three times, -2 and +2 (= 2) twice each, 10 once: ties by value descending (docs/keras-semantics.md, "Lookup: adapt").
        string text = _cli.Write("n.txt", "7\n-2\n+2\n10\n7\n-2\n2\n7\n");
        string csv = _cli.Write("n.csv", "n,m\n7,a\n-2,b\n+2,c\n10,d\n7,e\n-2,f\n2,g\n7,h\n");
        string vocabulary = _cli.PathOf("v.txt");
        Assert.Equal(0, _cli.Run("adapt", "-i", text, "-l", "integer-lookup", "-o", vocabulary));
        Assert.Equal(["7", "2", "-2", "10"], File.ReadAllLines(vocabulary));
        Assert.Equal(0, _cli.Run("adapt", "-i", csv, "-c", "n", "-l", "integer-lookup", "-o", vocabulary));
        Assert.Equal(["7", "2", "-2", "10"], File.ReadAllLines(vocabulary));

        Assert.Equal(1, _cli.Run("adapt", "-i", _cli.Write("bad.txt", "1\n2\n 3\n"), "-l", "integer-lookup", "-o", vocabulary));
        Assert.Equal("prepgen: error: line 3: ' 3' is not an integer.", _cli.Stderr.Trim());
        Assert.Equal(1, _cli.Run("adapt", "-i", _cli.Write("bad.csv", "n\n1\n\n2\nnaïve\n"), "-c", "n", "-l", "integer-lookup", "-o", vocabulary));
        Assert.Equal("prepgen: error: line 5: 'naïve' is not an integer.", _cli.Stderr.Trim());
    }

    [Fact]
    public void A_value_batch_hands_on_every_value_in_order_whatever_its_size()
    {
        // More values than a batch holds, and fields larger than its byte buffer: every flush hands on whole values.
        var random = new Random(9);
        string[] values = Enumerable.Range(0, 5000).Select(i => i % 997 == 0 ? new string('é', 70_000) : $"v{random.Next(100)}é").ToArray();
        var seen = new List<(string Value, long Line)>();
        Utf8Values collect = (utf8, ranges, lines) =>
        {
            for (int i = 0; i < lines.Length; i++)
            {
                seen.Add((Encoding.UTF8.GetString(utf8[ranges[2 * i]..ranges[(2 * i) + 1]]), lines[i]));
            }
        };

        var transcoded = new ValueBatch();
        for (int i = 0; i < values.Length; i++)
        {
            transcoded.Add(values[i], i + 1, collect);
        }

        transcoded.Flush(collect);
        Assert.Equal(values.Select((v, i) => (v, i + 1L)), seen);
        Assert.Equal(values.Length, transcoded.Total);

        // Values lying in the caller's bytes (text lines in their chunk).
        seen.Clear();
        byte[] source = Encoding.UTF8.GetBytes(string.Concat(values));
        var ranges = new ValueBatch();
        int start = 0;
        for (int i = 0; i < values.Length; i++)
        {
            int end = start + Encoding.UTF8.GetByteCount(values[i]);
            ranges.Add(start, end, i + 1, source, collect);
            start = end;
        }

        ranges.Flush(source, collect);
        Assert.Equal(values.Select((v, i) => (v, i + 1L)), seen);
    }

    [Fact]
    public void Values_become_their_utf8_bytes_wherever_a_non_ascii_char_lies()
    {
        // The ASCII fast path reads four chars at a time: every length 0-13 (whole words and a tail), with one char at
        // each position that is not ASCII (two- and three-byte UTF-8, a surrogate pair, DEL's neighbour 0x80) or none.
        string[] odd = ["é", "\u0080", "東", "😀", "\u007f"];
        var values = new List<string>();
        for (int length = 0; length <= 13; length++)
        {
            string ascii = string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + i)));
            values.Add(ascii);
            for (int at = 0; at < length; at++)
            {
                values.AddRange(odd.Select(o => ascii[..at] + o + ascii[(at + 1)..]));
            }
        }

        var seen = new List<byte[]>();
        Utf8Values collect = (utf8, ranges, lines) =>
        {
            for (int i = 0; i < lines.Length; i++)
            {
                seen.Add(utf8[ranges[2 * i]..ranges[(2 * i) + 1]].ToArray());
            }
        };

        var batch = new ValueBatch();
        foreach (string value in values)
        {
            batch.Add(value, 1, collect);
        }

        batch.Flush(collect);
        Assert.Equal(values.Select(v => Encoding.UTF8.GetBytes(v)), seen);
    }

    private void AssertStringLookup(string[] input, string[] values)
    {
        var layout = new LookupLayout<string>(null, 1, false, "", "[UNK]", OutputMode.TfIdf);
        var reference = new LookupVocabulary<string, TokenCounter<string>>(tfIdf => new TokenCounter<string>(tfIdf, Utf8OrdinalComparer.Instance), () => layout);
        foreach (string value in values)
        {
            reference.AddDocument([value]);
        }

        AssertFiles(["adapt", .. input, "-l", "string-lookup", "--output-mode", "tf-idf"], (v, i) => reference.Save(layout, v, i, static t => t));
    }

    private void AssertTextVectorization(string[] input, string[] documents)
    {
        var layout = new LookupLayout<string>(null, 1, true, "", "[UNK]", OutputMode.TfIdf);
        var reference = new LookupVocabulary<string, TokenCounter<string>>(tfIdf => new TokenCounter<string>(tfIdf, Utf8OrdinalComparer.Instance), () => layout);
        foreach (string document in documents)
        {
            reference.AddDocument(CollectionsMarshal.AsSpan(TextTokenizer.Tokenize(document, Standardize.LowerAndStripPunctuation, Split.Whitespace, [1, 2])));
        }

        AssertFiles(["adapt", .. input, "-l", "text-vectorization", "--ngrams", "2", "--output-mode", "tf-idf"], (v, i) => reference.Save(layout, v, i, static t => t));
    }

    private void AssertFiles(string[] args, Action<string, string> saveReference)
    {
        saveReference(_cli.PathOf("expected.txt"), _cli.PathOf("expected.idf"));
        Assert.True(_cli.Run([.. args, "-o", _cli.PathOf("v.txt"), "--idf-out", _cli.PathOf("v.idf"), "--quiet"]) == 0, _cli.Stderr);
        Assert.Equal(File.ReadAllBytes(_cli.PathOf("expected.txt")), File.ReadAllBytes(_cli.PathOf("v.txt")));
        Assert.Equal(File.ReadAllBytes(_cli.PathOf("expected.idf")), File.ReadAllBytes(_cli.PathOf("v.idf")));
    }

    private static string Quoted(string value) =>
        value.AsSpan().ContainsAny(",\"\r\n") || value.Length == 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
