using PrepGen.Parity.Tests.Layers;

namespace PrepGen.Parity.Tests;

/// <summary>Examples from the Keras preprocessing guide and docstrings, through generated layers.</summary>
public sealed class GuideTests
{
    [Fact]
    public void Guide_StringLookup_example()
    {
        // StringLookup(vocabulary=["a","b","c","d"]) on [["a","c","d"],["d","z","b"]] -> [[1 3 4] [4 0 2]]
        string[][] data = { new[] { "a", "c", "d" }, new[] { "d", "z", "b" } };
        long[][] expected = { new long[] { 1, 3, 4 }, new long[] { 4, 0, 2 } };
        var row = new long[3];
        for (int r = 0; r < data.Length; r++)
        {
            StringLookupLayers.FixedVocab2d(data[r], row);
            Assert.Equal(expected[r], row);
        }
    }

    [Fact]
    public void Docstring_StringLookup_with_two_oov_indices()
    {
        // vocab a,b,c,d, num_oov_indices=2: [["a","c","d"],["m","z","b"]] -> [[2,4,5],[0,1,3]]
        Assert.Equal(0, GuideLayers.TwoOov("m"));
        Assert.Equal(1, GuideLayers.TwoOov("z"));
        Assert.Equal(new long[] { 2, 4, 5 }, new[] { "a", "c", "d" }.Select(GuideLayers.TwoOov));
        Assert.Equal(new long[] { 0, 1, 3 }, new[] { "m", "z", "b" }.Select(GuideLayers.TwoOov));
    }

    [Fact]
    public void Docstring_to_hash_bucket_fast_is_Hashing_without_salt()
    {
        // tf.strings.to_hash_bucket_fast(["Hello", "TensorFlow", "2.x"], 3) -> [0, 2, 2]
        Assert.Equal(new long[] { 0, 2, 2 }, new[] { "Hello", "TensorFlow", "2.x" }.Select(GuideLayers.HashBucketFast3));
    }

    [Fact]
    public void Guide_hashing_trick_gives_one_bin_per_row()
    {
        // x = randint(0, 100000, size=(10000, 1)); Hashing(num_bins=64, salt=1337) then
        // CategoryEncoding(num_tokens=64, output_mode="multi_hot") -> (10000, 64), one 1 per row.
        const int Rows = 10_000;
        var random = new Random(20240601);
        long[] x = Enumerable.Range(0, Rows).Select(_ => (long)random.Next(0, 100_000)).ToArray();
        var bins = new long[Rows];
        GuideLayers.TrickHash(x, bins);
        Assert.All(bins, b => Assert.InRange(b, 0, 63));

        var encoded = new float[Rows * 64];
        for (int r = 0; r < Rows; r++)
        {
            GuideLayers.TrickEncode(bins.AsSpan(r, 1), encoded.AsSpan(r * 64, 64));
        }

        for (int r = 0; r < Rows; r++)
        {
            ReadOnlySpan<float> row = encoded.AsSpan(r * 64, 64);
            int ones = 0;
            foreach (float v in row)
            {
                Assert.True(v is 0f or 1f, $"row {r}: value {v} is not 0 or 1");
                ones += v == 1f ? 1 : 0;
            }

            Assert.True(ones == 1, $"row {r}: {ones} ones");
            Assert.Equal(1f, row[(int)bins[r]]);
        }

        // The salted hash is the layer's own: the same value always lands in the same bin, and 64 bins get used.
        Assert.Equal(GuideLayers.TrickHashOne(x[0]), bins[0]);
        Assert.Equal(64, bins.Distinct().Count());
    }
}
