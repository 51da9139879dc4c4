using System.Runtime.Intrinsics;
using PrepGen.Runtime;

namespace PrepGen.Runtime.Tests.Numeric;

/// <summary>
/// Every SIMD path of the numeric kernels (Vector512, Vector256, Vector128; forced, so all run on any machine: an
/// unaccelerated width is emulated lane by lane with the same IEEE operations) against the scalar Keras
/// formula, bit for bit, on random data with denormals, ±0, ±inf, NaN and huge values.
/// </summary>
public class NumericSimdTests
{
    private static readonly SimdWidth[] Widths = [SimdWidth.Scalar, SimdWidth.V128, SimdWidth.V256, SimdWidth.V512];

    private static readonly int[] Lengths = [0, 1, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 48, 63, 64, 65, 127, 256, 1000, 4099];

    public static TheoryData<int> FeatureCounts => new(1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 15, 16, 17, 24, 31, 32, 33, 40);

    [Theory]
    [MemberData(nameof(FeatureCounts))]
    public void Normalization_paths_match_the_scalar_formula(int features)
    {
        var random = new Random(features);
        float[] mean = Enumerable.Range(0, features).Select(_ => FloatSamples.Next(random)).Select(v => float.IsFinite(v) ? v : 0.25f).ToArray();
        float[] denominator = Enumerable.Range(0, features)
            .Select(_ => random.Next(5) == 0 ? 1e-7f : MathF.Max(MathF.Sqrt((float)(random.NextDouble() * Math.Pow(10, random.Next(-8, 8)))), 1e-7f))
            .ToArray();
        foreach (int rows in new[] { 0, 1, 2, 3, 5, 16, 17, 100 })
        {
            float[] input = Enumerable.Range(0, rows * features).Select(_ => FloatSamples.Next(random)).ToArray();
            foreach (bool invert in new[] { false, true })
            {
                float[] expected = new float[input.Length];
                for (int i = 0; i < input.Length; i++)
                {
                    int f = i % features;
                    expected[i] = invert ? Add(mean[f], Mul(input[i], denominator[f])) : Div(Sub(input[i], mean[f]), denominator[f]);
                }

                foreach (SimdWidth width in Widths)
                {
                    foreach (bool reciprocal in new[] { true, false })
                    {
                        var output = new float[input.Length + 2];
                        output[^1] = output[^2] = 42f;
                        NormalizationKernel.Run(input, output, mean, denominator, invert, width, reciprocal);
                        FloatSamples.AssertBits(expected, output.AsSpan(0, input.Length), $"{features} features, {rows} rows, invert {invert}, {width}, reciprocal {reciprocal}");
                        Assert.Equal(42f, output[^1]);
                        Assert.Equal(42f, output[^2]);

                        // Prepared once: the reciprocal path at any row count.
                        var prepared = new float[input.Length + 1];
                        prepared[^1] = 42f;
                        new NormalizationKernel.Prepared(mean, denominator, invert, width, reciprocal).Run(input, prepared);
                        FloatSamples.AssertBits(expected, prepared.AsSpan(0, input.Length), $"prepared, {features} features, {rows} rows, invert {invert}, {width}, reciprocal {reciprocal}");
                        Assert.Equal(42f, prepared[^1]);
                    }
                }

                var viaPublic = new float[input.Length];
                if (invert)
                {
                    NormalizationKernel.Denormalize(input, viaPublic, mean, denominator);
                }
                else
                {
                    NormalizationKernel.Normalize(input, viaPublic, mean, denominator);
                }

                FloatSamples.AssertBits(expected, viaPublic, $"{features} features, {rows} rows, invert {invert}, public kernel");
            }
        }
    }

    [Fact]
    public void Normalization_checks_rows_and_destination()
    {
        float[] mean = [1f, 2f, 3f];
        float[] denominator = [1f, 1f, 1f];
        Assert.Throws<ArgumentException>(() => NormalizationKernel.Normalize(new float[4], new float[4], mean, denominator));
        Assert.Throws<ArgumentException>(() => NormalizationKernel.Normalize(new float[6], new float[5], mean, denominator));
        Assert.Throws<ArgumentException>(() => NormalizationKernel.Normalize(new float[6], new float[6], mean, new float[2]));
        var prepared = new NormalizationKernel.Prepared(mean, denominator, invert: false, SimdWidth.V256, reciprocal: true);
        Assert.Throws<ArgumentException>(() => prepared.Run(new float[4], new float[4]));
        Assert.Throws<ArgumentException>(() => prepared.Run(new float[6], new float[5]));
        Assert.Throws<ArgumentException>(() => new NormalizationKernel.Prepared(mean, new float[2], invert: false, SimdWidth.V256, reciprocal: true));
    }

    [Fact]
    public void The_driver_refuses_patterns_shorter_than_a_block()
    {
        // 3 phases at 8 lanes: blocks of 3 vectors read 2 + 24 values from any starting phase, not 3 + 8 - 1.
        Assert.Equal(26, NumericConstants.PatternLength(3, 8));
        float[] input = new float[64];
        float[] pattern = new float[NumericConstants.PatternLength(3, 8) - 1];
        Assert.Throws<ArgumentException>(() => NumericDriver.Run<float, float, Identity>(input, input, default, new NumericConstants(pattern, pattern, pattern, 3), SimdWidth.V256));
        NumericDriver.Run<float, float, Identity>(input, input, default, new NumericConstants(pattern, pattern, pattern, 3), SimdWidth.Scalar);
    }

