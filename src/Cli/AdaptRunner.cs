using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using PrepGen.Adapt;
using PrepGen.Cli.Partial;
using PrepGen.Text;

namespace PrepGen.Cli;

/// <summary>Runs <c>prepgen adapt</c>: reads the input once, streaming, and saves the state only at the end.</summary>
internal sealed partial class AdaptRunner
{
    private const int DefaultBatchSize = 1 << 20;

    // A batch is one float array; its buffer grows with the data, so a large --batch-size costs only what the
    // input fills, up to the largest array .NET allocates.
    private const int MaxBatchSize = 1 << 30;

    // A work item's parsed numbers: one 2 MiB huge page, the values of a 2 MB chunk at 4+ bytes per field (more grow).
    private const int FloatsPerList = 1 << 19;

    // Keras has no bound on ngram widths but memory; the adapter's (TextTokenizer.MaxNgramWidth).
    private const int MaxNgramWidth = 64;

    // Which layers each layer-specific option applies to.
    private static readonly string[] Lookups = ["string-lookup", "integer-lookup", "text-vectorization"];

    // --threads beyond this is a typo, not a machine.
    private const int MaxThreads = 1024;

    private readonly ParseResult _parse;
    private readonly AdaptOptions _o;
    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _rows;

    private AdaptRunner(ParseResult parse, AdaptOptions options, TextWriter stdout, TextWriter stderr)
    {
        _parse = parse;
        _o = options;
        _stdout = stdout;
        _stderr = stderr;
    }

    private double Seconds => _clock.Elapsed.TotalSeconds;

    public static void Run(ParseResult parse, AdaptOptions options, TextWriter stdout, TextWriter stderr) =>
        new AdaptRunner(parse, options, stdout, stderr).Run();

    private void Run()
    {
        string layer = _parse.GetValue(_o.Layer)!;
        CheckApplies(layer);
        string output = OutputPath();
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
        OutputMode mode = ParseOutputMode();
        int? maxTokens = _parse.GetValue(_o.MaxTokens);
        int numOov = _parse.GetValue(_o.NumOovIndices) ?? 1;
        string? mask = _parse.GetValue(_o.MaskToken);
        StringLookupAdapter adapter = Merge(
            RunLookup(
                () => new StringLookupAdapter { MaxTokens = maxTokens, NumOovIndices = numOov, MaskToken = mask, OutputMode = mode },
                (a, row, _) =>
                {
                    Cell cell = row.Cells[0];
                    if (cell.Items is not null)
                    {
                        a.UpdateDocument(cell.Items.ToArray());
                    }
                    else
                    {
                        a.Update(cell.Text!);
                    }
                },
                (a, utf8, ranges, _) => a.UpdateUtf8(utf8, ranges, ranges.Length / 2)),
            (a, b) => a.Merge(b));

        if (IsPartial)
        {
            WritePartial(output, LookupOptions(maxTokens, numOov, mask, mode), PartialState.FromCounts(adapter.Counts, PartialState.WriteString));
            return;
        }

        string? idf = IdfPath(adapter.OutputMode);
        RequireRows(output);
        ReportVocabulary(adapter.SaveCounted(output, idf), adapter.MaskToken is not null && adapter.OutputMode == OutputMode.Int ? 1 : 0, adapter.NumOovIndices, output, idf);
    }

