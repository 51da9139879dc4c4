using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using PrepGen.Adapt;

namespace PrepGen.Cli.Partial;

/// <summary>
/// Runs <c>prepgen merge</c>: reads and checks every partial, refuses any that differ in layer or options, rebuilds one
/// adapter from them in argument order with the adapters' own merges, and saves it as <c>prepgen adapt</c> does.
/// </summary>
internal sealed class MergeRunner
{
    private readonly TextWriter _stdout;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public MergeRunner(TextWriter stdout) => _stdout = stdout;

    public void Run(IReadOnlyList<string> paths, string output, string? idf, string? statsKey)
    {
        CheckPaths(paths, output, idf);
        var partials = paths.Select(PartialFile.Read).ToList();
        PartialHeader first = partials[0].Header;
        foreach ((PartialHeader header, _) in partials.Skip(1))
        {
            RequireSame(first, header);
        }

        long rows = partials.Sum(p => p.Header.Rows);
        bool numeric = first.Layer is "normalization" or "discretization";
        if (numeric && idf is not null)
        {
            throw new CliException($"--idf-out does not apply to --layer {first.Layer} partials.");
        }

        if (!numeric && statsKey is not null)
        {
            throw new CliException($"--stats-key does not apply to --layer {first.Layer} partials (only normalization, discretization).");
        }

        switch (first.Layer)
        {
            case "string-lookup":
                MergeStringLookup(partials, output, idf, rows);
                break;
            case "integer-lookup":
                MergeIntegerLookup(partials, output, idf, rows);
                break;
            case "text-vectorization":
                MergeTextVectorization(partials, output, idf, rows);
                break;
            case "normalization":
                MergeNormalization(partials, output, Key(partials, statsKey), rows);
                break;
            case "discretization":
                MergeDiscretization(partials, output, Key(partials, statsKey), rows);
                break;
            default:
                throw PartialFile.Bad(first.Path, $"unknown layer '{first.Layer}'");
        }
    }

    // As adapt: never write over an input; and a shard given twice would be counted twice.
    private static void CheckPaths(IReadOnlyList<string> paths, string output, string? idf)
    {
        for (int i = 0; i < paths.Count; i++)
        {
            if (StateFiles.SamePath(paths[i], output) || (idf is not null && StateFiles.SamePath(paths[i], idf)))
            {
                throw new CliException($"'{paths[i]}' is both a partial to merge and an output; write the state to another file.");
            }

            for (int j = 0; j < i; j++)
            {
                if (StateFiles.SamePath(paths[i], paths[j]))
                {
                    throw new CliException($"'{paths[i]}' is given twice; each shard's partial counts once.");
                }
            }
        }

        if (idf is not null && StateFiles.SamePath(idf, output))
        {
            throw new CliException($"--idf-out and --out are the same file '{output}'; the weights would replace the vocabulary. Give each its own file.");
        }
    }

    private static void RequireSame(PartialHeader first, PartialHeader other)
    {
        if (first.Layer != other.Layer)
        {
            throw new CliException($"'{other.Path}' is a {other.Layer} partial and '{first.Path}' a {first.Layer} one; only partials of one layer merge.");
        }

        var a = first.Options.ToDictionary(o => o.Key, o => o.Value);
        var b = other.Options.ToDictionary(o => o.Key, o => o.Value);
        foreach (string name in a.Keys.Union(b.Keys))
        {
            string? x = a.GetValueOrDefault(name);
            string? y = b.GetValueOrDefault(name);
            if (x != y)
            {
                throw Differs("--" + name, first, x, other, y);
            }
        }

        if (!first.Columns.SequenceEqual(other.Columns))
        {
            throw Differs("--column", first, string.Join(", ", first.Columns), other, string.Join(", ", other.Columns));
        }
    }

    private static CliException Differs(string option, PartialHeader first, string? x, PartialHeader other, string? y) =>
        new($"{option} differs: '{first.Path}' was adapted with {Shown(x)}, '{other.Path}' with {Shown(y)}; only partials made with the same options merge.");

