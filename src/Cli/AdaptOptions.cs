using System.CommandLine;
using System.IO;

namespace PrepGen.Cli;

/// <summary>The options of <c>prepgen adapt</c>; names follow the Keras arguments in kebab case.</summary>
internal sealed class AdaptOptions
{
    public Option<FileInfo> Input { get; } = new("--input", "-i") { Description = "The file to read.", Required = true };

    public Option<string?> Format { get; } = new("--format")
    {
        Description = "csv, jsonl or text (default: from the extension: .csv, .jsonl/.ndjson, anything else is text).",
    };

    public Option<string[]> Column { get; } = new("--column", "-c")
    {
        Description = "The CSV column or JSON property to read; repeat for several normalization features.",
        AllowMultipleArgumentsPerToken = false,
    };

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

    public Option<FileInfo> Out { get; } = new("--out", "-o") { Description = "The vocabulary file or stats.json to write.", Required = true };

    public Option<FileInfo?> IdfOut { get; } = new("--idf-out") { Description = "The idf weights file (required with --output-mode tf-idf)." };

    public Option<string?> StatsKey { get; } = new("--stats-key")
    {
        Description = "The key in stats.json (default: the column name; required with several columns).",
    };

    public Command CreateCommand()
    {
        var command = new Command("adapt", "Learn a layer's state (vocabulary, idf weights, mean/variance, bin boundaries) from a file.");
        foreach (Option option in new Option[]
        {
            Input, Format, Column, Layer, MaxTokens, NumOovIndices, MaskToken, OutputMode, Ngrams, Standardize, Split,
            NumBins, Epsilon, BatchSize, Out, IdfOut, StatsKey,
        })
        {
            command.Options.Add(option);
        }

        return command;
    }
}
