using PrepGen.Generator.State;

namespace PrepGen.Generator.Tests;

/// <summary>The generator's strict JSON reader for stats.json (it cannot use System.Text.Json inside the compiler).</summary>
public class StatsJsonReaderTests
{
    [Fact]
    public void Reads_objects_arrays_numbers_strings_and_literals()
    {
        JsonParseResult result = JsonReader.Parse(
            "\uFEFF{\n  \"format\": 1,\n  \"a\\u00e9\\n\\\"\\/\\\\\\t\\b\\f\\r\": [-0, 0.5, 1e-5, 1E+2, -12.25e-1, 123456789012345678901234567890],\n" +
            "  \"t\": true, \"f\": false, \"n\": null, \"e\": {}, \"z\": [],\n  \"s\": \"\\ud83d\\ude00\"\n}\n");
        Assert.Null(result.Error);
        JsonNode root = result.Root!;
        Assert.Equal(JsonKind.Object, root.Kind);
        Assert.Equal(1, root.Member("format")!.Number);
        JsonNode numbers = root.Member("a\u00e9\n\"/\\\t\b\f\r")!;
        Assert.Equal(3, numbers.Line);
        Assert.Equal(new[] { -0.0, 0.5, 1e-5, 100, -1.225, 1.2345678901234568E+29 }, numbers.Items.Select(i => i.Number));
        Assert.True(double.IsNegative(numbers.Items[0].Number));
        Assert.Equal(JsonKind.True, root.Member("t")!.Kind);
        Assert.Equal(JsonKind.False, root.Member("f")!.Kind);
        Assert.Equal(JsonKind.Null, root.Member("n")!.Kind);
        Assert.Empty(root.Member("e")!.Members);
        Assert.Empty(root.Member("z")!.Items);
        Assert.Equal("😀", root.Member("s")!.String);
        Assert.Equal(5, root.Member("s")!.Line);
    }

    [Theory]
    [InlineData("", 1, "end of the document")]
    [InlineData("{\n\"a\": 01}", 2, "malformed number")]
    [InlineData("{\"a\": 1.}", 1, "after the decimal point")]
    [InlineData("{\"a\": .5}", 1, "a value was expected")]
    [InlineData("{\"a\": +1}", 1, "a value was expected")]
    [InlineData("{\"a\": NaN}", 1, "a value was expected")]
    [InlineData("{\"a\": -Infinity}", 1, "a digit was expected")]
    [InlineData("{\"a\": 1e}", 1, "exponent")]
    [InlineData("{\"a\": 1e999}", 1, "out of the range")]
    [InlineData("{\"a\": [1, 2,]}", 1, "a value was expected")]
    [InlineData("{\"a\": 1,}", 1, "member name")]
    [InlineData("{\n\n// c\n\"a\": 1}", 3, "member name")]
    [InlineData("{\"a\": \"x}", 1, "unterminated string")]
    [InlineData("{\"a\": \"x\ty\"}", 1, "control character")]
    [InlineData("{\"a\": \"\\x\"}", 1, "invalid escape")]
    [InlineData("{\"a\": \"\\u12\"}", 1, "4 hexadecimal digits")]
    [InlineData("{\"a\": 1,\n\"a\": 2}", 2, "appears twice")]
    [InlineData("{\"a\": 1} x", 1, "after the end of the document")]
    [InlineData("{\"a\" 1}", 1, "':' was expected")]
    [InlineData("[1 2]", 1, "',' or ']' was expected")]
    [InlineData("{\"a\": tru}", 1, "a value was expected")]
    [InlineData("'a'", 1, "a value was expected")]
    public void Rejects_malformed_json_with_its_line(string text, int line, string message)
    {
        JsonParseResult result = JsonReader.Parse(text);
        Assert.Null(result.Root);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Equal(line, result.ErrorLine);
    }

    [Fact]
    public void Rejects_nesting_deeper_than_64()
    {
        JsonParseResult result = JsonReader.Parse(new string('[', 100) + new string(']', 100));
        Assert.Contains("nesting deeper", result.Error, StringComparison.Ordinal);
        Assert.Null(JsonReader.Parse(new string('[', 60) + new string(']', 60)).Error);
    }
}
