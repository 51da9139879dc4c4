using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PrepGen.Runtime.Tests.Adapt;

/// <summary>Every Keras vector whose state comes from adapt(), for the lookup engines and TextVectorization.</summary>
public partial class AdaptVectorTests
{
    public static TheoryData<string> AdaptedIds()
    {
        var data = new TheoryData<string>();
        foreach (JsonElement vector in KerasVectors.AdaptedLookups)
        {
            data.Add(vector.Id());
        }

        return data;
    }

    [Fact]
    public void The_adapted_lookup_vectors_are_all_there()
    {
        // Guards the filter: the JSON holds 11 adapted lookup/TextVectorization vectors.
        Assert.Equal(11, KerasVectors.AdaptedLookups.Count());
    }

    [Theory]
    [MemberData(nameof(AdaptedIds))]
    public void Learned_vocabulary_matches_keras(string id)
    {
        JsonElement vector = KerasVectors.ById(id);
        AdaptedLookup lookup = AdaptedLookup.From(vector);
        List<string>? expected = ExpectedVocabulary(vector);
        if (expected is not null)
        {
            Assert.Equal(expected, lookup.Vocabulary);
        }
    }

    [Theory]
    [MemberData(nameof(AdaptedIds))]
    public void Outputs_through_the_learned_vocabulary_match_keras(string id)
    {
        JsonElement vector = KerasVectors.ById(id);
        AdaptedLookup lookup = AdaptedLookup.From(vector);
        JsonElement input = vector.GetProperty("input");
        JsonElement expected = vector.GetProperty("expected");
        switch (lookup.OutputMode)
        {
            case OutputMode.Int when lookup.Tokenize is not null:
                int length = vector.Config("output_sequence_length")?.GetInt32() ?? 0;
                var rows = input.EnumerateArray().Select(row => Flatten(row).Single()).ToList();
                for (int r = 0; r < rows.Count; r++)
                {
                    var ids = lookup.Tokenize(rows[r]).Select(t => (long)lookup.Lookup(t)).ToList();
                    ids = length > 0 ? ids.Take(length).Concat(Enumerable.Repeat(0L, Math.Max(0, length - ids.Count))).ToList() : ids;
                    Assert.Equal(expected[r].EnumerateArray().Select(e => e.GetInt64()), ids);
                }

                break;
            case OutputMode.Int:
                Assert.Equal(Flatten(expected).Select(long.Parse), Flatten(input).Select(t => (long)lookup.Lookup(t)));
                break;
            case OutputMode.OneHot:
                var oneHot = Flatten(input).Select(t => OneHot(lookup, t)).ToList();
                AssertClose(expected, oneHot, 0);
                break;
            default:
                // Rank 1 is one sample; rank 2 is a batch of samples (docs/keras-semantics.md, "Output encoding").
                bool batch = input[0].ValueKind == JsonValueKind.Array;
                var samples = batch
                    ? input.EnumerateArray().Select(row => lookup.Encode(Flatten(row))).ToList()
                    : [lookup.Encode(Flatten(input))];
                AssertClose(batch ? expected : Wrap(expected), samples, 1e-6);
                break;
        }
    }

    private static float[] OneHot(AdaptedLookup lookup, string token)
    {
        var row = new float[lookup.Vocabulary.Count];
        row[lookup.Lookup(token)] = 1;
        return row;
    }

    private static List<string>? ExpectedVocabulary(JsonElement vector)
    {
        if (vector.TryGetProperty("expected_vocabulary", out JsonElement vocabulary))
        {
            return vocabulary.EnumerateArray().Select(AdaptedLookup.Token).ToList();
        }

        // TextVectorization's note spells the vocabulary as a Python list: learned vocab ['', '[UNK]', ...].
        if (vector.TryGetProperty("note", out JsonElement note) && LearnedVocabNote().Match(note.GetString()!) is { Success: true } match)
        {
            return match.Groups[1].Value.Split(", ").Select(t => t.Trim('\'')).ToList();
        }

        return null;
    }

    private static IEnumerable<string> Flatten(JsonElement element) => element.ValueKind == JsonValueKind.Array
        ? element.EnumerateArray().SelectMany(Flatten)
        : [element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out long l)
            ? l.ToString(CultureInfo.InvariantCulture)
            : element.ValueKind == JsonValueKind.Number ? element.GetDouble().ToString("R", CultureInfo.InvariantCulture) : element.GetString()!];

    private static JsonElement Wrap(JsonElement row) => JsonDocument.Parse($"[{row.GetRawText()}]").RootElement;

    private static void AssertClose(JsonElement expected, List<float[]> actual, double tolerance)
    {
        Assert.Equal(expected.GetArrayLength(), actual.Count);
        for (int r = 0; r < actual.Count; r++)
        {
            double[] want = expected[r].EnumerateArray().Select(e => e.GetDouble()).ToArray();
            Assert.Equal(want.Length, actual[r].Length);
            for (int i = 0; i < want.Length; i++)
            {
                Assert.True(Math.Abs(want[i] - actual[r][i]) <= tolerance, $"row {r} entry {i}: expected {want[i]}, got {actual[r][i]}");
            }
        }
    }

    [GeneratedRegex(@"learned vocab \[(.*)\]")]
    private static partial Regex LearnedVocabNote();
}
