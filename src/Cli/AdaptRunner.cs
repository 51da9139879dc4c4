using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using PrepGen.Adapt;

namespace PrepGen.Cli;

/// <summary>Runs <c>prepgen adapt</c>: reads the input once, streaming, and saves the state only at the end.</summary>
internal sealed class AdaptRunner
{
    private const int DefaultBatchSize = 1 << 20;

    // Which layers each layer-specific option applies to.
    private static readonly string[] Lookups = ["string-lookup", "integer-lookup", "text-vectorization"];

    private readonly ParseResult _parse;
    private readonly AdaptOptions _o;
    private readonly TextWriter _stdout;
    private readonly ProgressReporter _progress;

    private AdaptRunner(ParseResult parse, AdaptOptions options, TextWriter stdout, TextWriter stderr)
    {
        _parse = parse;
        _o = options;
        _stdout = stdout;
        _progress = new ProgressReporter(stderr);
    }

    public static void Run(ParseResult parse, AdaptOptions options, TextWriter stdout, TextWriter stderr) =>
        new AdaptRunner(parse, options, stdout, stderr).Run();

    private void Run()
    {
        string layer = _parse.GetValue(_o.Layer)!;
        CheckApplies(layer);
        string output = _parse.GetValue(_o.Out)!.FullName;
        switch (layer)
        {
            case "string-lookup":
                AdaptStringLookup(output);
                break;
            case "integer-lookup":
                AdaptIntegerLookup(output);
                break;
            case "text-vectorization":
                AdaptTextVectorization(output);
                break;
            case "normalization":
                AdaptNormalization(output);
                break;
            case "discretization":
                AdaptDiscretization(output);
                break;
            default:
                throw new CliException($"unknown --layer '{layer}'; expected string-lookup, integer-lookup, text-vectorization, normalization or discretization.");
        }
    }

    private void CheckApplies(string layer)
    {
        Require(layer, _o.MaxTokens, Lookups);
        Require(layer, _o.OutputMode, Lookups);
        Require(layer, _o.IdfOut, Lookups);
        Require(layer, _o.NumOovIndices, "string-lookup", "integer-lookup");
        Require(layer, _o.MaskToken, "string-lookup", "integer-lookup");
        Require(layer, _o.Ngrams, "text-vectorization");
        Require(layer, _o.Standardize, "text-vectorization");
        Require(layer, _o.Split, "text-vectorization");
        Require(layer, _o.NumBins, "discretization");
        Require(layer, _o.Epsilon, "discretization");
        Require(layer, _o.BatchSize, "normalization", "discretization");
        Require(layer, _o.StatsKey, "normalization", "discretization");
    }

    private void Require(string layer, Option option, params string[] layers)
    {
        if (_parse.GetResult(option) is not null && !layers.Contains(layer))
        {
            throw new CliException($"{option.Name} does not apply to --layer {layer} (only {string.Join(", ", layers)}).");
        }
    }

    private void AdaptStringLookup(string output)
    {
        var adapter = new StringLookupAdapter
        {
            MaxTokens = _parse.GetValue(_o.MaxTokens),
            NumOovIndices = _parse.GetValue(_o.NumOovIndices) ?? 1,
            MaskToken = _parse.GetValue(_o.MaskToken),
            OutputMode = ParseOutputMode(),
        };
        foreach (InputRow row in Rows(single: true))
        {
            Cell cell = row.Cells[0];
            if (cell.Items is not null)
            {
                adapter.UpdateDocument(cell.Items.ToArray());
            }
            else
            {
                adapter.Update(cell.Text!);
            }
        }

        string? idf = IdfPath(adapter.OutputMode);
        adapter.Save(output, idf);
        ReportVocabulary(adapter.GetVocabulary().Count, adapter.MaskToken is not null && adapter.OutputMode == OutputMode.Int ? 1 : 0, adapter.NumOovIndices, output, idf);
    }

    private void AdaptIntegerLookup(string output)
    {
        string? mask = _parse.GetValue(_o.MaskToken);
        var adapter = new IntegerLookupAdapter
        {
            MaxTokens = _parse.GetValue(_o.MaxTokens),
            NumOovIndices = _parse.GetValue(_o.NumOovIndices) ?? 1,
            MaskToken = mask is null ? null : ParseLong(mask, "--mask-token"),
            OutputMode = ParseOutputMode(),
        };
        var values = new List<long>();
        foreach (InputRow row in Rows(single: true))
        {
            Cell cell = row.Cells[0];
            values.Clear();
            foreach (string text in cell.Items ?? [cell.Text!])
            {
                values.Add(ParseLong(text, $"line {row.Line}"));
            }

            if (cell.Items is null)
            {
                adapter.Update(values[0]);
            }
            else
            {
                adapter.UpdateDocument(values.ToArray());
            }
        }

        string? idf = IdfPath(adapter.OutputMode);
        adapter.Save(output, idf);
        ReportVocabulary(adapter.GetVocabulary().Count, adapter.MaskToken is not null && adapter.OutputMode == OutputMode.Int ? 1 : 0, adapter.NumOovIndices, output, idf);
    }

