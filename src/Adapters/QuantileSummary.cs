// A line-by-line port of the summary functions of Keras 3 discretization.py (summarize,
// merge_summaries, compress_summary, get_bin_boundaries), keeping numpy's dtypes: summaries are
// float32, interpolation runs in float64 and is cast back, cumulative weights are float32 sums.
using System;

namespace PrepGen.Adapt;

internal readonly record struct QuantileSummary(float[] Values, float[] Weights)
{
    public static QuantileSummary Empty { get; } = new([], []);

    public int Length => Values.Length;

    /// <summary><c>summarize(values, epsilon)</c>: every step-th sorted value, weighted by step.</summary>
    public static QuantileSummary Summarize(ReadOnlySpan<float> values, double epsilon)
    {
        float[] sorted = values.ToArray();
        SortNaNLast(sorted);
        double increment = sorted.Length / (1.0 / epsilon);
        double step = Math.Max(increment, 1);
        int start = (int)(step - 1);
        int stride = (int)step;
        int count = start >= sorted.Length ? 0 : ((sorted.Length - start - 1) / stride) + 1;
        var picked = new float[count];
        var weights = new float[count];
        for (int i = 0; i < count; i++)
        {
            picked[i] = sorted[start + (i * stride)];
            weights[i] = (float)step;
        }

        return new QuantileSummary(picked, weights);
    }

    /// <summary><c>merge_summaries(prev, next, epsilon)</c>: concatenate, sort by value, compress.</summary>
    public static QuantileSummary Merge(QuantileSummary prev, QuantileSummary next, double epsilon)
    {
        int n = prev.Length + next.Length;
        var values = new float[n];
        var weights = new float[n];
        prev.Values.CopyTo(values, 0);
        next.Values.CopyTo(values, prev.Length);
        prev.Weights.CopyTo(weights, 0);
        next.Weights.CopyTo(weights, prev.Length);

        // np.argsort puts NaN last; ties keep their order here (numpy's quicksort leaves it unspecified).
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            int byValue = CompareNaNLast(values[a], values[b]);
            return byValue != 0 ? byValue : a.CompareTo(b);
        });
        var sortedValues = new float[n];
        var sortedWeights = new float[n];
        for (int i = 0; i < n; i++)
        {
            sortedValues[i] = values[order[i]];
            sortedWeights[i] = weights[order[i]];
        }

        return Compress(new QuantileSummary(sortedValues, sortedWeights), epsilon);
    }

    /// <summary><c>get_bin_boundaries(summary, num_bins)</c>: compress to 1/num_bins and drop the last value.</summary>
    public double[] BinBoundaries(int numBins)
    {
        QuantileSummary compressed = Compress(this, 1.0 / numBins);
        var boundaries = new double[Math.Max(compressed.Length - 1, 0)];
        for (int i = 0; i < boundaries.Length; i++)
        {
            boundaries[i] = compressed.Values[i];
        }

        return boundaries;
    }

    /// <summary><c>compress_summary(summary, epsilon)</c>: interpolate values and weights at percents eps, 2eps, ... 1.</summary>
    public static QuantileSummary Compress(QuantileSummary summary, double epsilon)
    {
        if (summary.Length * epsilon < 1)
        {
            return summary;
        }

        // np.arange(0.0, 1.0, epsilon): ceil((1 - 0) / eps) entries, entry i = 0 + i * eps.
        int length = (int)Math.Ceiling(1.0 / epsilon);
        var percents = new double[length];
        for (int i = 0; i < length; i++)
        {
            percents[i] = epsilon + (i * epsilon);
        }

        int n = summary.Length;
        var cumulative = new float[n];
        float running = 0f;
        for (int i = 0; i < n; i++)
        {
            running += summary.Weights[i];
            cumulative[i] = running;
        }

        var cumulativePercents = new double[n];
        var cumulativeDouble = new double[n];
        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            cumulativePercents[i] = cumulative[i] / cumulative[n - 1];
            cumulativeDouble[i] = cumulative[i];
            values[i] = summary.Values[i];
        }

        var newValues = new float[length];
        var newWeights = new float[length];
        double previous = 0;
        for (int i = 0; i < length; i++)
        {
            newValues[i] = (float)NumpyInterp.Interp(percents[i], cumulativePercents, values);
            double weight = NumpyInterp.Interp(percents[i], cumulativePercents, cumulativeDouble);
            newWeights[i] = (float)(weight - previous);
            previous = weight;
        }

        return new QuantileSummary(newValues, newWeights);
    }

    private static int CompareNaNLast(float a, float b)
    {
        if (float.IsNaN(a) || float.IsNaN(b))
        {
            return float.IsNaN(a).CompareTo(float.IsNaN(b));
        }

        return a.CompareTo(b);
    }

    // np.sort order: ascending with NaN at the end (.NET sorts NaN first).
    private static void SortNaNLast(float[] values)
    {
        Array.Sort(values);
        int nans = 0;
        while (nans < values.Length && float.IsNaN(values[nans]))
        {
            nans++;
        }

        if (nans > 0)
        {
            Array.Copy(values, nans, values, 0, values.Length - nans);
            values.AsSpan(values.Length - nans).Fill(float.NaN);
        }
    }
}
