namespace PrepGen.Cli.Tests;

public sealed class InspectCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Summarizes_a_vocabulary_file()
    {
        string path = _cli.Write("v.txt", "c\r\nb\na");
        Assert.Equal(0, _cli.Run("inspect", path));
        Assert.Contains("3 tokens", _cli.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"c\", \"b\", \"a\"", _cli.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Flags_duplicates_as_errors_and_empty_lines_and_specials_as_warnings()
    {
        string path = _cli.Write("v.txt", "a\n\n[UNK]\nb\na\n");
        Assert.Equal(1, _cli.Run("inspect", path));
        Assert.Contains("line 5 repeats the token of line 1", _cli.Stdout, StringComparison.Ordinal);
        Assert.Contains("empty line(s) at 2", _cli.Stdout, StringComparison.Ordinal);
        Assert.Contains("line 3 holds [UNK]", _cli.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Summarizes_a_stats_file()
    {
        string path = _cli.Write("stats.json",
            "{\"format\": 1, \"features\": {\"price\": {\"kind\": \"normalization\", \"mean\": [1, 2], \"variance\": [3, 4], \"count\": 7},"
            + " \"age\": {\"kind\": \"discretization\", \"bin_boundaries\": [1, 2, 3]}}}");
        Assert.Equal(0, _cli.Run("inspect", path));
        Assert.Contains("price: normalization, 2 feature(s), 7 rows", _cli.Stdout, StringComparison.Ordinal);
        Assert.Contains("age: discretization, 3 boundaries (4 bins)", _cli.Stdout, StringComparison.Ordinal);
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
    public void Rejects_unknown_stats_format_and_missing_files()
    {
        Assert.Equal(1, _cli.Run("inspect", _cli.Write("stats.json", "{\"format\": 9, \"features\": {}}")));
        Assert.Equal(1, _cli.Run("inspect", _cli.PathOf("missing.txt")));
        Assert.Contains("cannot read", _cli.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, _cli.Run("inspect", _cli.Write("empty.txt", "")));
    }
}
