using System;
using System.Text.Json.Nodes;
using PrepGen.Schema;

namespace PrepGen.Adapt;

/// <summary>
/// Learns <c>Discretization</c> bin boundaries with the approximate-quantile summaries of Keras 3
/// <c>discretization.py</c>. Each <see cref="Update"/> is one Keras <c>update_state</c> batch, so the
/// result depends on batching exactly as Keras's does; memory is the summary (about 1/Epsilon entries).
/// </summary>
public sealed class DiscretizationAdapter
{
    private QuantileSummary _summary = QuantileSummary.Empty;

    /// <summary>The number of bins to learn (boundaries = NumBins - 1).</summary>
    public required int NumBins
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(NumBins), value, "NumBins must be at least 1.");
    }

    /// <summary>The summary's error tolerance (Keras <c>epsilon</c>).</summary>
    public double Epsilon
    {
        get;
        init => field = value > 0 && value <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Epsilon), value, "Epsilon must be in (0, 1].");
    } = 0.01;

    /// <summary>Summarizes one batch of values (cast to float32 as Keras does) and merges it into the state.</summary>
    public void Update(ReadOnlySpan<float> values) => MergeBatchSummary(SummarizeBatch(values));

    /// <summary>
    /// Keras's summary of one batch (before it is merged into the state). <c>prepgen adapt --partial</c> keeps these
    /// in input order so that <c>prepgen merge</c> replays exactly the merges of one pass over the same batches.
    /// </summary>
    internal QuantileSummary SummarizeBatch(ReadOnlySpan<float> values)
    {
        // NaN has no place in a sorted summary (NumPy sorts it last, .NET first), so the boundaries would not be
        // Keras's: refuse it here rather than learn silently different bins (docs/state-files.md, "Non-finite input").
        for (int i = 0; i < values.Length; i++)
        {
            if (float.IsNaN(values[i]))
            {
                throw new ArgumentException($"values[{i}] is NaN; discretization boundaries cannot be learned from NaN. Remove or impute it first.", nameof(values));
            }
        }

        return QuantileSummary.Summarize(values, Epsilon);
    }

    /// <summary>Merges one batch's summary into the state, as Keras's <c>update_state</c> does after summarizing it.</summary>
    internal void MergeBatchSummary(QuantileSummary batch) => _summary = QuantileSummary.Merge(batch, _summary, Epsilon);

    /// <summary>Merges the summary of an adapter that saw other data (as one more Keras batch merge).</summary>
    public void Merge(DiscretizationAdapter other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.NumBins != NumBins || other.Epsilon != Epsilon)
        {
            throw new ArgumentException("Both adapters must have the same NumBins and Epsilon.", nameof(other));
        }

        _summary = QuantileSummary.Merge(other._summary, _summary, Epsilon);
    }

    /// <summary>The learned boundaries (float32 values), <c>compress(summary, 1/NumBins)[0, :-1]</c>.</summary>
    public double[] BinBoundaries => _summary.BinBoundaries(NumBins);

    /// <summary>Adds or replaces <paramref name="key"/> in a stats.json file (see docs/state-files.md), atomically.</summary>
    public void Save(string statsFile, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(statsFile);
        double[] boundaries = BinBoundaries;
        StateFiles.RequireFinite(boundaries, "bin boundary");
        var entry = new JsonObject
        {
            [StatsSchema.KindMember] = StatsSchema.Discretization,
            [StatsSchema.BinBoundaries] = StateFiles.ToJsonArray(boundaries),
            ["num_bins"] = NumBins,
            ["epsilon"] = Epsilon,
        };
        StateFiles.WriteStatsEntry(statsFile, key, entry);
    }
}
