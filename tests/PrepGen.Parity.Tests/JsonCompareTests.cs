using System.Text.Json;

namespace PrepGen.Parity.Tests;

/// <summary>The vector comparer must reject what it should: a lenient comparer would make every vector pass.</summary>
public sealed class JsonCompareTests
{
    private static JsonElement J(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }

    [Fact]
    public void Accepts_equal_values()
    {
        JsonCompare.AssertMatches(J("[[1, 3], [4, 0]]"), new object[] { new long[] { 1, 3 }, new long[] { 4, 0 } });
        JsonCompare.AssertMatches(J("[0, 1, 1]"), new[] { 0f, 1f, 1f });
        JsonCompare.AssertMatches(J("[0.2, 0.1, 0.0]"), new[] { 0.2f, 0.1f, 0f });
        JsonCompare.AssertMatches(J("[\"a\", \"[UNK]\"]"), new[] { "a", "[UNK]" });
        JsonCompare.AssertMatches(J("{\"output[0]\": 0}"), new Dictionary<string, object> { ["output[0]"] = 0L });
        JsonCompare.AssertMatches(J("1"), 1L);
    }

    [Fact]
    public void Rejects_differences()
    {
        Assert.ThrowsAny<Exception>(() => JsonCompare.AssertMatches(J("[1, 3]"), new long[] { 1, 2 }));
        Assert.ThrowsAny<Exception>(() => JsonCompare.AssertMatches(J("[1, 3]"), new long[] { 1, 3, 0 }));
        Assert.ThrowsAny<Exception>(() => JsonCompare.AssertMatches(J("[[1], [3]]"), new long[] { 1, 3 }));
        Assert.ThrowsAny<Exception>(() => JsonCompare.AssertMatches(J("[1.0]"), new[] { 0.9999999f }));
        Assert.ThrowsAny<Exception>(() => JsonCompare.AssertMatches(J("[0.2]"), new[] { 0.2001f }));
        Assert.ThrowsAny<Exception>(() => JsonCompare.AssertMatches(J("[0.0]"), new[] { 1e-9f }));
        Assert.ThrowsAny<Exception>(() => JsonCompare.AssertMatches(J("[1.5]"), new long[] { 1 }));
        Assert.ThrowsAny<Exception>(() => JsonCompare.AssertMatches(J("[\"a\"]"), new[] { "b" }));
        Assert.ThrowsAny<Exception>(() => JsonCompare.AssertMatches(J("{\"values\": [0]}"), new Dictionary<string, object> { ["other"] = new long[] { 0 } }));
    }
}
