using System.Text.Json;
using PrepGen.Adapt;
using PrepGen.Parity.Tests.Layers;
using PrepGen.Tests.Shared;

namespace PrepGen.Parity.Tests;

/// <summary>
/// Normalization, Discretization and Rescaling through generated methods, pinned to docs/keras-semantics.md,
/// "Normalization" to "Rescaling", and the preprocessing guide: every output is compared bit for bit with the scalar Keras
/// formula in float32.
/// </summary>
public sealed class NumericLayerTests
{
    private static readonly float[][] GuideData = [[0.1f, 0.2f, 0.3f], [0.8f, 0.9f, 1.0f], [1.5f, 1.6f, 1.7f]];

    private static readonly float[] DocstringData = [-1.5f, 1.0f, 3.4f, .5f, 0.0f, 3.0f, 1.3f, 0.0f];

    private static string StatePath => Path.Combine(RepoPaths.Root, "tests", "PrepGen.Parity.Tests", "state", "guide-stats.json");

    /// <summary>Writes the committed state file with the adapters (PREPGEN_UPDATE_STATE=1 rewrites it).</summary>
    [Fact]
    public void Adapters_still_write_the_committed_guide_stats()
    {
        string temp = Path.Combine(Path.GetTempPath(), "prepgen-guide-stats-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var normalization = new NormalizationAdapter(3);
            normalization.Update(GuideData.SelectMany(r => r).ToArray());
            normalization.Save(temp, "guide");

            // The Keras docstring: Discretization(num_bins=4, epsilon=0.01).adapt([[-1.5,1.0,3.4,.5],[0.0,3.0,1.3,0.0]]).
            var discretization = new DiscretizationAdapter { NumBins = 4, Epsilon = 0.01 };
            discretization.Update(DocstringData);
            discretization.Save(temp, "docstring-bins");

            if (Environment.GetEnvironmentVariable("PREPGEN_UPDATE_STATE") == "1")
            {
                File.Copy(temp, StatePath, overwrite: true);
            }

            Assert.Equal(Normalize(File.ReadAllText(StatePath)), Normalize(File.ReadAllText(temp)));
        }
        finally
        {
            File.Delete(temp);
        }
    }