    private void AdaptIntegerLookup(string output)
    {
        string? maskText = _parse.GetValue(_o.MaskToken);
        long? mask = maskText is null ? null : ParseLong(maskText, "--mask-token");
        OutputMode mode = ParseOutputMode();
        int? maxTokens = _parse.GetValue(_o.MaxTokens);
        int numOov = _parse.GetValue(_o.NumOovIndices) ?? 1;
        IntegerLookupAdapter adapter = Merge(
            RunLookup(
                () => new IntegerLookupAdapter { MaxTokens = maxTokens, NumOovIndices = numOov, MaskToken = mask, OutputMode = mode },
                (a, row, where) =>
                {
                    Cell cell = row.Cells[0];
                    if (cell.Items is null)
                    {
                        a.Update(ParseLong(cell.Text!, $"{where} {row.Line}"));
                    }
                    else
                    {
                        var values = new long[cell.Items.Count];
                        for (int i = 0; i < values.Length; i++)
                        {
                            values[i] = ParseLong(cell.Items[i], $"{where} {row.Line}");
                        }

                        a.UpdateDocument(values);
                    }
                },
                (a, utf8, ranges, lines) =>
                {
                    for (int i = 0; i < lines.Length; i++)
                    {
                        a.Update(ParseLong(utf8[ranges[2 * i]..ranges[(2 * i) + 1]], lines[i]));
                    }
                }),
            (a, b) => a.Merge(b));

        if (IsPartial)
        {
            string? canonicalMask = mask?.ToString(CultureInfo.InvariantCulture);
            WritePartial(output, LookupOptions(maxTokens, numOov, canonicalMask, mode), PartialState.FromCounts(adapter.Counts, PartialState.WriteLong));
            return;
        }

        string? idf = IdfPath(adapter.OutputMode);
        RequireRows(output);
        ReportVocabulary(adapter.SaveCounted(output, idf), adapter.MaskToken is not null && adapter.OutputMode == OutputMode.Int ? 1 : 0, adapter.NumOovIndices, output, idf);
    }

    private void AdaptTextVectorization(string output)
    {
        (int ngrams, int[]? widths) = ParseNgrams();
        TextTokenizer.NgramWidths(ngrams, widths); // rejects bad widths before the input is read
        OutputMode mode = ParseOutputMode();
        int? maxTokens = _parse.GetValue(_o.MaxTokens);
        Standardize standardize = ParseEnum(_o.Standardize, PrepGen.Standardize.LowerAndStripPunctuation, OptionSpelling.Standardizes);
        Split split = ParseEnum(_o.Split, PrepGen.Split.Whitespace, OptionSpelling.Splits);
        TextVectorizationAdapter adapter = Merge(
            RunLookup(
                () => new TextVectorizationAdapter
                {
                    MaxTokens = maxTokens,
                    OutputMode = mode,
                    Standardize = standardize,
                    Split = split,
                    Ngrams = ngrams,
                    NgramWidths = widths,
                },
                (a, row, where) => a.Update(row.Cells[0].Text ?? throw new CliException($"{where} {row.Line}: expected a text, found an array.")),
                (a, utf8, ranges, lines) =>
                {
                    for (int i = 0; i < lines.Length; i++)
                    {
                        a.UpdateUtf8(utf8[ranges[2 * i]..ranges[(2 * i) + 1]]);
                    }
                }),
            (a, b) => a.Merge(b));

        if (IsPartial)
        {
            WritePartial(output, TextOptions(maxTokens, mode, standardize, split, TextTokenizer.NgramWidths(ngrams, widths)), PartialState.FromCounts(adapter.Counts, PartialState.WriteString));
            return;
        }

        string? idf = IdfPath(adapter.OutputMode);
        RequireRows(output);
        ReportVocabulary(adapter.SaveCounted(output, idf), adapter.OutputMode == OutputMode.Int ? 1 : 0, 1, output, idf);
    }

    // Lookups count tokens: each thread fills its own adapter over its chunks and the counts are summed by Merge,
    // which gives exactly the counts (so the vocabulary order, ties included, and the idf) of one pass. Text and CSV
    // values reach `updateUtf8` in batches of their UTF-8 bytes (no string, cell or row per record); JSON lines (whose
    // values may be arrays) and Parquet go through rows and `update`.
    private List<TAdapter> RunLookup<TAdapter>(Func<TAdapter> create, Action<TAdapter, InputRow, string> update, Utf8Update<TAdapter> updateUtf8)
    {
        using RowSource source = OpenSource(single: true);
        string where = source.Where;
        var pipeline = new AdaptPipeline<TAdapter, object>
        {
            CreateState = create,
            BeginItem = _ => null,
            Row = (adapter, _, row) => update(adapter, row, where),
            Item = source is LineSource { HasUtf8Values: true } lines
                ? (RowSource _, TAdapter adapter, object? _, IDisposable item, ref IDisposable? _) =>
                    lines.ParseValues(item, (utf8, ranges, valueLines) => updateUtf8(adapter, utf8, ranges, valueLines))
                : null,
        };
        return RunPipeline(pipeline, source);
    }

