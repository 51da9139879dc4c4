using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace PrepGen.Benchmarks;

/// <summary>
/// Normalization over 1M floats vs a span copy of the same size (the memory-bandwidth floor) and vs
/// TensorPrimitives Subtract then Divide (two passes); Discretization vs Array.BinarySearch per value.
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

        // What the reciprocal shortcut would cost in exactness (printed, not asserted): Keras divides.
        var reciprocal = new float[_input.Length];
        Reference_ReciprocalMultiply_NotExact(_input, reciprocal);
        int differ = 0;
        for (int i = 0; i < reciprocal.Length; i++)
        {
            differ += BitConverter.SingleToInt32Bits(reciprocal[i]) != BitConverter.SingleToInt32Bits(_output[i]) ? 1 : 0;
        }

        Console.WriteLine($"// reciprocal multiply differs from Keras's division in {differ} of {reciprocal.Length} values");

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

    /// <summary>
    /// Not an alternative (it is not bit-exact): the same single pass multiplying by 1/std instead of dividing,
    /// to measure what Keras's division costs. The gap to PrepGen_Normalize is the divide.
    /// </summary>
    [BenchmarkCategory("normalize-1M"), Benchmark]
    public void Reference_ReciprocalMultiply_NotExact() => Reference_ReciprocalMultiply_NotExact(_input, _output);

    private static void Reference_ReciprocalMultiply_NotExact(ReadOnlySpan<float> input, Span<float> output)
    {
        var mean = System.Runtime.Intrinsics.Vector512.Create(Mean);
        var scale = System.Runtime.Intrinsics.Vector512.Create(1f / Std);
        int i = 0;
        for (; i <= input.Length - 16; i += 16)
        {
            System.Runtime.Intrinsics.Vector512.StoreUnsafe(
                (System.Runtime.Intrinsics.Vector512.Create(input.Slice(i, 16)) - mean) * scale,
                ref System.Runtime.InteropServices.MemoryMarshal.GetReference(output),
                (nuint)i);
        }

        for (; i < input.Length; i++)
        {
            output[i] = (input[i] - Mean) * (1f / Std);
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
