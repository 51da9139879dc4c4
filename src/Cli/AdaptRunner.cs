using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using PrepGen.Adapt;
using PrepGen.Text;

namespace PrepGen.Cli;

/// <summary>Runs <c>prepgen adapt</c>: reads the input once, streaming, and saves the state only at the end.</summary>
internal sealed class AdaptRunner
{
    private const int DefaultBatchSize = 1 << 20;

    // A batch is one float array; its buffer grows with the data, so a large --batch-size costs only what the
    // input fills, up to the largest array .NET allocates.
    private const int MaxBatchSize = 1 << 30;

    // Keras has no bound on ngram widths but memory; the adapter's (TextTokenizer.MaxNgramWidth).
    private const int MaxNgramWidth = 64;

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
        CheckPaths(output);
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

    // An output over the input, or two outputs on one path, would destroy a file the user still needs.
    private void CheckPaths(string output)
    {
        string input = _parse.GetValue(_o.Input)!.FullName;
        string? idf = _parse.GetValue(_o.IdfOut)?.FullName;
        if (SamePath(output, input))
        {
            throw new CliException($"--out '{output}' is the --input file; write the state to another file.");
        }

        if (idf is not null && SamePath(idf, input))
        {
            throw new CliException($"--idf-out '{idf}' is the --input file; write the weights to another file.");
        }

        if (idf is not null && SamePath(idf, output))
        {
            throw new CliException($"--idf-out and --out are the same file '{output}'; the weights would replace the vocabulary. Give each its own file.");
        }
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(a, b, OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);

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
        RequireRows(output);
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
        RequireRows(output);
        adapter.Save(output, idf);
        ReportVocabulary(adapter.GetVocabulary().Count, adapter.MaskToken is not null && adapter.OutputMode == OutputMode.Int ? 1 : 0, adapter.NumOovIndices, output, idf);
    }

    private void AdaptTextVectorization(string output)
    {
        (int ngrams, int[]? widths) = ParseNgrams();
        TextTokenizer.NgramWidths(ngrams, widths); // rejects bad widths before the input is read
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
        RequireRows(output);
        adapter.Save(output, idf);
        ReportVocabulary(adapter.GetVocabulary().Count, adapter.OutputMode == OutputMode.Int ? 1 : 0, 1, output, idf);
    }

    private void AdaptNormalization(string output)
    {
        string key = StatsKey();
        int features = Columns().Count;
        int batchRows = Math.Max(BatchSize() / Math.Max(features, 1), 1);
        var adapter = new NormalizationAdapter(features);
        var batch = new Batch((long)batchRows * features);
        foreach (InputRow row in Rows(single: false))
        {
            for (int f = 0; f < features; f++)
            {
                batch.Add(ParseFloat(row.Cells[f], row.Line));
            }

            if (batch.Full)
            {
                adapter.Update(batch.Values);
                batch.Clear();
            }
        }

        adapter.Update(batch.Values);
        if (adapter.Count == 0)
        {
            throw new CliException($"the input has no rows; nothing to adapt, '{output}' is left as it was.");
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
        var batch = new Batch(BatchSize());
        long values = 0;
        foreach (InputRow row in Rows(single: true))
        {
            batch.Add(ParseFloat(row.Cells[0], row.Line));
            values++;
            if (batch.Full)
            {
                adapter.Update(batch.Values);
                batch.Clear();
            }
        }

        if (batch.Values.Length > 0 || values == 0)
        {
            adapter.Update(batch.Values);
        }

        if (values == 0)
        {
            throw new CliException($"the input has no rows; nothing to adapt, '{output}' is left as it was.");
        }

        adapter.Save(output, key);
        _stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"discretization: {values:N0} values, {adapter.BinBoundaries.Length} boundaries -> {output} [\"{key}\"] ({_progress.Seconds:F1} s)"));
    }

    // Empty input would give an empty vocabulary, which Keras refuses (ValueError) and the generator rejects.
    private void RequireRows(string output)
    {
        if (_progress.Rows == 0)
        {
            throw new CliException($"'{_parse.GetValue(_o.Input)!.FullName}' has no rows (an empty file, blank lines or a header only); nothing to adapt, '{output}' is left as it was.");
        }
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
        return size is >= 1 and <= MaxBatchSize
            ? size
            : throw new CliException($"--batch-size must be between 1 and {MaxBatchSize:N0} values (got {size:N0}).");
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

            if (numbers[i] > MaxNgramWidth)
            {
                throw new CliException($"--ngrams '{text}': a width of {numbers[i]:N0} is more than {MaxNgramWidth}; widths 1..n make about n ngrams of up to n tokens per input token.");
            }
        }

        return text.Contains(',', StringComparison.Ordinal) ? (0, numbers) : (numbers.Length == 1 ? numbers[0] : 0, null);
    }

    private static long ParseLong(string text, string where) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value)
            ? value
            : throw new CliException($"{where}: '{text}' is not an integer.");

    // Keras's adapt would propagate NaN and infinities into NaN statistics (every output NaN) that stats.json
    // cannot hold, and a value beyond float32 range becomes an infinity when Keras casts it: refuse them at
    // their line (docs/state-files.md, "Non-finite input").
    private static float ParseFloat(Cell cell, long line)
    {
        string text = cell.Text ?? throw new CliException($"line {line}: expected a number, found an array.");
        if (!float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out float value))
        {
            throw new CliException($"line {line}: '{text}' is not a number.");
        }

        if (float.IsFinite(value))
        {
            return value;
        }

        throw new CliException(double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double wide) && double.IsFinite(wide)
            ? $"line {line}: '{text}' is beyond float32 range (Keras casts the input to float32, where it is infinite). Rescale or remove it."
            : $"line {line}: '{text}' is not a finite number; Keras's adapt would turn the statistics into NaN. Remove or impute it.");
    }

    /// <summary>One adapt batch: grows with the values added, up to its capacity.</summary>
    private sealed class Batch
    {
        private readonly long _capacity;
        private float[] _values = new float[1024];
        private int _count;

        public Batch(long capacity) => _capacity = capacity;

        public bool Full => _count == _capacity;

        public ReadOnlySpan<float> Values => _values.AsSpan(0, _count);

        public void Add(float value)
        {
            if (_count == _values.Length)
            {
                Array.Resize(ref _values, (int)Math.Min((long)_values.Length * 2, Math.Min(_capacity, Array.MaxLength)));
            }

            _values[_count++] = value;
        }

        public void Clear() => _count = 0;
    }
}
