namespace PrepGen.Cli.Tests;

public sealed class InspectCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private string[] Lines => _cli.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

    [Fact]
    public void Summarizes_a_small_vocabulary_whole()
    {
        string path = _cli.Write("v.txt", "c\r\nb\na");
        Assert.Equal(0, _cli.Run("inspect", path));
        Assert.Equal($"{path}: vocabulary file, 3 tokens, 6 bytes", Lines[0]);
        Assert.Equal(["  line/id  token", "        1  \"c\"", "        2  \"b\"", "        3  \"a\""], Lines[2..6]);
        Assert.Contains("  token length (characters): min 1, median 1, mean 1, p99 1, max 1 (line 1)", Lines);
        Assert.Contains("  note: the file has \\r\\n line ends (allowed; one trailing \\r per line is stripped).", Lines);
    }

    [Fact]
    public void Shows_the_head_and_tail_of_a_large_vocabulary_with_ids_and_length_stats()
    {
        string path = _cli.Write("v.txt", string.Concat(Enumerable.Range(1, 12_345).Select(i => "w" + i + "\n")));
        Assert.Equal(0, _cli.Run("inspect", path));
        Assert.StartsWith($"{path}: vocabulary file, 12,345 tokens, ", Lines[0], StringComparison.Ordinal);
        Assert.Equal(
            ["  line/id  token", "        1  \"w1\"", "        2  \"w2\"", "        3  \"w3\"", "        4  \"w4\"", "        5  \"w5\"", "      ...",
             "   12,341  \"w12341\"", "   12,342  \"w12342\"", "   12,343  \"w12343\"", "   12,344  \"w12344\"", "   12,345  \"w12345\""],
            Lines[2..14]);

        // Lengths 2 (9 tokens), 3 (90), 4 (900), 5 (9,000), 6 (2,346): mean 62,964 / 12,345, median 5, p99 6, the first 6 at line 10,000.
        Assert.Contains("  token length (characters): min 2, median 5, mean 5.1, p99 6, max 6 (line 10,000)", Lines);
        Assert.Contains("  no suspicious lines", _cli.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Flags_suspicious_lines_with_their_line_numbers()
    {
        string veryLong = new('x', 150);
        string path = _cli.Write("v.txt", $"a\n\n[UNK]\n b\nc \nd\u0001e\nzero\u200Bwidth\n{veryLong}\ntab\tbed\na\n");
        Assert.Equal(1, _cli.Run("inspect", path));
        Assert.Contains("  error: line 10 repeats the token of line 1 (\"a\").", Lines);
        Assert.Contains("  warning: empty line(s) at 2: an empty line is the empty-string token.", Lines);
        Assert.Contains("  warning: line 3 holds [UNK]: a vocabulary file lists real tokens only, so this is an ordinary token that shifts the indices.", Lines);
        Assert.Contains("  warning: leading or trailing whitespace at line(s) 4 \" b\", 5 \"c \": ", _cli.Stdout, StringComparison.Ordinal);
        Assert.Contains("  warning: control or invisible characters at line(s) 6 \"d\\u0001e\", 7 \"zero\\u200Bwidth\", 9 \"tab\\tbed\": ", _cli.Stdout, StringComparison.Ordinal);
        Assert.Contains("  warning: very long token(s) (over 100 characters) at line(s) 8 (150 characters): ", _cli.Stdout, StringComparison.Ordinal);
        Assert.Contains("max 150 (line 8)", _cli.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("no suspicious lines", _cli.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_duplicates_beyond_the_listed_ones_and_a_bom()
    {
        string path = _cli.Write("v.txt", "\uFEFFa\n" + string.Concat(Enumerable.Range(0, 14).Select(_ => "b\n")));
        Assert.Equal(1, _cli.Run("inspect", path));
        Assert.Contains("  error: line 3 repeats the token of line 2 (\"b\").", Lines);
        Assert.Contains("  error: 13 duplicate lines in all; the generator rejects the file.", Lines);
        Assert.DoesNotContain("line 13 repeats", _cli.Stdout, StringComparison.Ordinal);
        Assert.Contains("  warning: the file starts with a UTF-8 BOM, which becomes part of the first token.", Lines);
    }

    [Fact]
    public void Shows_stats_values_per_key_aligned_with_warnings()
    {
        string path = _cli.Write("stats.json",
            "{\"format\": 1, \"features\": {\"price\": {\"kind\": \"normalization\", \"mean\": [1.5, 250, -3], \"variance\": [0.25, 0, 1e6], \"count\": 1234},"
            + " \"age\": {\"kind\": \"discretization\", \"bin_boundaries\": [18, 30, 30, 45.5, 60, 70, 80, 90, 95], \"num_bins\": 12, \"epsilon\": 0.01}}}");
        Assert.Equal(0, _cli.Run("inspect", path));
        Assert.Equal($"{path}: stats file, format 1, 2 key(s)", Lines[0]);
        Assert.Equal(
            ["  price: normalization, 3 feature(s), 1,234 rows",
             "    feature  mean  variance   std",
             "          0   1.5      0.25   0.5",
             "          1   250         0     0",
             "          2    -3     1E+06  1000"],
            Lines[1..6]);
        Assert.Contains("    warning: variance 0 at feature(s) 1: constant in the adapt data; ", _cli.Stdout, StringComparison.Ordinal);
        Assert.Contains("  age: discretization, 9 boundaries (10 bins), num_bins 12, epsilon 0.01", Lines);
        Assert.Contains("    [0]  18  30  30  45.5  60  70  80  90", Lines);
        Assert.Contains("    [8]  95", Lines);
        Assert.Contains("    warning: repeated boundaries at [2] 30: the bin that ends there is empty (many equal values in the adapt data).", Lines);
        Assert.Contains("    note: num_bins 12 was asked, 10 bins were learned (fewer distinct values than bins).", Lines);
    }

    [Fact]
    public void Reports_stats_entries_the_generator_would_reject_with_their_lines()
    {
        string path = _cli.Write("stats.json",
            "{\"format\": 1, \"features\": {\n\"price\": {\"kind\": \"normalization\", \"mean\": [1, 2],\n \"variance\": [3]},\n"
            + "\"age\": {\"kind\": \"discretization\",\n \"bin_boundaries\": [\"a\"]},\n\"zip\": {\"kind\": \"hashing\"}}}");
        Assert.Equal(1, _cli.Run("inspect", path));
        Assert.Contains("price: error: line 2: entry \"price\": Mean has 2 values but Variance has 1; Keras needs the same shape", _cli.Stdout, StringComparison.Ordinal);
        Assert.Contains("age: error: line 5: \"bin_boundaries\"[0] of entry \"age\" is a string, not a number", _cli.Stdout, StringComparison.Ordinal);
        Assert.Contains("zip: error: line 6: entry \"zip\" has the unknown kind \"hashing\"", _cli.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Summarizes_idf_weights_and_a_mapped_table()
    {
        string idf = _cli.Write("idf.txt", "0.5\n1.25\n2\n");
        Assert.Equal(0, _cli.Run("inspect", idf));
        Assert.Equal([$"{idf}: idf weights file, 3 weights (line i weighs vocabulary line i)",
            "  weights 0.5 .. 2; the OOV weight (their mean, as Keras pads it) is 1.25"], Lines[0..2]);

        var bytes = new byte[128 + 24 + 1 + 4];
        PrepGen.Runtime.TableFile.WriteHeader(bytes, new PrepGen.Runtime.TableFileHeader(7, 1, 1, 0, 0, new string('a', 64)));
        PrepGen.Runtime.MappedStringTable.Seal(bytes);
        string table = _cli.PathOf("v.txt.pgtable");
        File.WriteAllBytes(table, bytes);
        Assert.Equal(0, _cli.Run("inspect", table));
        Assert.Equal($"{table}: mapped lookup table, 0 tokens, 1 slots, vocabulary sha256 aaaaaaaaaaaaaaaa", Lines[0]);
        Assert.Matches("^  checksum [0-9a-f]{8} and 1 block checksums: intact\\.$", Lines[1]);
    }

    [Fact]
    public void Rejects_unknown_stats_format_and_missing_files()
    {
        Assert.Equal(1, _cli.Run("inspect", _cli.Write("stats.json", "{\"format\": 9, \"features\": {}}")));
        Assert.Equal(1, _cli.Run("inspect", _cli.PathOf("missing.txt")));
        Assert.Contains("cannot read", _cli.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, _cli.Run("inspect", _cli.Write("empty.txt", "")));
        Assert.Contains("  error: the vocabulary is empty.", Lines);
    }
}
