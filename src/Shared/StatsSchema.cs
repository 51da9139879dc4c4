// The stats.json schema (docs/state-files.md), defined once and compiled into every project that reads or
// writes the file: the generator, the adapters and the CLI (<Compile Link>). It checks the document model of
// src/Generator/State/JsonReader.cs, linked beside it, so every reader accepts the same files and names the
// same line; the generator targets netstandard2.0 and cannot use System.Text.Json inside the compiler.
using System.Collections.Generic;
using System.Linq;
using PrepGen.Generator.State;

namespace PrepGen.Schema;

/// <summary>One thing wrong with a stats file: the 1-based line it is on and what it is.</summary>
internal sealed class StatsProblem
{
    public StatsProblem(int line, string message)
    {
        Line = line;
        Message = message;
    }

    public int Line { get; }

    public string Message { get; }
}

/// <summary>
/// <c>{"format": 1, "features": {"KEY": {"kind": "normalization", "mean": [..], "variance": [..], "count": N},
/// "KEY2": {"kind": "discretization", "bin_boundaries": [..]}}}</c>: its names and its checks.
/// </summary>
internal static class StatsSchema
{
    /// <summary>The format version written and read.</summary>
    public const int Format = 1;

    public const string FormatMember = "format";
    public const string FeaturesMember = "features";
    public const string KindMember = "kind";

    public const string Normalization = "normalization";
    public const string Discretization = "discretization";

    public const string Mean = "mean";
    public const string Variance = "variance";

    /// <summary>Normalization's row count: written for information, never required.</summary>
    public const string Count = "count";

    public const string BinBoundaries = "bin_boundaries";

    /// <summary>The number arrays an entry of <paramref name="kind"/> must hold, or null for an unknown kind.</summary>
    public static string[]? ArraysOf(string kind) => kind switch
    {
        Normalization => new[] { Mean, Variance },
        Discretization => new[] { BinBoundaries },
        _ => null,
    };

    /// <summary>The document's shape: an object with an integer "format" this version reads and a "features" object.</summary>
    public static StatsProblem? CheckDocument(JsonNode root, out JsonNode features)
    {
        features = root;
        if (root.Kind != JsonKind.Object)
        {
            return new StatsProblem(root.Line, "a stats file is a JSON object with \"" + FormatMember + "\" and \"" + FeaturesMember + "\", not " + root.Describe());
        }

        JsonNode? format = root.Member(FormatMember);
        if (format is null)
        {
            return new StatsProblem(root.Line, "the \"" + FormatMember + "\" member is missing (this PrepGen reads format " + Format + ")");
        }

        if (format.Kind != JsonKind.Number || format.Text!.IndexOfAny(new[] { '.', 'e', 'E' }) >= 0)
        {
            return new StatsProblem(format.Line, "\"" + FormatMember + "\" must be an integer, not " + format.Describe());
        }

        if (format.Number != Format)
        {
            return new StatsProblem(format.Line, "stats format " + format.Text + " is not supported; this PrepGen reads format " + Format + " (docs/state-files.md)");
        }

        JsonNode? found = root.Member(FeaturesMember);
        if (found is null || found.Kind != JsonKind.Object)
        {
            return new StatsProblem(found?.Line ?? root.Line, "\"" + FeaturesMember + "\" must be an object" + (found is null ? " (it is missing)" : ", not " + found.Describe()));
        }

        features = found;
        return null;
    }

    /// <summary>The keys under "features", quoted, for a message: at most ten, or "none".</summary>
    public static string ListKeys(JsonNode features)
    {
        List<string> keys = features.Members.Select(m => "\"" + m.Key + "\"").ToList();
        return keys.Count == 0 ? "none" : string.Join(", ", keys.Take(10)) + (keys.Count > 10 ? ", ..." : "");
    }

    /// <summary>An entry is an object with a "kind" string; returns that string's node.</summary>
    public static StatsProblem? CheckKind(JsonNode entry, string key, out JsonNode kind)
    {
        kind = entry;
        if (entry.Kind != JsonKind.Object)
        {
            return new StatsProblem(entry.Line, "entry \"" + key + "\" must be an object, not " + entry.Describe());
        }

        JsonNode? node = entry.Member(KindMember);
        if (node is null || node.Kind != JsonKind.String)
        {
            return new StatsProblem(node?.Line ?? entry.Line, "entry \"" + key + "\" needs a \"" + KindMember + "\" string (\"" + Normalization + "\" or \"" + Discretization + "\")");
        }

        kind = node;
        return null;
    }

    /// <summary>The array <paramref name="name"/> of an entry, every item a number.</summary>
    public static StatsProblem? Numbers(JsonNode entry, string key, string name, out double[] values)
    {
        values = new double[0];
        JsonNode? array = entry.Member(name);
        if (array is null || array.Kind != JsonKind.Array)
        {
            return new StatsProblem(array?.Line ?? entry.Line,
                "entry \"" + key + "\" needs \"" + name + "\", an array of numbers" + (array is null ? "" : ", not " + array.Describe()));
        }

        var numbers = new double[array.Items.Count];
        for (int i = 0; i < numbers.Length; i++)
        {
            JsonNode item = array.Items[i];
            if (item.Kind != JsonKind.Number)
            {
                return new StatsProblem(item.Line, "\"" + name + "\"[" + i + "] of entry \"" + key + "\" is " + item.Describe() + ", not a number");
            }

            numbers[i] = item.Number;
        }

        values = numbers;
        return null;
    }

    /// <summary>Keras's rule for a Normalization state: one mean and one variance per feature, at least one feature.</summary>
    public static string? NormalizationShape(int means, int variances) =>
        means == 0 ? "Mean must hold at least one value"
        : means != variances ? "Mean has " + means + " values but Variance has " + variances + "; Keras needs the same shape"
        : null;

    /// <summary>
    /// Everything the schema says about one entry: a known kind, its arrays of numbers and, for Normalization,
    /// their shape. (The generator checks the kind against its layer first, then the Keras rules on the values.)
    /// </summary>
    public static StatsProblem? CheckEntry(JsonNode entry, string key)
    {
        if (CheckKind(entry, key, out JsonNode kind) is { } problem)
        {
            return problem;
        }

        if (ArraysOf(kind.String!) is not { } arrays)
        {
            return new StatsProblem(kind.Line, "entry \"" + key + "\" has the unknown kind \"" + kind.String + "\" (\"" + Normalization + "\" or \"" + Discretization + "\")");
        }

        var lengths = new int[arrays.Length];
        for (int i = 0; i < arrays.Length; i++)
        {
            if (Numbers(entry, key, arrays[i], out double[] values) is { } bad)
            {
                return bad;
            }

            lengths[i] = values.Length;
        }

        return kind.String == Normalization && NormalizationShape(lengths[0], lengths[1]) is { } shape
            ? new StatsProblem(entry.Line, "entry \"" + key + "\": " + shape)
            : null;
    }
}
