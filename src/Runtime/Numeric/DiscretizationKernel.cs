using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PrepGen.Runtime;

/// <summary>
/// Keras <c>Discretization</c> (docs/keras-semantics.md, "Discretization"): TensorFlow <c>Bucketize</c>, i.e.
/// <c>std::upper_bound</c> over float32 boundaries sorted ascending. The bin of x is the index of the first
/// boundary strictly greater than x (bisect-right: a value equal to a boundary goes up); NaN compares
/// false with everything, so upper_bound runs to the end and NaN takes the last bin, <c>boundaries.Length</c>.
/// </summary>
public static class DiscretizationKernel
{
    /// <summary>Above this many boundaries the batch path binary-searches instead of comparing with each one.</summary>
    private const int MaxCompareCount = 32;

    /// <summary>The bin of one value: <c>std::upper_bound</c>, branch-free.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Bucket(float value, ReadOnlySpan<float> boundaries)
    {
        int n = boundaries.Length;
        if (n == 0)
        {
            return 0;
        }

        // Each step moves right unless value < boundary: "boundary <= value" for numbers, always for NaN, as
        // upper_bound does. The flag is materialized (setcc) and multiplied in, so there is no branch to mispredict.
        ref float b = ref MemoryMarshal.GetReference(boundaries);
        int lo = 0;
        while (n > 1)
        {
            int half = n >> 1;
            bool less = value < Unsafe.Add(ref b, lo + half);
            lo += half * (1 - Unsafe.BitCast<bool, byte>(less));
            n -= half;
        }

        bool last = value < Unsafe.Add(ref b, lo);
        return lo + 1 - Unsafe.BitCast<bool, byte>(last);
    }

    /// <summary>The bins of a batch of values, element-wise.</summary>
    public static void Buckets(ReadOnlySpan<float> values, Span<long> bins, ReadOnlySpan<float> boundaries) =>
        Buckets(values, bins, boundaries, SimdPaths.Best);

    /// <summary>One-hot of the value's bin (depth <c>boundaries.Length + 1</c>).</summary>
    public static void OneHot(float value, Span<float> output, ReadOnlySpan<float> boundaries) =>
        Encode.OneHot(Bucket(value, boundaries), output, boundaries.Length + 1);

    /// <summary>Multi-hot (<paramref name="count"/> false) or count of the bins of one sample (depth <c>boundaries.Length + 1</c>).</summary>
    public static void Accumulate(ReadOnlySpan<float> values, Span<float> output, ReadOnlySpan<float> boundaries, bool count)
    {
        Span<float> row = Encode.Prepare(output, boundaries.Length + 1);
        foreach (float value in values)
        {
            int bin = Bucket(value, boundaries);
            row[bin] = count ? row[bin] + 1f : 1f;
        }
    }

    internal static void Buckets(ReadOnlySpan<float> values, Span<long> bins, ReadOnlySpan<float> boundaries, SimdWidth width)
    {
        if (bins.Length < values.Length)
        {
            throw new ArgumentException($"The destination has {bins.Length} elements but the layer writes {values.Length}.", nameof(bins));
        }

        // Few boundaries: every vector compares with each of them. Many: the branch-free binary search per value.
        NumericDriver.Run(values, bins, new BucketOperator(boundaries), new NumericConstants(0f, 0f, 0f), boundaries.Length <= MaxCompareCount ? width : SimdWidth.Scalar);
    }

    /// <summary>
    /// For sorted boundaries, upper_bound = n - #(x &lt; b): the count of boundaries greater than x, taken from n. NaN is
    /// less than none of them and lands on n, as upper_bound does. The lanes carry the int32 bin as float bits; the
    /// store widens them to int64.
    /// </summary>
    private readonly unsafe ref struct BucketOperator(ReadOnlySpan<float> boundaries) : INumericOperator<float, long>
    {
        private readonly ReadOnlySpan<float> _boundaries = boundaries;

        public long Invoke(float x, float a, float b, float c) => Bucket(x, _boundaries);

        public Vector128<float> Invoke(Vector128<float> x, Vector128<float> a, Vector128<float> b, Vector128<float> c)
        {
            Vector128<int> bin = Vector128.Create(_boundaries.Length);
            foreach (float boundary in _boundaries)
            {
                bin += Vector128.LessThan(x, Vector128.Create(boundary)).AsInt32(); // true lanes are -1
            }

            return bin.AsSingle();
        }

        public Vector256<float> Invoke(Vector256<float> x, Vector256<float> a, Vector256<float> b, Vector256<float> c)
        {
            Vector256<int> bin = Vector256.Create(_boundaries.Length);
            foreach (float boundary in _boundaries)
            {
                bin += Vector256.LessThan(x, Vector256.Create(boundary)).AsInt32();
            }

            return bin.AsSingle();
        }

        public Vector512<float> Invoke(Vector512<float> x, Vector512<float> a, Vector512<float> b, Vector512<float> c)
        {
            Vector512<int> bin = Vector512.Create(_boundaries.Length);
            foreach (float boundary in _boundaries)
            {
                bin += Vector512.LessThan(x, Vector512.Create(boundary)).AsInt32();
            }

            return bin.AsSingle();
        }

        public static Vector128<float> Load128(float* source) => Lanes.Load128(source);

        public static Vector256<float> Load256(float* source) => Lanes.Load256(source);

        public static Vector512<float> Load512(float* source) => Lanes.Load512(source);

        public static void Store(Vector128<float> value, long* destination)
        {
            (Vector128<long> lo, Vector128<long> hi) = Vector128.Widen(value.AsInt32());
            lo.Store(destination);
            hi.Store(destination + Vector128<long>.Count);
        }

        public static void Store(Vector256<float> value, long* destination)
        {
            (Vector256<long> lo, Vector256<long> hi) = Vector256.Widen(value.AsInt32());
            lo.Store(destination);
            hi.Store(destination + Vector256<long>.Count);
        }

        public static void Store(Vector512<float> value, long* destination)
        {
            (Vector512<long> lo, Vector512<long> hi) = Vector512.Widen(value.AsInt32());
            lo.Store(destination);
            hi.Store(destination + Vector512<long>.Count);
        }
    }
}