    private void AdaptTextVectorization(string output)
    {
        (int ngrams, int[]? widths) = ParseNgrams();
        var adapter = new TextVectorizationAdapter
        {
            MaxTokens = _parse.GetValue(_o.MaxTokens),
            OutputMode = ParseOutputMode(),
            Standardize = ParseEnum(_o.Standardize, PrepGen.Standardize.LowerAndStripPunctuation, ("lower-and-strip-punctuation", PrepGen.Standardize.LowerAndStripPunctuation), ("lower", PrepGen.Standardize.Lower), ("strip-punctuation", PrepGen.Standardize.StripPunctuation), ("none", PrepGen.Standardize.None)),
            Split = ParseEnum(_o.Split, PrepGen.Split.Whitespace, ("whitespace", PrepGen.Split.Whitespace), ("character", PrepGen.Split.Character), ("none", PrepGen.Split.None)),
            Ngrams = ngrams,
            NgramWidths = widths,
        };
        foreach (InputRow row in Rows(single: true))
        {
            Cell cell = row.Cells[0];
            adapter.Update(cell.Text ?? throw new CliException($"line {row.Line}: expected a text, found an array."));
        }

        string? idf = IdfPath(adapter.OutputMode);
        adapter.Save(output, idf);
        ReportVocabulary(adapter.GetVocabulary().Count, adapter.OutputMode == OutputMode.Int ? 1 : 0, 1, output, idf);
    }

