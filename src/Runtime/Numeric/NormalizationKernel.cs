using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PrepGen.Runtime;

/// <summary>
/// Keras <c>Normalization</c> over row-major input (keras-semantics.md section 9), in float32:
/// <c>y = (x - mean) / denominator</c>, or <c>y = mean + x * denominator</c> with <c>invert</c>, where the
/// generator bakes <c>denominator = max(sqrt(float32(variance)), 1e-7f)</c>. A division, as Keras (not a
/// multiplication by a reciprocal, which rounds differently); the invert form is two roundings, never a
/// fused multiply-add (.NET's JIT does not contract <c>a * b + c</c>).
/// </summary>
public static class NormalizationKernel
{
    /// <summary>Largest repeating pattern (lcm of features and vector width) built on the stack.</summary>
    private const int MaxPattern = 256;

    /// <summary>
    /// <c>output[i] = (input[i] - mean[i % f]) / denominator[i % f]</c> with <c>f = mean.Length</c>: the input is
    /// whole rows of f features. Throws <see cref="ArgumentException"/> when it is not, or when
    /// <paramref name="output"/> is shorter than <paramref name="input"/>; elements past the input's length are left untouched.
    /// </summary>
    public static void Normalize(ReadOnlySpan<float> input, Span<float> output, ReadOnlySpan<float> mean, ReadOnlySpan<float> denominator) =>
        Run(input, output, mean, denominator, invert: false, SimdPaths.Best);

    /// <summary>The inverse: <c>output[i] = mean[i % f] + input[i] * denominator[i % f]</c>.</summary>
    public static void Denormalize(ReadOnlySpan<float> input, Span<float> output, ReadOnlySpan<float> mean, ReadOnlySpan<float> denominator) =>
        Run(input, output, mean, denominator, invert: true, SimdPaths.Best);

    internal static void Run(ReadOnlySpan<float> input, Span<float> output, ReadOnlySpan<float> mean, ReadOnlySpan<float> denominator, bool invert, SimdWidth width)
    {
        int features = mean.Length;
        if (features == 0 || denominator.Length != features)
        {
            throw new ArgumentException($"The layer needs one mean and one denominator per feature (got {mean.Length} and {denominator.Length}).", nameof(denominator));
        }

        if (input.Length % features != 0)
        {
            throw new ArgumentException($"The input holds {input.Length} values, not whole rows of {features} features.", nameof(input));
        }

        if (output.Length < input.Length)
        {
            throw new ArgumentException($"The destination has {output.Length} elements but the layer writes {input.Length}.", nameof(output));
        }

        int lanes = (int)width;
        int done = 0;
        if (lanes > 1 && input.Length >= lanes)
        {
            int period = Lcm(features, lanes);
            if (period <= MaxPattern && input.Length >= period)
            {
                done = Patterned(input, output, mean, denominator, invert, width, period);
            }
            else if (features >= lanes)
            {
                done = RowWise(input, output, mean, denominator, invert, width);
            }
        }

        Scalar(input, output, mean, denominator, invert, done);
    }

    /// <summary>The Keras formula, element by element, from <paramref name="start"/> to the end.</summary>
    private static void Scalar(ReadOnlySpan<float> input, Span<float> output, ReadOnlySpan<float> mean, ReadOnlySpan<float> denominator, bool invert, int start)
    {
        int features = mean.Length;
        int f = start % features;
        for (int i = start; i < input.Length; i++)
        {
            if (invert)
            {
                float scaled = input[i] * denominator[f];
                output[i] = mean[f] + scaled;
            }
            else
            {
                float centered = input[i] - mean[f];
                output[i] = centered / denominator[f];
            }

            if (++f == features)
            {
                f = 0;
            }
        }
    }

    /// <summary>
    /// Few features (or a width they divide): the per-feature constants repeated to the lcm of the feature count and
    /// the vector width, so vector k of the input lines up with vector k mod (period / width) of the pattern.
    /// </summary>
    [SkipLocalsInit]
    private static int Patterned(ReadOnlySpan<float> input, Span<float> output, ReadOnlySpan<float> mean, ReadOnlySpan<float> denominator, bool invert, SimdWidth width, int period)
    {
        Span<float> m = stackalloc float[MaxPattern];
        Span<float> d = stackalloc float[MaxPattern];
        int features = mean.Length;
        for (int i = 0, f = 0; i < period; i++)
        {
            m[i] = mean[f];
            d[i] = denominator[f];
            f = f + 1 == features ? 0 : f + 1;
        }

        m = m.Slice(0, period);
        d = d.Slice(0, period);
        return width == SimdWidth.V512
            ? Patterned512(input, output, m, d, invert)
            : Patterned256(input, output, m, d, invert);
    }