    private static T Merge<T>(List<T> adapters, Action<T, T> merge)
    {
        for (int i = 1; i < adapters.Count; i++)
        {
            merge(adapters[0], adapters[i]);
        }

        return adapters[0];
    }

    private List<TState> RunPipeline<TState, TResult>(AdaptPipeline<TState, TResult> pipeline, RowSource source)
        where TResult : class
    {
        int threads = Threads();
        bool terminal = ReferenceEquals(_stderr, Console.Error) && !Console.IsErrorRedirected;
        try
        {
            List<TState> states = ProgressReporter.Run(_stderr, _parse.GetValue(_o.Quiet), terminal, ProgressInterval(), source.Unit, sink => pipeline.Run(source, threads, sink));
            _rows = pipeline.Rows;
            return states;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or DecoderFallbackException)
        {
            throw new CliException($"cannot read '{_parse.GetValue(_o.Input)!.FullName}': {e.Message}");
        }
    }

    // Normalization and discretization: threads parse the numbers of their chunks; the batches are then formed and
    // summarized in input order, exactly as one thread does, so the statistics are the same bits.
    private void AdaptNormalization(string output)
    {
        string? key = IsPartial ? OptionalStatsKey() : StatsKey();
        int features = Columns().Count;
        int batchRows = Math.Max(BatchSize() / Math.Max(features, 1), 1);
        var adapter = new NormalizationAdapter(features);
        var batch = new Batch((long)batchRows * features);
        RunNumeric(single: false, batch, adapter.Update);
        adapter.Update(batch.Values);
        if (IsPartial)
        {
            WritePartial(output, [new("batch-size", Invariant(BatchSize()))], PartialState.FromMoments(adapter), key);
            return;
        }

        if (adapter.Count == 0)
        {
            throw new CliException($"the input has no rows; nothing to adapt, '{output}' is left as it was.");
        }

        adapter.Save(output, key!); // StatsKey() gave it: only a partial may have none
        _stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"normalization: {adapter.Count:N0} rows, {features} feature(s) -> {output} [\"{key}\"] ({Seconds:F1} s)"));
    }

    private void AdaptDiscretization(string output)
    {
        string? key = IsPartial ? OptionalStatsKey() : StatsKey();
        var adapter = new DiscretizationAdapter
        {
            NumBins = _parse.GetValue(_o.NumBins) ?? throw new CliException("--layer discretization needs --num-bins."),
            Epsilon = _parse.GetValue(_o.Epsilon) ?? 0.01,
        };
        var batch = new Batch(BatchSize());

        // A partial keeps each batch's summary unmerged, so that merge replays the merges of one pass (see PartialState).
        var summaries = new List<QuantileSummary>();
        SpanAction update = IsPartial ? values => summaries.Add(adapter.SummarizeBatch(values)) : adapter.Update;
        long values = RunNumeric(single: true, batch, update);
        if (batch.Values.Length > 0 || (values == 0 && !IsPartial))
        {
            update(batch.Values);
        }

        if (IsPartial)
        {
            WritePartial(output, DiscretizationOptions(adapter.NumBins, adapter.Epsilon, BatchSize()), PartialState.FromSummaries(summaries), key);
            return;
        }

        if (values == 0)
        {
            throw new CliException($"the input has no rows; nothing to adapt, '{output}' is left as it was.");
        }

        adapter.Save(output, key!); // StatsKey() gave it: only a partial may have none
        _stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"discretization: {values:N0} values, {adapter.BinBoundaries.Length} boundaries -> {output} [\"{key}\"] ({Seconds:F1} s)"));
    }

    // Feeds full batches to `update` in input order; the last, partial batch is left in `batch`. Returns the values read.
    private long RunNumeric(bool single, Batch batch, SpanAction update)
    {
        using RowSource source = OpenSource(single);
        long values = 0;
        var floats = new BufferPool<float>(FloatsPerList);
        var pipeline = new AdaptPipeline<object, FloatList>
        {
            CreateState = () => new object(),
            BeginItem = _ => new FloatList(floats),
            Item = (source, _, list, item, ref cache) => source.ParseNumbers(item, ref cache, list!),
            Ordered = list =>
            {
                ReadOnlySpan<float> rest = list.Values;
                while (!rest.IsEmpty)
                {
                    rest = rest[batch.Fill(rest)..];
                    if (batch.Full)
                    {
                        update(batch.Values);
                        batch.Clear();
                    }
                }

                values += list.Values.Length;
                list.Return();
            },
        };
        RunPipeline(pipeline, source);
        return values;
    }

    // Empty input would give an empty vocabulary, which Keras refuses (ValueError) and the generator rejects.
    private void RequireRows(string output)
    {
        if (_rows == 0)
        {
            throw new CliException($"'{_parse.GetValue(_o.Input)!.FullName}' has no rows (an empty file, blank lines or a header only); nothing to adapt, '{output}' is left as it was.");
        }
    }

    private RowSource OpenSource(bool single)
    {
        FileInfo input = _parse.GetValue(_o.Input)!;
        string path = input.FullName;
        if (!File.Exists(path))
        {
            throw new CliException($"cannot read '{path}': the file does not exist.");
        }

        IReadOnlyList<string> columns = Columns();
        try
        {
            (InputFormat format, char tabDefault) = Format(path);
            if (format != InputFormat.Csv)
            {
                if (_parse.GetValue(_o.Delimiter) is not null || _parse.GetValue(_o.NoHeader))
                {
                    throw new CliException("--delimiter and --no-header apply to --format csv only.");
                }
            }

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

            int skip = _parse.GetValue(_o.SkipRows) ?? 0;
            if (skip < 0)
            {
                throw new CliException($"--skip-rows must be 0 or more (got {skip}).");
            }

            if (format == InputFormat.Parquet)
            {
                return _parse.GetValue(_o.SkipRows) is null
                    ? new ParquetSource(path, columns)
                    : throw new CliException("--skip-rows does not apply to Parquet input.");
            }

            return new LineSource(path, format, columns, Delimiter(tabDefault), !_parse.GetValue(_o.NoHeader), skip);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new CliException($"cannot read '{path}': {e.Message}");
        }
    }

    private char Delimiter(char fallback)
    {
        string? text = _parse.GetValue(_o.Delimiter);
        char delimiter = text switch
        {
            null => fallback,
            "tab" or "\\t" => '\t',
            { Length: 1 } => text[0],
            _ => throw new CliException($"--delimiter '{text}' is not one character (or 'tab')."),
        };
        return delimiter is '"' or '\n' or '\r'
            ? throw new CliException("--delimiter cannot be a quote or a line break.")
            : delimiter;
    }

    private TimeSpan ProgressInterval()
    {
        double? seconds = _parse.GetValue(_o.ProgressInterval);
        return seconds switch
        {
            null => ProgressReporter.DefaultInterval,
            >= 0 and <= 86400 => TimeSpan.FromSeconds(seconds.Value),
            _ => throw new CliException($"--progress-interval must be between 0 and 86400 seconds (got {seconds})."),
        };
    }

    private int Threads()
    {
        int threads = _parse.GetValue(_o.Threads) ?? Environment.ProcessorCount;
        return threads is >= 1 and <= MaxThreads
            ? threads
            : throw new CliException($"--threads must be between 1 and {MaxThreads} (got {threads}).");
    }

    // The format and the default delimiter (tab for .tsv).
    private (InputFormat Format, char Delimiter) Format(string path)
    {
        string? format = _parse.GetValue(_o.Format);
        string name = Path.GetFileName(path).ToLowerInvariant();
        if (name.EndsWith(".gz", StringComparison.Ordinal))
        {
            name = name[..^3];
        }

        string extension = Path.GetExtension(name);
        return format switch
        {
            "csv" => (InputFormat.Csv, extension == ".tsv" ? '\t' : ','),
            "tsv" => (InputFormat.Csv, '\t'),
            "jsonl" or "ndjson" => (InputFormat.JsonLines, ','),
            "text" or "txt" => (InputFormat.Text, ','),
            "parquet" => (InputFormat.Parquet, ','),
            null when ParquetSource.IsParquet(path) => (InputFormat.Parquet, ','),
            null => extension switch
            {
                ".csv" => (InputFormat.Csv, ','),
                ".tsv" => (InputFormat.Csv, '\t'),
                ".jsonl" or ".ndjson" => (InputFormat.JsonLines, ','),
                _ => (InputFormat.Text, ','),
            },
            _ => throw new CliException($"unknown --format '{format}'; expected csv, tsv, jsonl, text or parquet."),
        };
    }

    private static string FormatName(InputFormat format) => format switch
    {
        InputFormat.Csv => "csv",
        InputFormat.Parquet => "parquet",
        _ => "jsonl",
    };

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
            $"{_parse.GetValue(_o.Layer)}: {_rows:N0} rows, {size - maskSlots - oovSlots:N0} tokens learned (vocabulary size {size}) -> {files} ({Seconds:F1} s)"));
    }

    private OutputMode ParseOutputMode() => ParseEnum(_o.OutputMode, PrepGen.OutputMode.Int, OptionSpelling.OutputModes);

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

    private delegate void SpanAction(ReadOnlySpan<float> values);

    // The same parse over a text or CSV value's UTF-8 bytes (the same rules: the parser is generic over the char type);
    // a value it refuses goes through the string parse, which refuses it too and names it.
    private static long ParseLong(ReadOnlySpan<byte> utf8, long line) =>
        long.TryParse(utf8, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value)
            ? value
            : ParseLong(Encoding.UTF8.GetString(utf8), $"line {line}");

    /// <summary>Counts a batch of text or CSV values read as UTF-8 bytes (as <see cref="Utf8Values"/> gives them).</summary>
    private delegate void Utf8Update<TAdapter>(TAdapter adapter, ReadOnlySpan<byte> utf8, ReadOnlySpan<int> ranges, ReadOnlySpan<long> lines);

    /// <summary>One adapt batch: grows with the values added, up to its capacity.</summary>
    private sealed class Batch
    {
        // Values allocated up front (the default batch, 4 MB, on huge pages: no page fault per 4 KiB as it first fills);
        // a larger --batch-size grows with the data, so it costs only what the input fills.
        private const int Initial = DefaultBatchSize;

        private readonly long _capacity;
        private float[] _values;
        private int _start;
        private int _count;

        public Batch(long capacity)
        {
            _capacity = capacity;
            _values = HugePages.Allocate<float>((int)Math.Min(capacity, Initial), out _start);
        }

        public bool Full => _count == _capacity;

        public ReadOnlySpan<float> Values => _values.AsSpan(_start, _count);

        /// <summary>Copies as many of <paramref name="values"/> as the batch takes; returns how many.</summary>
        public int Fill(ReadOnlySpan<float> values)
        {
            int taken = (int)Math.Min(values.Length, _capacity - _count);
            if (_count + taken > _values.Length - _start)
            {
                long grown = Math.Max((long)(_values.Length - _start) * 2, _count + taken);
                float[] larger = HugePages.Allocate<float>((int)Math.Min(grown, Math.Min(_capacity, Array.MaxLength)), out int start);
                Values.CopyTo(larger.AsSpan(start));
                (_values, _start) = (larger, start);
            }

            values[..taken].CopyTo(_values.AsSpan(_start + _count));
            _count += taken;
            return taken;
        }

        public void Clear() => _count = 0;
    }
}
