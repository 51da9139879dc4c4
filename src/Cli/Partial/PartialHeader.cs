using System.Collections.Generic;

namespace PrepGen.Cli.Partial;

/// <summary>
/// What a <c>.pgpartial</c> file says about itself (docs/state-files.md, "Partial state"): the layer, the options that
/// decide its state, what was read, and the size of the mergeable state. Returned by <see cref="PartialFile.ReadHeader"/>.
/// </summary>
/// <param name="Path">The file read.</param>
/// <param name="Version">The format version (<see cref="PartialFile.FormatVersion"/>).</param>
/// <param name="Layer">string-lookup, integer-lookup, text-vectorization, normalization or discretization.</param>
/// <param name="Options">The layer options as <c>prepgen adapt</c> resolved them (defaults filled in, names as the command line spells
/// them, values in one canonical spelling; null for an option not set); <c>prepgen merge</c> refuses partials where any differs.</param>
/// <param name="Columns">The <c>--column</c> values (empty for text input); compared by merge too.</param>
/// <param name="StatsKey">The stats.json key given or implied at adapt time, or null (merge then needs <c>--stats-key</c>).</param>
/// <param name="Input">The input file the shard was read from (informational).</param>
/// <param name="Rows">Rows read (lookups: documents; discretization: values).</param>
/// <param name="StateKind">token-counts, moments or batch-summaries.</param>
/// <param name="StateSize">Sizes of the state: token-counts {tokens, documents}; moments {features, count}; batch-summaries {batches, entries}.</param>
public sealed record PartialHeader(
    string Path,
    int Version,
    string Layer,
    IReadOnlyList<KeyValuePair<string, string?>> Options,
    IReadOnlyList<string> Columns,
    string? StatsKey,
    string Input,
    long Rows,
    string StateKind,
    IReadOnlyDictionary<string, long> StateSize);