    private static string Shown(string? value) => value is null ? "(not set)" : $"'{value}'";

    private static string Key(List<(PartialHeader Header, byte[] Body)> partials, string? statsKey)
    {
        if (!string.IsNullOrEmpty(statsKey))
        {
            return statsKey;
        }

        var keys = partials.Select(p => p.Header.StatsKey).Distinct().ToList();
        return keys is [string key]
            ? key
            : throw new CliException("--stats-key is required: the partials were adapted without one key (several columns, or different --stats-key values).");
    }

    private static string Option(PartialHeader header, string name) =>
        header.Options.FirstOrDefault(o => o.Key == name).Value ?? throw PartialFile.Bad(header.Path, $"its header has no --{name}");

    private static int? OptionalInt(PartialHeader header, string name) =>
        header.Options.FirstOrDefault(o => o.Key == name).Value is string text ? int.Parse(text, CultureInfo.InvariantCulture) : null;

    private static OutputMode Mode(PartialHeader header) => OptionSpelling.ValueOf(OptionSpelling.OutputModes, Option(header, "output-mode"));

    private void MergeStringLookup(List<(PartialHeader Header, byte[] Body)> partials, string output, string? idf, long rows)
    {
        PartialHeader h = partials[0].Header;
        var adapter = new StringLookupAdapter
        {
            MaxTokens = OptionalInt(h, "max-tokens"),
            NumOovIndices = OptionalInt(h, "num-oov-indices") ?? 1,
            MaskToken = h.Options.FirstOrDefault(o => o.Key == "mask-token").Value,
            OutputMode = Mode(h),
        };
        ReadAllCounts(partials, adapter.Counts, PartialState.ReadString);

        SaveLookup(partials.Count, rows, output, idf, adapter.OutputMode, h.Layer, () => adapter.Save(output, idf), () => adapter.GetVocabulary().Count,
            adapter.MaskToken is not null && adapter.OutputMode == OutputMode.Int ? 1 : 0, adapter.NumOovIndices);
    }

    private void MergeIntegerLookup(List<(PartialHeader Header, byte[] Body)> partials, string output, string? idf, long rows)
    {
        PartialHeader h = partials[0].Header;
        string? mask = h.Options.FirstOrDefault(o => o.Key == "mask-token").Value;
        var adapter = new IntegerLookupAdapter
        {
            MaxTokens = OptionalInt(h, "max-tokens"),
            NumOovIndices = OptionalInt(h, "num-oov-indices") ?? 1,
            MaskToken = mask is null ? null : long.Parse(mask, CultureInfo.InvariantCulture),
            OutputMode = Mode(h),
        };
        ReadAllCounts(partials, adapter.Counts, PartialState.ReadLong);

        SaveLookup(partials.Count, rows, output, idf, adapter.OutputMode, h.Layer, () => adapter.Save(output, idf), () => adapter.GetVocabulary().Count,
            adapter.MaskToken is not null && adapter.OutputMode == OutputMode.Int ? 1 : 0, adapter.NumOovIndices);
    }

    // Tokenizing options (standardize, split, ngrams) were compared above; the counts already hold their tokens.
    private void MergeTextVectorization(List<(PartialHeader Header, byte[] Body)> partials, string output, string? idf, long rows)
    {
        PartialHeader h = partials[0].Header;
        var adapter = new TextVectorizationAdapter { MaxTokens = OptionalInt(h, "max-tokens"), OutputMode = Mode(h) };
        ReadAllCounts(partials, adapter.Counts, PartialState.ReadString);

        SaveLookup(partials.Count, rows, output, idf, adapter.OutputMode, h.Layer, () => adapter.Save(output, idf), () => adapter.GetVocabulary().Count,
            adapter.OutputMode == OutputMode.Int ? 1 : 0, 1);
    }

