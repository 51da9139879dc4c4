using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using PrepGen.Cli.Partial;

namespace PrepGen.Cli;

/// <summary><c>prepgen adapt --partial</c>: the same read as a full adapt, ending in a .pgpartial file instead of state files.</summary>
internal sealed partial class AdaptRunner
{
    private bool IsPartial => _parse.GetValue(_o.Partial) is not null;

    // Exactly one of --out and --partial: a partial is not state the generator reads, and --out beside it would be ignored.
    private string OutputPath()
    {
        FileInfo? partial = _parse.GetValue(_o.Partial);
        FileInfo? output = _parse.GetValue(_o.Out);
        if (partial is null)
        {
            return output?.FullName ?? throw new CliException("--out is required (or --partial to write a shard's mergeable state).");
        }

        if (output is not null || _parse.GetValue(_o.IdfOut) is not null)
        {
            throw new CliException("--partial replaces --out and --idf-out; give those to `prepgen merge`.");
        }

        return partial.FullName;
    }

    // Several columns need a key only when stats.json is written; merge can name it.
    private string? OptionalStatsKey()
    {
        string? key = _parse.GetValue(_o.StatsKey);
        IReadOnlyList<string> columns = Columns();
        return !string.IsNullOrEmpty(key) ? key : columns.Count == 1 ? columns[0] : null;
    }

    private void WritePartial(string path, List<KeyValuePair<string, string?>> options, PartialBody body, string? statsKey = null)
    {
        string layer = _parse.GetValue(_o.Layer)!;
        var header = new PartialHeader(path, PartialFile.FormatVersion, layer, options, [.. Columns()], statsKey,
            _parse.GetValue(_o.Input)!.FullName, _rows, body.Kind, body.Size);
        PartialFile.Write(path, header, body.Write);
        string sizes = string.Join(", ", body.Size.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Value:N0} {s.Key}")));
        _stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{layer}: {_rows:N0} rows -> partial {path} ({sizes}) ({Seconds:F1} s)"));
    }

    private static List<KeyValuePair<string, string?>> LookupOptions(int? maxTokens, int numOov, string? mask, OutputMode mode) =>
    [
        new("max-tokens", Invariant(maxTokens)),
        new("num-oov-indices", Invariant(numOov)),
        new("mask-token", mask),
        new("output-mode", OptionSpelling.NameOf(OptionSpelling.OutputModes, mode)),
    ];

    private static List<KeyValuePair<string, string?>> TextOptions(int? maxTokens, OutputMode mode, Standardize standardize, Split split, int[] widths) =>
    [
        new("max-tokens", Invariant(maxTokens)),
        new("output-mode", OptionSpelling.NameOf(OptionSpelling.OutputModes, mode)),
        new("standardize", OptionSpelling.NameOf(OptionSpelling.Standardizes, standardize)),
        new("split", OptionSpelling.NameOf(OptionSpelling.Splits, split)),
        new("ngrams", string.Join(',', widths)),
    ];

    private static List<KeyValuePair<string, string?>> DiscretizationOptions(int numBins, double epsilon, int batchSize) =>
    [
        new("num-bins", Invariant(numBins)),
        new("epsilon", epsilon.ToString("R", CultureInfo.InvariantCulture)),
        new("batch-size", Invariant(batchSize)),
    ];

    private static string? Invariant(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