    private void AdaptNormalization(string output)
    {
        string key = StatsKey();
        int batchRows = Math.Max(BatchSize() / Columns().Count, 1);
        int features = Columns().Count;
        var adapter = new NormalizationAdapter(features);
        var batch = new float[batchRows * features];
        int filled = 0;
        foreach (InputRow row in Rows(single: false))
        {
            for (int f = 0; f < features; f++)
            {
                batch[filled++] = ParseFloat(row.Cells[f], row.Line);
            }

            if (filled == batch.Length)
            {
                adapter.Update(batch);
                filled = 0;
            }
        }

        adapter.Update(batch.AsSpan(0, filled));
        if (adapter.Count == 0)
        {
            throw new CliException("the input has no rows; nothing to adapt.");
        }

        adapter.Save(output, key);
        _stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"normalization: {adapter.Count:N0} rows, {features} feature(s) -> {output} [\"{key}\"] ({_progress.Seconds:F1} s)"));
    }

    private void AdaptDiscretization(string output)
    {
        string key = StatsKey();
        var adapter = new DiscretizationAdapter
        {
            NumBins = _parse.GetValue(_o.NumBins) ?? throw new CliException("--layer discretization needs --num-bins."),
            Epsilon = _parse.GetValue(_o.Epsilon) ?? 0.01,
        };
        var batch = new float[BatchSize()];
        int filled = 0;
        long values = 0;
        foreach (InputRow row in Rows(single: true))
        {
            batch[filled++] = ParseFloat(row.Cells[0], row.Line);
            values++;
            if (filled == batch.Length)
            {
                adapter.Update(batch);
                filled = 0;
            }
        }

        if (filled > 0 || values == 0)
        {
            adapter.Update(batch.AsSpan(0, filled));
        }

        if (values == 0)
        {
            throw new CliException("the input has no rows; nothing to adapt.");
        }

        adapter.Save(output, key);
        _stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"discretization: {values:N0} values, {adapter.BinBoundaries.Length} boundaries -> {output} [\"{key}\"] ({_progress.Seconds:F1} s)"));
    }

    private IEnumerable<InputRow> Rows(bool single)
    {
        FileInfo input = _parse.GetValue(_o.Input)!;
        InputFormat format = Format(input);
        IReadOnlyList<string> columns = Columns();
        if (format == InputFormat.Text)
        {
            if (columns.Count > 0)
            {
                throw new CliException("--column does not apply to --format text (each line is one value).");
            }
        }
        else if (columns.Count == 0)
        {
            throw new CliException($"--format {FormatName(format)} needs --column.");
        }
        else if (single && columns.Count > 1)
        {
            throw new CliException("several --column values are allowed for --layer normalization only.");
        }

        StreamReader reader = Open(input);
        using (reader)
        {
            IEnumerable<InputRow> rows = format switch
            {
                InputFormat.Csv => new CsvRowReader(reader).Read(columns),
                InputFormat.JsonLines => new JsonLinesRowReader(reader).Read(columns),
                _ => new TextRowReader(reader).Read(),
            };
            using IEnumerator<InputRow> e = rows.GetEnumerator();
            while (MoveNext(e, input))
            {
                _progress.Row();
                yield return e.Current;
            }
        }
    }

    private static bool MoveNext(IEnumerator<InputRow> rows, FileInfo input)
    {
        try
        {
            return rows.MoveNext();
        }
        catch (Exception e) when (e is IOException or DecoderFallbackException)
        {
            throw new CliException($"cannot read '{input.FullName}': {e.Message}");
        }
    }

    private static StreamReader Open(FileInfo input)
    {
        try
        {
            var stream = new FileStream(input.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            return new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read '{input.FullName}': {e.Message}");
        }
    }

    private InputFormat Format(FileInfo input)
    {
        string? format = _parse.GetValue(_o.Format);
        return format switch
        {
            "csv" => InputFormat.Csv,
            "jsonl" or "ndjson" => InputFormat.JsonLines,
            "text" or "txt" => InputFormat.Text,
            null => input.Extension.ToLowerInvariant() switch
            {
                ".csv" => InputFormat.Csv,
                ".jsonl" or ".ndjson" => InputFormat.JsonLines,
                _ => InputFormat.Text,
            },
            _ => throw new CliException($"unknown --format '{format}'; expected csv, jsonl or text."),
        };
    }

    private static string FormatName(InputFormat format) => format == InputFormat.Csv ? "csv" : "jsonl";

    private IReadOnlyList<string> Columns() => _parse.GetValue(_o.Column) ?? [];

    private string StatsKey()
    {
        string? key = _parse.GetValue(_o.StatsKey);
        if (!string.IsNullOrEmpty(key))
        {
            return key;
        }

        IReadOnlyList<string> columns = Columns();
        return columns.Count == 1
            ? columns[0]
            : throw new CliException(columns.Count == 0 ? "--stats-key is required when there is no --column." : "--stats-key is required with several columns.");
    }

    private int BatchSize()
    {
        int size = _parse.GetValue(_o.BatchSize) ?? DefaultBatchSize;
        return size >= 1 ? size : throw new CliException("--batch-size must be at least 1.");
    }

    private string? IdfPath(OutputMode mode)
    {
        string? path = _parse.GetValue(_o.IdfOut)?.FullName;
        if (mode == OutputMode.TfIdf && path is null)
        {
            throw new CliException("--output-mode tf-idf needs --idf-out for the idf weights.");
        }

        if (mode != OutputMode.TfIdf && path is not null)
        {
            throw new CliException("--idf-out needs --output-mode tf-idf.");
        }

        return path;
    }

    private void ReportVocabulary(int size, int maskSlots, int oovSlots, string output, string? idf)
    {
        string files = idf is null ? output : $"{output}, {idf}";
        _stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{_parse.GetValue(_o.Layer)}: {_progress.Rows:N0} rows, {size - maskSlots - oovSlots:N0} tokens learned (vocabulary size {size}) -> {files} ({_progress.Seconds:F1} s)"));
    }

    private OutputMode ParseOutputMode() => ParseEnum(_o.OutputMode, PrepGen.OutputMode.Int,
        ("int", PrepGen.OutputMode.Int), ("one-hot", PrepGen.OutputMode.OneHot), ("multi-hot", PrepGen.OutputMode.MultiHot),
        ("count", PrepGen.OutputMode.Count), ("tf-idf", PrepGen.OutputMode.TfIdf));

    private T ParseEnum<T>(Option<string?> option, T fallback, params (string Name, T Value)[] values)
    {
        string? text = _parse.GetValue(option);
        if (text is null)
        {
            return fallback;
        }

        // Keras spells these with underscores; accept both.
        string normalized = text.Replace('_', '-').ToLowerInvariant();
        foreach ((string name, T value) in values)
        {
            if (name == normalized)
            {
                return value;
            }
        }

        throw new CliException($"unknown {option.Name} '{text}'; expected {string.Join(", ", values.Select(v => v.Name))}.");
    }

    private (int Ngrams, int[]? Widths) ParseNgrams()
    {
        string? text = _parse.GetValue(_o.Ngrams);
        if (text is null)
        {
            return (0, null);
        }

        string[] parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var numbers = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]) || numbers[i] < 1)
            {
                throw new CliException($"--ngrams '{text}' is not a positive integer or a comma-separated list of widths.");
            }
        }

        return text.Contains(',', StringComparison.Ordinal) ? (0, numbers) : (numbers.Length == 1 ? numbers[0] : 0, null);
    }

    private static long ParseLong(string text, string where) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value)
            ? value
            : throw new CliException($"{where}: '{text}' is not an integer.");

    private static float ParseFloat(Cell cell, long line)
    {
        string text = cell.Text ?? throw new CliException($"line {line}: expected a number, found an array.");
        return float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out float value)
            ? value
            : throw new CliException($"line {line}: '{text}' is not a number.");
    }
}
