using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PrepGen.Runtime;

/// <summary>
/// Keras <c>Rescaling</c> (keras-semantics.md section 11): <c>y = float32(x) * scale + offset</c> with
/// float32 <c>scale</c> and <c>offset</c>, two roundings. The multiply and the add are separate operations
/// (the scalar path in separate statements); .NET's JIT never contracts them into a fused multiply-add,
/// which would round once and differ from Keras.
/// </summary>
public static class RescalingKernel
{
    /// <summary>Rescales <paramref name="input"/> into the first <c>input.Length</c> elements of <paramref name="output"/>.</summary>
    public static void Rescale(ReadOnlySpan<float> input, Span<float> output, float scale, float offset) =>
        Rescale(input, output, scale, offset, SimdPaths.Best);

    /// <summary>Bytes (e.g. 8-bit pixels) widened to float32, then rescaled.</summary>
    public static void Rescale(ReadOnlySpan<byte> input, Span<float> output, float scale, float offset) =>
        Rescale(input, output, scale, offset, SimdPaths.Best);

    internal static void Rescale(ReadOnlySpan<float> input, Span<float> output, float scale, float offset, SimdWidth width)
    {
        CheckDestination(input.Length, output.Length);
        ref float x = ref MemoryMarshal.GetReference(input);
        ref float y = ref MemoryMarshal.GetReference(output);
        int i = 0;
        if (width == SimdWidth.V512)
        {
            Vector512<float> s = Vector512.Create(scale);
            Vector512<float> o = Vector512.Create(offset);
            for (; i <= input.Length - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                Vector512.Add(Vector512.Multiply(Vector512.LoadUnsafe(ref x, (nuint)i), s), o).StoreUnsafe(ref y, (nuint)i);
            }
        }
        else if (width == SimdWidth.V256)
        {
            Vector256<float> s = Vector256.Create(scale);
            Vector256<float> o = Vector256.Create(offset);
            for (; i <= input.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                Vector256.Add(Vector256.Multiply(Vector256.LoadUnsafe(ref x, (nuint)i), s), o).StoreUnsafe(ref y, (nuint)i);
            }
        }

        for (; i < input.Length; i++)
        {
            output[i] = Scalar(input[i], scale, offset);
        }
    }

    internal static void Rescale(ReadOnlySpan<byte> input, Span<float> output, float scale, float offset, SimdWidth width)
    {
        CheckDestination(input.Length, output.Length);
        ref byte x = ref MemoryMarshal.GetReference(input);
        ref float y = ref MemoryMarshal.GetReference(output);
        int i = 0;
        if (width == SimdWidth.V512)
        {
            Vector512<float> s = Vector512.Create(scale);
            Vector512<float> o = Vector512.Create(offset);
            for (; i <= input.Length - Vector512<byte>.Count; i += Vector512<byte>.Count)
            {
                (Vector512<ushort> lo, Vector512<ushort> hi) = Vector512.Widen(Vector512.LoadUnsafe(ref x, (nuint)i));
                (Vector512<uint> a, Vector512<uint> b) = Vector512.Widen(lo);
                (Vector512<uint> c, Vector512<uint> d) = Vector512.Widen(hi);
                // Values are 0..255, so the signed conversion is exact (and cheaper than the unsigned one).
                Vector512.Add(Vector512.Multiply(Vector512.ConvertToSingle(a.AsInt32()), s), o).StoreUnsafe(ref y, (nuint)i);
                Vector512.Add(Vector512.Multiply(Vector512.ConvertToSingle(b.AsInt32()), s), o).StoreUnsafe(ref y, (nuint)(i + 16));
                Vector512.Add(Vector512.Multiply(Vector512.ConvertToSingle(c.AsInt32()), s), o).StoreUnsafe(ref y, (nuint)(i + 32));
                Vector512.Add(Vector512.Multiply(Vector512.ConvertToSingle(d.AsInt32()), s), o).StoreUnsafe(ref y, (nuint)(i + 48));
            }
        }
        else if (width == SimdWidth.V256)
        {
            Vector256<float> s = Vector256.Create(scale);
            Vector256<float> o = Vector256.Create(offset);
            for (; i <= input.Length - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                (Vector256<ushort> lo, Vector256<ushort> hi) = Vector256.Widen(Vector256.LoadUnsafe(ref x, (nuint)i));
                (Vector256<uint> a, Vector256<uint> b) = Vector256.Widen(lo);
                (Vector256<uint> c, Vector256<uint> d) = Vector256.Widen(hi);
                Vector256.Add(Vector256.Multiply(Vector256.ConvertToSingle(a.AsInt32()), s), o).StoreUnsafe(ref y, (nuint)i);
                Vector256.Add(Vector256.Multiply(Vector256.ConvertToSingle(b.AsInt32()), s), o).StoreUnsafe(ref y, (nuint)(i + 8));
                Vector256.Add(Vector256.Multiply(Vector256.ConvertToSingle(c.AsInt32()), s), o).StoreUnsafe(ref y, (nuint)(i + 16));
                Vector256.Add(Vector256.Multiply(Vector256.ConvertToSingle(d.AsInt32()), s), o).StoreUnsafe(ref y, (nuint)(i + 24));
            }
        }

        for (; i < input.Length; i++)
        {
            output[i] = Scalar(input[i], scale, offset);
        }
    }

    /// <summary>The Keras formula for one value: multiply, round, add, round.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static float Scalar(float x, float scale, float offset)
    {
        float scaled = x * scale;
        return scaled + offset;
    }

    private static void CheckDestination(int input, int output)
    {
        if (output < input)
        {
            throw new ArgumentException($"The destination has {output} elements but the layer writes {input}.", nameof(output));
        }
    }
}
