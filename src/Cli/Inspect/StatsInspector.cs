using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PrepGen.Cli.Inspect.Html;
using PrepGen.Generator.State;
using PrepGen.Schema;

namespace PrepGen.Cli.Inspect;

/// <summary>
/// A stats.json file: per key its layer kind and values, checked by the generator's own rules (the linked
/// StatsSchema and JsonReader), so an entry reported intact here compiles, and a problem is named with its line.
/// </summary>
internal sealed class StatsInspector : IFileInspector
{
    /// <summary>Features listed in the terminal; the page lists all of them.</summary>
    private const int MaxRows = 64;

    /// <summary>Boundaries per terminal line.</summary>
    private const int PerLine = 8;

    public bool Recognises(InspectedFile file)
    {
        foreach (byte b in file.Bytes.AsSpan(file.HasBom ? 3 : 0))
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return b == (byte)'{';
            }
        }

        return false;
    }

    public int Inspect(InspectedFile file, TextWriter stdout, HtmlReport? report)
    {
        JsonParseResult parsed = JsonReader.Parse(Encoding.UTF8.GetString(file.Bytes));
        if (parsed.Root is not { } root)
        {
            throw new CliException($"'{file.Path}' starts like JSON but does not parse: line {parsed.ErrorLine}: {parsed.Error}");
        }

        if (root.Kind != JsonKind.Object || (root.Member(StatsSchema.FormatMember) is null && root.Member(StatsSchema.FeaturesMember) is null))
        {
            throw new CliException($"'{file.Path}' is JSON but not a stats file (no \"{StatsSchema.FormatMember}\" and \"{StatsSchema.FeaturesMember}\").");
        }

        if (StatsSchema.CheckDocument(root, out JsonNode features) is { } problem)
        {
            stdout.WriteLine("stats file");
            stdout.WriteLine($"  error: line {problem.Line}: {problem.Message}");
            return 1;
        }

        stdout.WriteLine($"stats file, format {StatsSchema.Format}, {Show.Count(features.Members.Count)} key(s)");
        int errors = 0;
        foreach ((string key, JsonNode entry) in features.Members)
        {
            if (StatsSchema.CheckEntry(entry, key) is { } bad)
            {
                errors++;
                stdout.WriteLine($"  {key}: error: line {bad.Line}: {bad.Message}");
            }
            else if (entry.Member(StatsSchema.KindMember)!.String == StatsSchema.Normalization)
            {
                Normalization(key, entry, stdout, report);
            }
            else
            {
                Discretization(key, entry, stdout, report);
            }
        }

        return errors == 0 ? 0 : 1;
    }

    private static void Normalization(string key, JsonNode entry, TextWriter stdout, HtmlReport? report)
    {
        double[] mean = Numbers(entry, key, StatsSchema.Mean);
        double[] variance = Numbers(entry, key, StatsSchema.Variance);
        string count = entry.Member(StatsSchema.Count) is { } c ? $", {Show.Count((long)c.Number)} rows" : "";
        stdout.WriteLine($"  {key}: {StatsSchema.Normalization}, {mean.Length} feature(s){count}");
        var rows = new List<string[]> { new[] { "feature", "mean", "variance", "std" } };
        rows.AddRange(Enumerable.Range(0, Math.Min(mean.Length, MaxRows))
            .Select(i => new[] { i.ToString(System.Globalization.CultureInfo.InvariantCulture), Show.Number(mean[i]), Show.Number(variance[i]), Show.Number(Math.Sqrt(variance[i])) }));
        foreach (string line in Show.Columns(rows, "    "))
        {
            stdout.WriteLine(line);
        }

        if (mean.Length > MaxRows)
        {
            stdout.WriteLine($"    ... {Show.Count(mean.Length - MaxRows)} more feature(s); --html lists them all");
        }

        int[] constant = Enumerable.Range(0, variance.Length).Where(i => variance[i] == 0).ToArray();
        if (constant.Length > 0)
        {
            stdout.WriteLine($"    warning: variance 0 at feature(s) {Show.List(constant, Show.Count)}: constant in the adapt data; "
                + "Keras divides by max(std, 1e-7), so any other value there becomes huge.");
        }

        int[] negative = Enumerable.Range(0, variance.Length).Where(i => variance[i] < 0).ToArray();
        if (negative.Length > 0)
        {
            stdout.WriteLine($"    warning: negative variance at feature(s) {Show.List(negative, Show.Count)}: no adapt gives one; the file was edited or damaged.");
        }

        if (report is not null)
        {
            StatsCharts.Normalization(report, key, mean, variance, count);
        }
    }

    private static void Discretization(string key, JsonNode entry, TextWriter stdout, HtmlReport? report)
    {
        double[] boundaries = Numbers(entry, key, StatsSchema.BinBoundaries);
        string settings = (entry.Member("num_bins") is { } n ? $", num_bins {n.Text}" : "") + (entry.Member("epsilon") is { } e ? $", epsilon {e.Text}" : "");
        stdout.WriteLine($"  {key}: {StatsSchema.Discretization}, {boundaries.Length} boundaries ({boundaries.Length + 1} bins){settings}");
        var rows = new List<string[]>();
        for (int start = 0; start < boundaries.Length; start += PerLine)
        {
            rows.Add(boundaries.Skip(start).Take(PerLine).Select(Show.Number).Prepend($"[{start}]").ToArray());
        }

        foreach (string line in rows.Count == 0 ? [] : Show.Columns(rows, "    "))
        {
            stdout.WriteLine(line);
        }

        int[] repeated = Enumerable.Range(1, Math.Max(0, boundaries.Length - 1)).Where(i => boundaries[i] == boundaries[i - 1]).ToArray();
        if (repeated.Length > 0)
        {
            stdout.WriteLine($"    warning: repeated boundaries at {Show.List(repeated, i => $"[{i}] {Show.Number(boundaries[i])}")}: "
                + "the bin that ends there is empty (many equal values in the adapt data).");
        }

        int[] descending = Enumerable.Range(1, Math.Max(0, boundaries.Length - 1)).Where(i => boundaries[i] < boundaries[i - 1]).ToArray();
        if (descending.Length > 0)
        {
            stdout.WriteLine($"    warning: boundaries not ascending at {Show.List(descending, i => $"[{i}]")}: Keras's bucketize needs them sorted.");
        }

        if (entry.Member("num_bins") is { Kind: JsonKind.Number } asked && asked.Number != boundaries.Length + 1)
        {
            stdout.WriteLine($"    note: num_bins {asked.Text} was asked, {boundaries.Length + 1} bins were learned (fewer distinct values than bins).");
        }

        if (report is not null)
        {
            StatsCharts.Discretization(report, key, boundaries, settings);
        }
    }

    private static double[] Numbers(JsonNode entry, string key, string name)
    {
        StatsSchema.Numbers(entry, key, name, out double[] values);
        return values;
    }
}