    [Fact]
    public void Guide_normalization_gives_mean_0_and_std_1_per_feature()
    {
        float[] data = GuideData.SelectMany(r => r).ToArray();
        var output = new float[data.Length];
        NormalizationLayers.Guide(data, output);

        (float[] mean, float[] denominator) = GuideState();
        for (int i = 0; i < data.Length; i++)
        {
            AssertBits((data[i] - mean[i % 3]) / denominator[i % 3], output[i], i);
        }

        for (int f = 0; f < 3; f++)
        {
            double[] column = [output[f], output[3 + f], output[6 + f]];
            double m = column.Average();
            double std = Math.Sqrt(column.Select(v => (v - m) * (v - m)).Average());

            // The guide prints "Features mean: -0.00" and "Features std: 1.00".
            Assert.Equal("0.00", Math.Abs(m).ToString("F2", System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("1.00", std.ToString("F2", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Guide_inverse_is_mean_plus_x_times_the_denominator_and_round_trips()
    {
        float[] data = GuideData.SelectMany(r => r).ToArray();
        var normalized = new float[data.Length];
        var restored = new float[data.Length];
        NormalizationLayers.Guide(data, normalized);
        NormalizationLayers.GuideInverse(normalized, restored);

        (float[] mean, float[] denominator) = GuideState();
        for (int i = 0; i < data.Length; i++)
        {
            float scaled = normalized[i] * denominator[i % 3];
            AssertBits(mean[i % 3] + scaled, restored[i], i);
            Assert.Equal(data[i], restored[i], 1e-6f);
        }
    }

    [Fact]
    public void Zero_variance_divides_by_epsilon()
    {
        float[] input = [2.5f, 2.5f + 1e-6f, 0f, -1f];
        var output = new float[input.Length];
        NormalizationLayers.ZeroVariance(input, output);
        Assert.Equal(0f, output[0]);
        for (int i = 0; i < input.Length; i++)
        {
            AssertBits((input[i] - 2.5f) / 1e-7f, output[i], i);
        }
    }

    [Fact]
    public void Single_element_mean_broadcasts_over_any_length()
    {
        foreach (int length in new[] { 1, 7, 8, 16, 17, 100 })
        {
            float[] input = Enumerable.Range(0, length).Select(i => (i * 0.37f) - 5f).ToArray();
            var output = new float[length];
            var restored = new float[length];
            NormalizationLayers.Broadcast(input, output);
            NormalizationLayers.BroadcastInverse(output, restored);
            for (int i = 0; i < length; i++)
            {
                AssertBits((input[i] - 1.5f) / 2f, output[i], i);
                float scaled = output[i] * 2f;
                AssertBits(1.5f + scaled, restored[i], i);
            }
        }
    }

    [Fact]
    public void Three_features_match_the_scalar_formula_bit_for_bit()
    {
        float[] mean = [(float)0.485, (float)0.456, (float)0.406];
        float[] denominator = [(float)Math.Sqrt((float)0.052441), (float)Math.Sqrt((float)0.050176), (float)Math.Sqrt((float)0.050625)];
        var random = new Random(4);
        foreach (int rows in new[] { 1, 5, 16, 17, 333 })
        {
            float[] input = Enumerable.Range(0, rows * 3).Select(_ => Special(random)).ToArray();
            var output = new float[input.Length];
            var restored = new float[input.Length];
            NormalizationLayers.Rgb(input, output);
            NormalizationLayers.RgbInverse(input, restored);
            for (int i = 0; i < input.Length; i++)
            {
                AssertBits((input[i] - mean[i % 3]) / denominator[i % 3], output[i], i);
                float scaled = input[i] * denominator[i % 3];
                AssertBits(mean[i % 3] + scaled, restored[i], i);
            }
        }
    }

    [Fact]
    public void Normalization_rejects_partial_rows()
    {
        var output = new float[8];
        Assert.Throws<ArgumentException>(() => NormalizationLayers.Rgb(new float[4], output));
        Assert.All(output, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Rescaling_bytes_by_1_over_255_is_float32_b_times_float32_scale()
    {
        byte[] input = Enumerable.Range(0, 256).Select(b => (byte)b).ToArray();
        var output = new float[256];
        RescalingLayers.Bytes(input, output);
        float scale = (float)(1 / 255.0);
        for (int b = 0; b < 256; b++)
        {
            float scaled = b * scale;
            AssertBits(scaled + 0f, output[b], b);
        }

        Assert.Equal(1f, output[255]);
    }

    [Fact]
    public void Rescaling_with_offset_is_two_float32_roundings()
    {
        byte[] bytes = Enumerable.Range(0, 300).Select(i => (byte)(i * 7)).ToArray();
        float[] floats = bytes.Select(b => (float)b).Concat([-0f, float.NaN, float.PositiveInfinity, 1e38f, 1e-45f]).ToArray();
        var fromBytes = new float[bytes.Length];
        var fromFloats = new float[floats.Length];
        RescalingLayers.CenteredBytes(bytes, fromBytes);
        RescalingLayers.Centered(floats, fromFloats);
        float scale = (float)(1 / 127.5);
        for (int i = 0; i < floats.Length; i++)
        {
            float scaled = floats[i] * scale;
            float expected = scaled + -1f;
            AssertBits(expected, fromFloats[i], i);
            if (i < bytes.Length)
            {
                AssertBits(expected, fromBytes[i], i);
            }
        }
    }

    [Fact]
    public void Discretization_from_stats_json_buckets_the_docstring_example()
    {
        // [[-1.5, 1.0, 3.4, .5], [0.0, 3.0, 1.3, 0.0]] -> [[0, 2, 3, 2], [1, 3, 3, 1]]
        var bins = new long[DocstringData.Length];
        DiscretizationLayers.Docstring(DocstringData, bins);
        Assert.Equal(new long[] { 0, 2, 3, 2, 1, 3, 3, 1 }, bins);
    }

    [Fact]
    public void Discretization_is_upper_bound_with_NaN_in_the_last_bin()
    {
        float[] values = [float.NaN, float.NegativeInfinity, float.PositiveInfinity, -0f, 0f, 0.5f, 1f, 0.49999997f, 1.0000001f, -1e-45f];
        long[] expected = [3, 0, 3, 1, 1, 2, 3, 1, 3, 0];
        Assert.Equal(expected, values.Select(v => DiscretizationLayers.Int3(v)));
        var bins = new long[values.Length];
        DiscretizationLayers.Int3Batch(values, bins);
        Assert.Equal(expected, bins);
    }

    [Fact]
    public void Discretization_batch_paths_agree_with_upper_bound()
    {
        var random = new Random(10);
        float[] small = [0f, 0.35f, 0.5f, 1f];
        float[] many = Enumerable.Range(-16, 34).Select(i => (float)i).ToArray();
        foreach (int length in new[] { 0, 1, 7, 8, 15, 16, 17, 64, 1001 })
        {
            float[] values = Enumerable.Range(0, length).Select(_ => random.Next(4) == 0 ? Special(random) : (float)((random.NextDouble() * 40) - 20)).ToArray();
            var bins = new long[length];
            DiscretizationLayers.FourBatch(values, bins);
            Assert.Equal(values.Select(v => (long)UpperBound(small, v)), bins);
            DiscretizationLayers.ManyBatch(values, bins);
            Assert.Equal(values.Select(v => (long)UpperBound(many, v)), bins);
        }
    }

    /// <summary>std::upper_bound as libstdc++ writes it: the reference for TensorFlow Bucketize.</summary>
    internal static int UpperBound(float[] boundaries, float value)
    {
        int first = 0;
        int count = boundaries.Length;
        while (count > 0)
        {
            int step = count / 2;
            if (value < boundaries[first + step])
            {
                count = step;
            }
            else
            {
                first += step + 1;
                count -= step + 1;
            }
        }

        return first;
    }

    internal static float Special(Random random) => random.Next(12) switch
    {
        0 => float.NaN,
        1 => float.PositiveInfinity,
        2 => float.NegativeInfinity,
        3 => -0f,
        4 => 0f,
        5 => BitConverter.Int32BitsToSingle(random.Next(1, 0x007FFFFF)) * (random.Next(2) == 0 ? 1 : -1), // denormal
        6 => float.MaxValue * (float)random.NextDouble(),
        7 => -float.MaxValue * (float)random.NextDouble(),
        _ => (float)((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-6, 7))),
    };

    private static void AssertBits(float expected, float actual, int index)
    {
        if (float.IsNaN(expected) && float.IsNaN(actual))
        {
            return;
        }

        Assert.True(BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(actual),
            $"element {index}: expected {expected:R} (0x{BitConverter.SingleToInt32Bits(expected):X8}), got {actual:R} (0x{BitConverter.SingleToInt32Bits(actual):X8})");
    }

    /// <summary>The guide entry's float32 mean and max(sqrt(float32(variance)), 1e-7f), read from the committed file.</summary>
    private static (float[] Mean, float[] Denominator) GuideState()
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(StatePath));
        JsonElement entry = doc.RootElement.GetProperty("features").GetProperty("guide");
        float[] mean = entry.GetProperty("mean").EnumerateArray().Select(e => (float)e.GetDouble()).ToArray();
        float[] denominator = entry.GetProperty("variance").EnumerateArray().Select(e => Math.Max(MathF.Sqrt((float)e.GetDouble()), 1e-7f)).ToArray();
        return (mean, denominator);
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
