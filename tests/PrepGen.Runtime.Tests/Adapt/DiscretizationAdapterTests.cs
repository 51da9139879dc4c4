using PrepGen.Adapt;

namespace PrepGen.Runtime.Tests.Adapt;

public class DiscretizationAdapterTests
{
    [Fact]
    public void Docstring_example_buckets_as_keras()
    {
        // keras discretization.py docstring: num_bins=4, epsilon=0.01, adapt then call on the same data.
        float[][] input = [[-1.5f, 1.0f, 3.4f, .5f], [0.0f, 3.0f, 1.3f, 0.0f]];
        var adapter = new DiscretizationAdapter { NumBins = 4, Epsilon = 0.01 };
        adapter.Update(input.SelectMany(r => r).ToArray());
        double[] boundaries = adapter.BinBoundaries;

        Assert.Equal(3, boundaries.Length);
        long[][] expected = [[0, 2, 3, 2], [1, 3, 3, 1]];
        for (int r = 0; r < input.Length; r++)
        {
            Assert.Equal(expected[r], input[r].Select(x => BisectRight(boundaries, x)).ToArray());
        }
    }

    [Fact]
    public void Boundaries_approximate_the_quantiles_over_many_batches()
    {
        var rng = new Random(3);
        var adapter = new DiscretizationAdapter { NumBins = 4 };
        for (int batch = 0; batch < 20; batch++)
        {
            adapter.Update(Enumerable.Range(0, 5000).Select(_ => (float)rng.NextDouble()).ToArray());
        }

        double[] boundaries = adapter.BinBoundaries;
        Assert.Equal(3, boundaries.Length);

        // Uniform [0, 1) data: the quartiles are 0.25, 0.5, 0.75, within the epsilon of the sketch.
        Assert.Equal(0.25, boundaries[0], 0.02);
        Assert.Equal(0.5, boundaries[1], 0.02);
        Assert.Equal(0.75, boundaries[2], 0.02);
    }

    [Fact]
    public void Merge_equals_one_pass_when_summaries_are_exact()
    {
        // Small batches are kept whole (n * epsilon < 1), so merging shards is the same summary merge.
        float[] a = [5f, 1f, 9f, 3f, 3f, 12f, -4f];
        float[] b = [2f, 8f, 0.5f, 7f, 11f];
        var whole = new DiscretizationAdapter { NumBins = 3 };
        whole.Update(a);
        whole.Update(b);
        var left = new DiscretizationAdapter { NumBins = 3 };
        var right = new DiscretizationAdapter { NumBins = 3 };
        left.Update(a);
        right.Update(b);
        left.Merge(right);
        Assert.Equal(whole.BinBoundaries, left.BinBoundaries);
    }

    [Fact]
    public void Merge_of_large_shards_stays_close_to_one_pass()
    {
        var rng = new Random(9);
        float[] data = Enumerable.Range(0, 40_000).Select(_ => (float)(rng.NextDouble() * 100)).ToArray();
        var whole = new DiscretizationAdapter { NumBins = 5 };
        var left = new DiscretizationAdapter { NumBins = 5 };
        var right = new DiscretizationAdapter { NumBins = 5 };
        whole.Update(data.AsSpan(0, 20_000));
        whole.Update(data.AsSpan(20_000));
        left.Update(data.AsSpan(0, 20_000));
        right.Update(data.AsSpan(20_000));
        left.Merge(right);
        double[] expected = whole.BinBoundaries;
        double[] actual = left.BinBoundaries;
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1.0); // within epsilon (1%) of the 0..100 range
        }
    }

    [Fact]
    public void Options_are_validated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DiscretizationAdapter { NumBins = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new DiscretizationAdapter { NumBins = 2, Epsilon = 0 });
        var adapter = new DiscretizationAdapter { NumBins = 2 };
        Assert.Throws<ArgumentException>(() => adapter.Merge(new DiscretizationAdapter { NumBins = 3 }));
        Assert.Empty(adapter.BinBoundaries);
    }

    // TF Bucketize: the index of the first boundary strictly greater than x (bisect_right).
    private static long BisectRight(double[] boundaries, float x)
    {
        long index = 0;
        while (index < boundaries.Length && (float)boundaries[index] <= x)
        {
            index++;
        }

        return index;
    }
}
