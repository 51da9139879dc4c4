using System;
using System.Text.Json.Nodes;
using PrepGen.Schema;

namespace PrepGen.Adapt;

/// <summary>
/// Learns per-feature mean and population variance (Keras <c>Normalization.adapt</c>, numpy
/// <c>np.mean</c>/<c>np.var</c> with ddof=0). Each update's moments are computed in double with two
/// passes and merged with Chan et al.'s parallel formula, so memory is O(features) and the result does
/// not drift over long streams.
/// </summary>
public sealed class NormalizationAdapter
{
    private readonly double[] _mean;
    private readonly double[] _m2;
    private long _count;

    /// <summary>Creates an adapter for rows of <paramref name="featureCount"/> features.</summary>
    public NormalizationAdapter(int featureCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(featureCount, 1);
        _mean = new double[featureCount];
        _m2 = new double[featureCount];
    }

    /// <summary>The number of features per row.</summary>
    public int FeatureCount => _mean.Length;

    /// <summary>The number of rows seen.</summary>
    public long Count => _count;

    /// <summary>Per-feature mean; 0 before any data (Keras's initial state).</summary>
    public double[] Mean => (double[])_mean.Clone();

    /// <summary>Per-feature population variance; 1 before any data (Keras's initial state).</summary>
    public double[] Variance
    {
        get
        {
            var variance = new double[_mean.Length];
            for (int f = 0; f < variance.Length; f++)
            {
                variance[f] = _count == 0 ? 1.0 : _m2[f] / _count;
            }

            return variance;
        }
    }

    /// <summary>Per-feature sum of squared deviations from the mean (Chan et al.'s M2), for a partial state.</summary>
    internal double[] M2 => (double[])_m2.Clone();

    /// <summary>Restores a partial state saved from <see cref="Count"/>, <see cref="Mean"/> and <see cref="M2"/>.</summary>
    internal static NormalizationAdapter FromMoments(long count, double[] mean, double[] m2)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (mean.Length != m2.Length)
        {
            throw new ArgumentException($"mean has {mean.Length} features, M2 {m2.Length}.", nameof(m2));
        }

        var adapter = new NormalizationAdapter(mean.Length) { _count = count };
        mean.CopyTo(adapter._mean, 0);
        m2.CopyTo(adapter._m2, 0);
        return adapter;
    }

    /// <summary>Adds a batch of rows, row-major; its length must be a multiple of the feature count.</summary>
    public void Update(ReadOnlySpan<float> rows)
    {
        int features = _mean.Length;
        if (rows.Length % features != 0)
        {
            throw new ArgumentException($"The batch holds {rows.Length} values, not a multiple of {features} features.", nameof(rows));
        }

        long n = rows.Length / features;
        if (n == 0)
        {
            return;
        }

        // Row-major passes that keep one accumulator per feature: each feature's sums add its values in row order,
        // as a strided pass per feature would, so the bits are the same, but the batch is read twice, not 2 x features times.
        var batchMean = new double[features];
        var batchM2 = new double[features];
        Span<double> residual = features <= 256 ? stackalloc double[features] : new double[features];
        for (int row = 0; row < rows.Length; row += features)
        {
            ReadOnlySpan<float> values = rows.Slice(row, features);
            for (int f = 0; f < values.Length; f++)
            {
                batchMean[f] += values[f];
            }
        }

        for (int f = 0; f < features; f++)
        {
            batchMean[f] /= n;
        }

        // Two-pass with the compensating term: exact-ish even when the mean is large against the spread.
        for (int row = 0; row < rows.Length; row += features)
        {
            ReadOnlySpan<float> values = rows.Slice(row, features);
            for (int f = 0; f < values.Length; f++)
            {
                double d = values[f] - batchMean[f];
                batchM2[f] += d * d;
                residual[f] += d;
            }
        }

        for (int f = 0; f < features; f++)
        {
            batchM2[f] -= residual[f] * residual[f] / n;
            batchMean[f] += residual[f] / n;
        }

        Combine(n, batchMean, batchM2);
    }

    /// <summary>Merges an adapter that saw other rows; the result equals one pass over both (up to rounding).</summary>
    public void Merge(NormalizationAdapter other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.FeatureCount != FeatureCount)
        {
            throw new ArgumentException($"Feature counts differ ({other.FeatureCount} vs {FeatureCount}).", nameof(other));
        }

        if (ReferenceEquals(other, this))
        {
            throw new ArgumentException("An adapter cannot merge itself.", nameof(other));
        }

        if (other._count > 0)
        {
            Combine(other._count, other._mean, other._m2);
        }
    }

    /// <summary>Adds or replaces <paramref name="key"/> in a stats.json file (see docs/state-files.md), atomically.</summary>
    public void Save(string statsFile, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(statsFile);
        double[] mean = Mean;
        double[] variance = Variance;
        StateFiles.RequireFinite(mean, "mean");
        StateFiles.RequireFinite(variance, "variance");
        var entry = new JsonObject
        {
            [StatsSchema.KindMember] = StatsSchema.Normalization,
            [StatsSchema.Mean] = StateFiles.ToJsonArray(mean),
            [StatsSchema.Variance] = StateFiles.ToJsonArray(variance),
            [StatsSchema.Count] = _count,
        };
        StateFiles.WriteStatsEntry(statsFile, key, entry);
    }

    // Chan, Golub and LeVeque's pairwise update of (count, mean, M2).
    private void Combine(long n, double[] mean, double[] m2)
    {
        long total = _count + n;
        for (int f = 0; f < _mean.Length; f++)
        {
            double delta = mean[f] - _mean[f];
            _mean[f] += delta * ((double)n / total);
            _m2[f] += m2[f] + (delta * delta * ((double)_count * n / total));
        }

        _count = total;
    }
}
