using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PrepGen.Runtime;

/// <summary>
/// Keras <c>Discretization</c> (keras-semantics.md section 10): TensorFlow <c>Bucketize</c>, i.e.
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

        int i = 0;
        if (boundaries.Length <= MaxCompareCount)
        {
            if (width == SimdWidth.V512)
            {
                i = CompareCount512(values, bins, boundaries);
            }
            else if (width == SimdWidth.V256)
            {
                i = CompareCount256(values, bins, boundaries);
            }
        }

        for (; i < values.Length; i++)
        {
            bins[i] = Bucket(values[i], boundaries);
        }
    }

    // For sorted boundaries, upper_bound = n - #(x < b): the count of boundaries greater than x, taken from n.
    // NaN is less than none of them and lands on n, as upper_bound does.
    private static int CompareCount512(ReadOnlySpan<float> values, Span<long> bins, ReadOnlySpan<float> boundaries)
    {
        ref float x = ref MemoryMarshal.GetReference(values);
        ref long y = ref MemoryMarshal.GetReference(bins);
        Vector512<int> n = Vector512.Create(boundaries.Length);
        int i = 0;
        for (; i <= values.Length - Vector512<float>.Count; i += Vector512<float>.Count)
        {
            Vector512<float> v = Vector512.LoadUnsafe(ref x, (nuint)i);
            Vector512<int> bin = n;
            foreach (float boundary in boundaries)
            {
                bin += Vector512.LessThan(v, Vector512.Create(boundary)).AsInt32(); // true lanes are -1
            }

            (Vector512<long> lo, Vector512<long> hi) = Vector512.Widen(bin);
            lo.StoreUnsafe(ref y, (nuint)i);
            hi.StoreUnsafe(ref y, (nuint)(i + Vector512<long>.Count));
        }

        return i;
    }

    private static int CompareCount256(ReadOnlySpan<float> values, Span<long> bins, ReadOnlySpan<float> boundaries)
    {
        ref float x = ref MemoryMarshal.GetReference(values);
        ref long y = ref MemoryMarshal.GetReference(bins);
        Vector256<int> n = Vector256.Create(boundaries.Length);
        int i = 0;
        for (; i <= values.Length - Vector256<float>.Count; i += Vector256<float>.Count)
        {
            Vector256<float> v = Vector256.LoadUnsafe(ref x, (nuint)i);
            Vector256<int> bin = n;
            foreach (float boundary in boundaries)
            {
                bin += Vector256.LessThan(v, Vector256.Create(boundary)).AsInt32();
            }

            (Vector256<long> lo, Vector256<long> hi) = Vector256.Widen(bin);
            lo.StoreUnsafe(ref y, (nuint)i);
            hi.StoreUnsafe(ref y, (nuint)(i + Vector256<long>.Count));
        }

        return i;
    }
}
