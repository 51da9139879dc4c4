using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace PrepGen.Parity.Tests;

/// <summary>
/// Compares a layer's output (long, int, float, string, lists of them, string-keyed dictionaries) with a
/// vector's expected JSON: integers and integral expected values (1 or 1.0) exactly; fractional expected values
/// (tf-idf and count weights, computed in float32) within 1e-6 relative.
/// </summary>
internal static class JsonCompare
{
    public const double RelativeTolerance = 1e-6;

    public static void AssertMatches(JsonElement expected, object? actual, string path = "$")
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Array:
                var list = Assert.IsAssignableFrom<IList>(actual);
                Assert.True(list.Count == expected.GetArrayLength(),
                    $"{path}: expected {expected.GetArrayLength()} elements, got {list.Count}: {Show(actual)}");
                int i = 0;
                foreach (JsonElement item in expected.EnumerateArray())
                {
                    AssertMatches(item, list[i], $"{path}[{i}]");
                    i++;
                }

                break;
            case JsonValueKind.Object:
                var map = Assert.IsAssignableFrom<IDictionary<string, object>>(actual);
                Assert.Equal(expected.EnumerateObject().Select(p => p.Name).Order(), map.Keys.Order());
                foreach (JsonProperty property in expected.EnumerateObject())
                {
                    AssertMatches(property.Value, map[property.Name], $"{path}.{property.Name}");
                }

                break;
            case JsonValueKind.String:
                Assert.True(actual is string s && s == expected.GetString(), $"{path}: expected \"{expected.GetString()}\", got {Show(actual)}");
                break;
            case JsonValueKind.Number:
                AssertNumber(expected, actual, path);
                break;
            default:
                Assert.Fail($"{path}: unexpected JSON {expected.ValueKind} in a vector's expected value");
                break;
        }
    }

    private static void AssertNumber(JsonElement expected, object? actual, string path)
    {
        double e = expected.GetDouble();
        bool integral = e == Math.Round(e); // 1 and 1.0 alike: one-hot/multi-hot/count values are exact
        switch (actual)
        {
            case long or int:
                long value = Convert.ToInt64(actual, CultureInfo.InvariantCulture);
                Assert.True(expected.TryGetInt64(out long whole) && value == whole, $"{path}: expected {expected.GetRawText()}, got {value}");
                break;
            case float f:
                if (integral)
                {
                    Assert.True(f == e, $"{path}: expected exactly {expected.GetRawText()}, got {f.ToString("R", CultureInfo.InvariantCulture)}");
                }
                else
                {
                    Assert.True(Math.Abs(f - e) <= RelativeTolerance * Math.Abs(e),
                        $"{path}: expected {expected.GetRawText()} (1e-6 relative), got {f.ToString("R", CultureInfo.InvariantCulture)}");
                }

                break;
            default:
                Assert.Fail($"{path}: expected the number {expected.GetRawText()}, got {Show(actual)}");
                break;
        }
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        IDictionary<string, object> d => "{" + string.Join(", ", d.Select(p => p.Key + ": " + Show(p.Value))) + "}",
        IList l => "[" + string.Join(", ", l.Cast<object?>().Select(Show)) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "?",
    };
}