    // Counts add up whichever shard holds them (the options were compared above): each partial's counts and
    // document total go straight into the one adapter, as merging a shard adapter would add them.
    private static void ReadAllCounts<TToken>(List<(PartialHeader Header, byte[] Body)> partials, ITokenCounts<TToken> counts, Func<BinaryReader, TToken> readToken)
        where TToken : notnull
    {
        foreach ((PartialHeader header, byte[] body) in partials)
        {
            PartialState.ReadCounts(header.Path, body, counts, readToken);
        }
    }

    private void SaveLookup(int count, long rows, string output, string? idf, OutputMode mode, string layer, Action save, Func<int> size, int maskSlots, int oovSlots)
    {
        if (mode == OutputMode.TfIdf && idf is null)
        {
            throw new CliException("the partials are of --output-mode tf-idf: merge needs --idf-out for the idf weights.");
        }

        if (mode != OutputMode.TfIdf && idf is not null)
        {
            throw new CliException("--idf-out needs partials of --output-mode tf-idf.");
        }

        RequireRows(rows, output);
        save();
        string files = idf is null ? output : $"{output}, {idf}";
        _stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{layer}: merged {count} partial(s), {rows:N0} rows, {size() - maskSlots - oovSlots:N0} tokens learned (vocabulary size {size()}) -> {files} ({_clock.Elapsed.TotalSeconds:F1} s)"));
    }

    // Chan et al.'s combine of (count, mean, M2), shard after shard: the single pass combines its batches the same way,
    // so the two differ only where the shards' batch boundaries do, by rounding.
    private void MergeNormalization(List<(PartialHeader Header, byte[] Body)> partials, string output, string key, long rows)
    {
        NormalizationAdapter? adapter = null;
        foreach ((PartialHeader header, byte[] body) in partials)
        {
            NormalizationAdapter shard = PartialState.ReadMoments(header.Path, body);
            if (adapter is not null && shard.FeatureCount != adapter.FeatureCount)
            {
                throw PartialFile.Bad(header.Path, $"it holds {shard.FeatureCount} features where '{partials[0].Header.Path}' holds {adapter.FeatureCount}");
            }

            if (adapter is null)
            {
                adapter = shard;
            }
            else
            {
                adapter.Merge(shard);
            }
        }

        RequireRows(adapter!.Count, output);
        adapter.Save(output, key);
        _stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"normalization: merged {partials.Count} partial(s), {adapter.Count:N0} rows, {adapter.FeatureCount} feature(s) -> {output} [\"{key}\"] ({_clock.Elapsed.TotalSeconds:F1} s)"));
    }

    // Replays every batch summary, shard after shard, into one adapter: Keras's update_state merges, in order.
    private void MergeDiscretization(List<(PartialHeader Header, byte[] Body)> partials, string output, string key, long rows)
    {
        PartialHeader h = partials[0].Header;
        var adapter = new DiscretizationAdapter
        {
            NumBins = OptionalInt(h, "num-bins") ?? throw PartialFile.Bad(h.Path, "its header has no --num-bins"),
            Epsilon = double.Parse(Option(h, "epsilon"), CultureInfo.InvariantCulture),
        };
        foreach ((PartialHeader header, byte[] body) in partials)
        {
            foreach (QuantileSummary batch in PartialState.ReadSummaries(header.Path, body))
            {
                adapter.MergeBatchSummary(batch);
            }
        }

        RequireRows(rows, output);
        adapter.Save(output, key);
        _stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"discretization: merged {partials.Count} partial(s), {rows:N0} values, {adapter.BinBoundaries.Length} boundaries -> {output} [\"{key}\"] ({_clock.Elapsed.TotalSeconds:F1} s)"));
    }

    private static void RequireRows(long rows, string output)
    {
        if (rows == 0)
        {
            throw new CliException($"the partials hold no rows (every shard was empty); nothing to adapt, '{output}' is left as it was.");
        }
    }
}
