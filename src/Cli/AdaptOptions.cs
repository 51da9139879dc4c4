using System.CommandLine;
using System.IO;

namespace PrepGen.Cli;

/// <summary>The options of <c>prepgen adapt</c>; names follow the Keras arguments in kebab case.</summary>
internal sealed class AdaptOptions
{
    public Option<FileInfo> Input { get; } = new("--input", "-i") { Description = "The file to read.", Required = true };

    public Option<string?> Format { get; } = new("--format")
    {
        Description = "csv, tsv, jsonl, text or parquet (default: from the file: Parquet by its PAR1 magic, else by the extension "
            + "without .gz: .csv, .tsv (tab), .jsonl/.ndjson, anything else is text). Gzip input (bytes 1f 8b) is decompressed whatever its name.",
    };

    public Option<string[]> Column { get; } = new("--column", "-c")
    {
        Description = "The CSV column (header name or 0-based index), JSON property or Parquet column to read; repeat for several normalization features.",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> Delimiter { get; } = new("--delimiter", "-d")
    {
        Description = "csv: the field delimiter, one character or 'tab' (default ',', or tab for .tsv).",
    };

    public Option<bool> NoHeader { get; } = new("--no-header") { Description = "csv: the first record is data; --column is a 0-based index." };

    public Option<int?> SkipRows { get; } = new("--skip-rows")
    {
        Description = "csv, jsonl, text: lines to skip before the header or data (sklearn's iris.csv: 1).",
    };

    public Option<int?> Threads { get; } = new("--threads", "-t")
    {
        Description = "Threads for one adapt over chunks of the input (default: all cores). The result is the same as with one thread: "
            + "lookups merge exact counts; normalization and discretization parse in parallel and summarize their batches in input order.",
    };

    public Option<double?> ProgressInterval { get; } = new("--progress-interval")
    {
        Description = "Seconds between the plain progress lines written when stderr is not a terminal (default 5).",
    };

    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "No progress on stderr (errors are still printed)." };

    public Option<string> Layer { get; } = new("--layer", "-l")
    {
        Description = "string-lookup, integer-lookup, text-vectorization, normalization or discretization.",
        Required = true,
    };

    public Option<int?> MaxTokens { get; } = new("--max-tokens") { Description = "Vocabulary cap, special slots included." };

    public Option<int?> NumOovIndices { get; } = new("--num-oov-indices") { Description = "OOV slots (lookups; default 1)." };

    public Option<string?> MaskToken { get; } = new("--mask-token") { Description = "Mask token (lookups; default none)." };

    public Option<string?> OutputMode { get; } = new("--output-mode")
    {
        Description = "int, one-hot, multi-hot, count or tf-idf (default int); tf-idf also learns idf weights.",
    };

    public Option<string?> Ngrams { get; } = new("--ngrams") { Description = "text-vectorization: n for widths 1..n, or explicit widths such as 2,3." };

    public Option<string?> Standardize { get; } = new("--standardize")
    {
        Description = "text-vectorization: lower-and-strip-punctuation (default), lower, strip-punctuation or none.",
    };

    public Option<string?> Split { get; } = new("--split") { Description = "text-vectorization: whitespace (default), character or none." };

    public Option<int?> NumBins { get; } = new("--num-bins") { Description = "discretization: the number of bins (required)." };

    public Option<double?> Epsilon { get; } = new("--epsilon") { Description = "discretization: quantile error tolerance (default 0.01)." };

    public Option<int?> BatchSize { get; } = new("--batch-size")
    {
        Description = "normalization/discretization: values per adapt batch (default 1048576). Keras summarizes each batch, "
            + "so an input that fits in one batch gives exactly Keras's adapt() on the whole array.",
    };

    // Not Required: --partial replaces it (AdaptRunner checks that exactly one of them is given).
    public Option<FileInfo?> Out { get; } = new("--out", "-o") { Description = "The vocabulary file or stats.json to write (required unless --partial)." };

    public Option<FileInfo?> Partial { get; } = new("--partial")
    {
        Description = "Write this shard's mergeable state (a .pgpartial file: token counts with document frequencies, moments, or batch "
            + "quantile summaries, plus the layer and its options) instead of --out/--idf-out; `prepgen merge` combines shards into "
            + "exactly what one adapt over their concatenation writes. An empty shard is allowed here.",
    };

    public Option<FileInfo?> IdfOut { get; } = new("--idf-out") { Description = "The idf weights file (required with --output-mode tf-idf)." };

    public Option<string?> StatsKey { get; } = new("--stats-key")
    {
        Description = "The key in stats.json (default: the column name; required with several columns).",
    };

    public Command CreateCommand()
    {
        var command = new Command("adapt", "Learn a layer's state (vocabulary, idf weights, mean/variance, bin boundaries) from a file: "
            + "CSV/TSV, JSON lines, text (one document per line), each optionally gzip-compressed, or Parquet. "
            + "Progress goes to stderr: a live bar on a terminal, otherwise a plain line every few seconds.");
        foreach (Option option in new Option[]
        {
            Input, Format, Column, Delimiter, NoHeader, SkipRows, Layer, MaxTokens, NumOovIndices, MaskToken, OutputMode, Ngrams, Standardize, Split,
            NumBins, Epsilon, BatchSize, Out, IdfOut, StatsKey, Partial, Threads, Quiet, ProgressInterval,
        })
        {
            command.Options.Add(option);
        }

        return command;
    }
}
