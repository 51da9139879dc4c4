using PrepGen.Adapt;

namespace PrepGen.Runtime.Tests.Adapt;

public class NormalizationAdapterTests
{
    [Fact]
    public void Guide_example_normalizes_to_mean_zero_and_std_one()
    {
        float[] data = [0.1f, 0.2f, 0.3f, 0.8f, 0.9f, 1.0f, 1.5f, 1.6f, 1.7f];
        var adapter = new NormalizationAdapter(3);
        adapter.Update(data);

        // The layer's call in float32: (x - mean) / max(sqrt(var), 1e-7).
        float[] mean = adapter.Mean.Select(m => (float)m).ToArray();
        float[] std = adapter.Variance.Select(v => MathF.Max(MathF.Sqrt((float)v), 1e-7f)).ToArray();
        float[] normalized = data.Select((x, i) => (x - mean[i % 3]) / std[i % 3]).ToArray();

        // The guide prints "Features mean: -0.00" and "Features std: 1.00".
        double outMean = normalized.Average(x => (double)x);
        double outStd = Math.Sqrt(normalized.Average(x => ((double)x - outMean) * ((double)x - outMean)));
        Assert.True(Math.Abs(outMean) < 0.005);
        Assert.Equal(1.00, outStd, 2);
    }

    [Fact]
    public void Streaming_batches_match_a_compensated_two_pass_reference()
    {
        // A large offset against a small spread is where naive sum-of-squares formulas fail.
        var rng = new Random(11);
        const int rows = 20_000;
        const int features = 3;
        var data = new float[rows * features];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = (float)((i % features * 1e4) + (rng.NextDouble() * 10) - 5);
        }

        var adapter = new NormalizationAdapter(features);
        int offset = 0;
        foreach (int batchRows in new[] { 1, 7, 1000, 4096, 9, 14_887 })
        {
            adapter.Update(data.AsSpan(offset, batchRows * features));
            offset += batchRows * features;
        }

        Assert.Equal(data.Length, offset);
        Assert.Equal(rows, adapter.Count);
        for (int f = 0; f < features; f++)
        {
            double[] column = data.Where((_, i) => i % features == f).Select(x => (double)x).ToArray();
            double mean = NeumaierSum(column) / rows;
            double variance = NeumaierSum(column.Select(x => (x - mean) * (x - mean))) / rows;
            AssertRelative(mean, adapter.Mean[f], 1e-12);
            AssertRelative(variance, adapter.Variance[f], 1e-12);
        }
    }

    [Fact]
    public void Merge_equals_one_pass()
    {
        var rng = new Random(5);
        float[] data = Enumerable.Range(0, 2 * 999).Select(_ => (float)(rng.NextDouble() * 100)).ToArray();
        var whole = new NormalizationAdapter(2);
        whole.Update(data);
        var left = new NormalizationAdapter(2);
        var right = new NormalizationAdapter(2);
        left.Update(data.AsSpan(0, 2 * 300));
        right.Update(data.AsSpan(2 * 300));
        left.Merge(right);
        left.Merge(new NormalizationAdapter(2));

        Assert.Equal(whole.Count, left.Count);
        for (int f = 0; f < 2; f++)
        {
            AssertRelative(whole.Mean[f], left.Mean[f], 1e-13);
            AssertRelative(whole.Variance[f], left.Variance[f], 1e-13);
        }
    }

    [Fact]
    public void Zero_variance_and_constant_features()
    {
        var adapter = new NormalizationAdapter(1);
        adapter.Update([2.5f, 2.5f, 2.5f]);
        Assert.Equal(2.5, adapter.Mean[0]);
        Assert.Equal(0.0, adapter.Variance[0]);
    }

    [Fact]
    public void Bad_input_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new NormalizationAdapter(0));
        var adapter = new NormalizationAdapter(3);
        Assert.Throws<ArgumentException>(() => adapter.Update([1f, 2f]));
        Assert.Throws<ArgumentException>(() => adapter.Merge(new NormalizationAdapter(2)));
    }

    private static void AssertRelative(double expected, double actual, double tolerance) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    private static double NeumaierSum(IEnumerable<double> values)
    {
        double sum = 0;
        double compensation = 0;
        foreach (double x in values)
        {
            double t = sum + x;
            compensation += Math.Abs(sum) >= Math.Abs(x) ? (sum - t) + x : (x - t) + sum;
            sum = t;
        }

        return sum + compensation;
    }
}