    private static int Patterned512(ReadOnlySpan<float> input, Span<float> output, ReadOnlySpan<float> m, ReadOnlySpan<float> d, bool invert)
    {
        ref float x = ref MemoryMarshal.GetReference(input);
        ref float y = ref MemoryMarshal.GetReference(output);
        ref float mr = ref MemoryMarshal.GetReference(m);
        ref float dr = ref MemoryMarshal.GetReference(d);
        int n = input.Length - (input.Length % Vector512<float>.Count);
        if (m.Length == Vector512<float>.Count)
        {
            Vector512<float> vm = Vector512.LoadUnsafe(ref mr);
            Vector512<float> vd = Vector512.LoadUnsafe(ref dr);
            for (int i = 0; i < n; i += Vector512<float>.Count)
            {
                Vector512<float> vx = Vector512.LoadUnsafe(ref x, (nuint)i);
                Apply(vx, vm, vd, invert).StoreUnsafe(ref y, (nuint)i);
            }

            return n;
        }

        int p = 0;
        for (int i = 0; i < n; i += Vector512<float>.Count)
        {
            Vector512<float> vx = Vector512.LoadUnsafe(ref x, (nuint)i);
            Apply(vx, Vector512.LoadUnsafe(ref mr, (nuint)p), Vector512.LoadUnsafe(ref dr, (nuint)p), invert).StoreUnsafe(ref y, (nuint)i);
            p += Vector512<float>.Count;
            if (p == m.Length)
            {
                p = 0;
            }
        }

        return n;
    }

    private static int Patterned256(ReadOnlySpan<float> input, Span<float> output, ReadOnlySpan<float> m, ReadOnlySpan<float> d, bool invert)
    {
        ref float x = ref MemoryMarshal.GetReference(input);
        ref float y = ref MemoryMarshal.GetReference(output);
        ref float mr = ref MemoryMarshal.GetReference(m);
        ref float dr = ref MemoryMarshal.GetReference(d);
        int n = input.Length - (input.Length % Vector256<float>.Count);
        if (m.Length == Vector256<float>.Count)
        {
            Vector256<float> vm = Vector256.LoadUnsafe(ref mr);
            Vector256<float> vd = Vector256.LoadUnsafe(ref dr);
            for (int i = 0; i < n; i += Vector256<float>.Count)
            {
                Vector256<float> vx = Vector256.LoadUnsafe(ref x, (nuint)i);
                Apply(vx, vm, vd, invert).StoreUnsafe(ref y, (nuint)i);
            }

            return n;
        }

        int p = 0;
        for (int i = 0; i < n; i += Vector256<float>.Count)
        {
            Vector256<float> vx = Vector256.LoadUnsafe(ref x, (nuint)i);
            Apply(vx, Vector256.LoadUnsafe(ref mr, (nuint)p), Vector256.LoadUnsafe(ref dr, (nuint)p), invert).StoreUnsafe(ref y, (nuint)i);
            p += Vector256<float>.Count;
            if (p == m.Length)
            {
                p = 0;
            }
        }

        return n;
    }

    /// <summary>Many features: each row in vectors across its features, the row's last few features scalar.</summary>
    private static int RowWise(ReadOnlySpan<float> input, Span<float> output, ReadOnlySpan<float> mean, ReadOnlySpan<float> denominator, bool invert, SimdWidth width)
    {
        int features = mean.Length;
        int lanes = (int)width;
        int vectorEnd = features - (features % lanes);
        ref float x = ref MemoryMarshal.GetReference(input);
        ref float y = ref MemoryMarshal.GetReference(output);
        ref float mr = ref MemoryMarshal.GetReference(mean);
        ref float dr = ref MemoryMarshal.GetReference(denominator);
        for (int row = 0; row < input.Length; row += features)
        {
            for (int f = 0; f < vectorEnd; f += lanes)
            {
                nuint at = (nuint)(row + f);
                if (width == SimdWidth.V512)
                {
                    Apply(Vector512.LoadUnsafe(ref x, at), Vector512.LoadUnsafe(ref mr, (nuint)f), Vector512.LoadUnsafe(ref dr, (nuint)f), invert).StoreUnsafe(ref y, at);
                }
                else
                {
                    Apply(Vector256.LoadUnsafe(ref x, at), Vector256.LoadUnsafe(ref mr, (nuint)f), Vector256.LoadUnsafe(ref dr, (nuint)f), invert).StoreUnsafe(ref y, at);
                }
            }

            for (int f = vectorEnd; f < features; f++)
            {
                int i = row + f;
                if (invert)
                {
                    float scaled = input[i] * denominator[f];
                    output[i] = mean[f] + scaled;
                }
                else
                {
                    float centered = input[i] - mean[f];
                    output[i] = centered / denominator[f];
                }
            }
        }

        return input.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Apply(Vector512<float> x, Vector512<float> mean, Vector512<float> denominator, bool invert) =>
        invert ? Vector512.Add(mean, Vector512.Multiply(x, denominator)) : Vector512.Divide(Vector512.Subtract(x, mean), denominator);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Apply(Vector256<float> x, Vector256<float> mean, Vector256<float> denominator, bool invert) =>
        invert ? Vector256.Add(mean, Vector256.Multiply(x, denominator)) : Vector256.Divide(Vector256.Subtract(x, mean), denominator);

    private static int Lcm(int a, int b)
    {
        int x = a;
        int y = b;
        while (y != 0)
        {
            (x, y) = (y, x % y);
        }

        long lcm = (long)a / x * b;
        return lcm > int.MaxValue ? int.MaxValue : (int)lcm;
    }
}