    [Fact]
    public void Rescaling_float_paths_match_the_scalar_formula()
    {
        var random = new Random(7);
        foreach ((float scale, float offset) in new[] { (1 / 255f, 0f), ((float)(1 / 127.5), -1f), (3.3e38f, 1e-45f), (-0f, 0f), (1e-40f, -2.5f) })
        {
            foreach (int length in Lengths)
            {
                float[] input = Enumerable.Range(0, length).Select(_ => FloatSamples.Next(random)).ToArray();
                float[] expected = input.Select(x => Add(Mul(x, scale), offset)).ToArray();
                foreach (SimdWidth width in Widths)
                {
                    var output = new float[length + 1];
                    output[^1] = 42f;
                    RescalingKernel.Rescale(input, output, scale, offset, width);
                    FloatSamples.AssertBits(expected, output.AsSpan(0, length), $"scale {scale}, length {length}, {width}");
                    Assert.Equal(42f, output[^1]);
                }
            }
        }
    }

    [Fact]
    public void Rescaling_byte_paths_widen_exactly()
    {
        var random = new Random(8);
        foreach ((float scale, float offset) in new[] { ((float)(1 / 255.0), 0f), ((float)(1 / 127.5), -1f), (0.1f, 0.2f) })
        {
            foreach (int length in Lengths.Append(256).Append(300))
            {
                byte[] input = new byte[length];
                random.NextBytes(input);
                if (length >= 256)
                {
                    for (int b = 0; b < 256; b++)
                    {
                        input[b] = (byte)b;
                    }
                }

                float[] expected = input.Select(b => Add(Mul(b, scale), offset)).ToArray();
                foreach (SimdWidth width in Widths)
                {
                    var output = new float[length + 1];
                    output[^1] = 42f;
                    RescalingKernel.Rescale(input, output, scale, offset, width);
                    FloatSamples.AssertBits(expected, output.AsSpan(0, length), $"scale {scale}, length {length}, {width}");
                    Assert.Equal(42f, output[^1]);
                }
            }
        }
    }

    [Fact]
    public void Rescaling_checks_the_destination()
    {
        Assert.Throws<ArgumentException>(() => RescalingKernel.Rescale(new float[3], new float[2], 1f, 0f));
        Assert.Throws<ArgumentException>(() => RescalingKernel.Rescale(new byte[3], new float[2], 1f, 0f));
    }

    public static TheoryData<int> BoundaryCounts => new(0, 1, 2, 3, 4, 7, 8, 16, 31, 32, 33, 100);

    [Theory]
    [MemberData(nameof(BoundaryCounts))]
    public void Discretization_paths_match_upper_bound(int count)
    {
        var random = new Random(count + 100);
        float[] boundaries = Enumerable.Range(0, count).Select(_ => FloatSamples.Next(random)).Where(v => !float.IsNaN(v)).Order().ToArray();
        if (count > 3)
        {
            boundaries[1] = boundaries[2]; // a repeated boundary (is_sorted allows it)
        }

        foreach (int length in Lengths)
        {
            float[] values = Enumerable.Range(0, length)
                .Select(_ => boundaries.Length > 0 && random.Next(4) == 0 ? boundaries[random.Next(boundaries.Length)] : FloatSamples.Next(random))
                .ToArray();
            long[] expected = values.Select(v => (long)UpperBound(boundaries, v)).ToArray();
            Assert.Equal(expected, values.Select(v => (long)DiscretizationKernel.Bucket(v, boundaries)));
            foreach (SimdWidth width in Widths)
            {
                var bins = new long[length + 1];
                bins[^1] = -5;
                DiscretizationKernel.Buckets(values, bins, boundaries, width);
                Assert.Equal(expected, bins[..length]);
                Assert.Equal(-5, bins[^1]);
            }
        }
    }

    [Fact]
    public void Discretization_NaN_takes_the_last_bin_and_equal_values_go_up()
    {
        float[] boundaries = [0f, 0.5f, 1f];
        Assert.Equal(3, DiscretizationKernel.Bucket(float.NaN, boundaries));
        Assert.Equal(1, DiscretizationKernel.Bucket(0f, boundaries));
        Assert.Equal(1, DiscretizationKernel.Bucket(-0f, boundaries));
        Assert.Equal(2, DiscretizationKernel.Bucket(0.5f, boundaries));
        Assert.Equal(3, DiscretizationKernel.Bucket(1f, boundaries));
        Assert.Equal(0, DiscretizationKernel.Bucket(float.NegativeInfinity, boundaries));
        Assert.Equal(0, DiscretizationKernel.Bucket(float.NaN, []));
        Assert.Throws<ArgumentException>(() => DiscretizationKernel.Buckets(new float[3], new long[2], boundaries));
    }

    /// <summary>std::upper_bound as libstdc++ writes it (TensorFlow Bucketize).</summary>
    private static int UpperBound(float[] boundaries, float value)
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

    // One float32 operation each, never fused: the scalar reference.
    private static float Add(float a, float b) => a + b;

    private static float Sub(float a, float b) => a - b;

    private static float Mul(float a, float b) => a * b;

    private static float Div(float a, float b) => a / b;

    private readonly struct Identity : IFloatOperator
    {
        public float Invoke(float x, float a, float b, float c) => x;

        public Vector128<float> Invoke(Vector128<float> x, Vector128<float> a, Vector128<float> b, Vector128<float> c) => x;

        public Vector256<float> Invoke(Vector256<float> x, Vector256<float> a, Vector256<float> b, Vector256<float> c) => x;

        public Vector512<float> Invoke(Vector512<float> x, Vector512<float> a, Vector512<float> b, Vector512<float> c) => x;
    }
}
