using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using PrepGen.Runtime;

namespace PrepGen.Benchmarks;

/// <summary>
/// Normalization over 1M floats vs a span copy of the same size (the memory-bandwidth floor) and vs
/// TensorPrimitives Subtract then Divide (two passes), at the best width and with Vector128 forced (Arm64's shape),
/// with the division of the same driver as a reference; Discretization vs Array.BinarySearch per value.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class NumericBenchmarks
{
    private const float Mean = 12.5f;
    private static readonly float Std = MathF.Sqrt(42.25f);
    private static readonly float[] Boundaries = [-1.5f, -0.75f, -0.25f, 0.0f, 0.25f, 0.75f, 1.5f];
    private float[] _input = [];
    private float[] _output = [];
    private float[] _values = [];
    private long[] _bins = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _input = Enumerable.Range(0, 1 << 20).Select(_ => (float)(random.NextDouble() * 50)).ToArray();
        _output = new float[_input.Length];
        _values = Enumerable.Range(0, 4096).Select(_ => (float)((random.NextDouble() * 4) - 2)).ToArray();
        _bins = new long[_values.Length];

        // The alternatives must compute the same values (Keras: (x - mean) / sqrt(var), in float32).
        NumericLayers.Normalize(_input, _output);
        var check = new float[_input.Length];
        TensorPrimitives.Subtract(_input, Mean, check);
        TensorPrimitives.Divide(check, Std, check);
        if (!check.AsSpan().SequenceEqual(_output))
        {
            throw new InvalidOperationException("TensorPrimitives and the generated Normalization disagree");
        }

        // The forced-width and same-driver rows compute the same bits too (the driver's division for reference).
        var other = new float[_input.Length];
        foreach (SimdWidth width in new[] { SimdWidth.V128, SimdWidth.V256, SimdPaths.Best })
        {
            foreach (bool reciprocal in new[] { true, false })
            {
                NormalizationKernel.Run(_input, other, [Mean], [Std], invert: false, width, reciprocal);
                if (!other.AsSpan().SequenceEqual(_output))
                {
                    throw new InvalidOperationException($"NormalizationKernel at {width} (reciprocal {reciprocal}) disagrees with the generated layer");
                }
            }
        }

        NumericLayers.Bucketize(_values, _bins);
        for (int i = 0; i < _values.Length; i++)
        {
            if (_bins[i] != BisectRight(_values[i]))
            {
                throw new InvalidOperationException("Array.BinarySearch and the generated Discretization disagree");
            }
        }
    }

    [BenchmarkCategory("normalize-1M"), Benchmark(Baseline = true)]
    public void SpanCopy() => _input.AsSpan().CopyTo(_output);

    [BenchmarkCategory("normalize-1M"), Benchmark]
    public void TensorPrimitives_TwoPass()
    {
        TensorPrimitives.Subtract(_input, Mean, _output);
        TensorPrimitives.Divide(_output, Std, _output);
    }

    [BenchmarkCategory("normalize-1M"), Benchmark]
    public void PrepGen_Normalize() => NumericLayers.Normalize(_input, _output);

    // The same kernel with its path and width forced (the generated layer takes the path NormalizationKernel.PreferReciprocal
    // picks for the machine): division or reciprocal + FMA corrections, at the best width and at Vector128 (Arm64's shape).
    // Std 6.5 rounds its reciprocal by 0.625 of 2^-24, so the reciprocal path takes the second correction; 6.4 (0.25)
    // takes one.
    [BenchmarkCategory("normalize-1M"), Benchmark]
    public void Kernel_Divide() => NormalizationKernel.Run(_input, _output, [Mean], [Std], invert: false, SimdPaths.Best, reciprocal: false);

    [BenchmarkCategory("normalize-1M"), Benchmark]
    public void Kernel_Reciprocal() => NormalizationKernel.Run(_input, _output, [Mean], [Std], invert: false, SimdPaths.Best, reciprocal: true);

    [BenchmarkCategory("normalize-1M"), Benchmark]
    public void Kernel_Reciprocal_OneCorrection() => NormalizationKernel.Run(_input, _output, [Mean], [6.4f], invert: false, SimdPaths.Best, reciprocal: true);

    [BenchmarkCategory("normalize-1M"), Benchmark]
    public void Kernel_V128_Divide() => NormalizationKernel.Run(_input, _output, [Mean], [Std], invert: false, SimdWidth.V128, reciprocal: false);

    [BenchmarkCategory("normalize-1M"), Benchmark]
    public void Kernel_V128_Reciprocal_OneCorrection() => NormalizationKernel.Run(_input, _output, [Mean], [6.4f], invert: false, SimdWidth.V128, reciprocal: true);

    [BenchmarkCategory("normalize-1M"), Benchmark]
    public void Kernel_V128_Reciprocal() => NormalizationKernel.Run(_input, _output, [Mean], [Std], invert: false, SimdWidth.V128, reciprocal: true);

    // Floors of the Vector128 width on this hardware: a 4-lane copy loop and the inexact (x - mean) * (1/std), each unrolled
    // by four as the driver is. No exact kernel at 4 lanes can beat the second; it bounds what the Vector128 target can reach.
    [BenchmarkCategory("normalize-1M"), Benchmark]
    public unsafe void Floor_V128_CopyLoop()
    {
        fixed (float* x = _input)
        fixed (float* y = _output)
        {
            for (nuint i = 0; i < (nuint)_input.Length; i += 16)
            {
                Vector128<float> a = Vector128.Load(x + i), b = Vector128.Load(x + i + 4), c = Vector128.Load(x + i + 8), d = Vector128.Load(x + i + 12);
                a.Store(y + i);
                b.Store(y + i + 4);
                c.Store(y + i + 8);
                d.Store(y + i + 12);
            }
        }
    }

    [BenchmarkCategory("normalize-1M"), Benchmark]
    public unsafe void Floor_V128_SubtractMultiply_Inexact()
    {
        Vector128<float> mean = Vector128.Create(Mean), reciprocal = Vector128.Create(1f / Std);
        fixed (float* x = _input)
        fixed (float* y = _output)
        {
            for (nuint i = 0; i < (nuint)_input.Length; i += 16)
            {
                ((Vector128.Load(x + i) - mean) * reciprocal).Store(y + i);
                ((Vector128.Load(x + i + 4) - mean) * reciprocal).Store(y + i + 4);
                ((Vector128.Load(x + i + 8) - mean) * reciprocal).Store(y + i + 8);
                ((Vector128.Load(x + i + 12) - mean) * reciprocal).Store(y + i + 12);
            }
        }
    }

    [BenchmarkCategory("discretize-4096"), Benchmark(Baseline = true)]
    public void ArrayBinarySearch()
    {
        for (int i = 0; i < _values.Length; i++)
        {
            _bins[i] = BisectRight(_values[i]);
        }
    }

    [BenchmarkCategory("discretize-4096"), Benchmark]
    public void PrepGen_Bucketize() => NumericLayers.Bucketize(_values, _bins);

    /// <summary>bisect_right with Array.BinarySearch: the index of the first boundary strictly greater than x.</summary>
    private static long BisectRight(float x)
    {
        int lo = 0;
        int hi = Boundaries.Length;
        int i = Array.BinarySearch(Boundaries, x);
        if (i >= 0)
        {
            // On a boundary: Keras/TF Bucketize puts it in the upper bin; step past equal boundaries.
            lo = i + 1;
            while (lo < hi && Boundaries[lo] <= x)
            {
                lo++;
            }

            return lo;
        }

        return ~i;
    }
}
