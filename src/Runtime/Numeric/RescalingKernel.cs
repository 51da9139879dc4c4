using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace PrepGen.Runtime;

/// <summary>
/// Keras <c>Rescaling</c> (docs/keras-semantics.md, "Rescaling"): <c>y = float32(x) * scale + offset</c> with
/// float32 <c>scale</c> and <c>offset</c>, two roundings. The multiply and the add are separate operations
/// (the scalar path in separate statements); .NET's JIT never contracts them into a fused multiply-add,
/// which would round once and differ from Keras. One operator per input type, run by <see cref="NumericDriver"/>.
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
        NumericDriver.Run(input, output, default(RescaleOperator), new NumericConstants(scale, offset, 0f), width);
    }

    internal static void Rescale(ReadOnlySpan<byte> input, Span<float> output, float scale, float offset, SimdWidth width)
    {
        CheckDestination(input.Length, output.Length);
        NumericDriver.Run(input, output, default(RescaleBytesOperator), new NumericConstants(scale, offset, 0f), width);
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

    /// <summary><c>x * scale + offset</c> (a = scale, b = offset), two roundings at every width.</summary>
    private readonly unsafe struct RescaleOperator : IFloatOperator
    {
        public float Invoke(float x, float a, float b)
        {
            float scaled = x * a;
            return scaled + b;
        }

        public float Invoke(float x, float a, float b, float c) => Invoke(x, a, b);

        public Vector128<float> Invoke(Vector128<float> x, Vector128<float> a, Vector128<float> b, Vector128<float> c) => Vector128.Add(Vector128.Multiply(x, a), b);

        public Vector256<float> Invoke(Vector256<float> x, Vector256<float> a, Vector256<float> b, Vector256<float> c) => Vector256.Add(Vector256.Multiply(x, a), b);

        public Vector512<float> Invoke(Vector512<float> x, Vector512<float> a, Vector512<float> b, Vector512<float> c) => Vector512.Add(Vector512.Multiply(x, a), b);
    }

    /// <summary>The same formula on bytes, widened exactly (<see cref="IByteOperator"/>), so the rest is <see cref="RescaleOperator"/>.</summary>
    private readonly struct RescaleBytesOperator : IByteOperator
    {
        public float Invoke(byte x, float a, float b, float c) => default(RescaleOperator).Invoke(x, a, b);

        public Vector128<float> Invoke(Vector128<float> x, Vector128<float> a, Vector128<float> b, Vector128<float> c) => default(RescaleOperator).Invoke(x, a, b, c);

        public Vector256<float> Invoke(Vector256<float> x, Vector256<float> a, Vector256<float> b, Vector256<float> c) => default(RescaleOperator).Invoke(x, a, b, c);

        public Vector512<float> Invoke(Vector512<float> x, Vector512<float> a, Vector512<float> b, Vector512<float> c) => default(RescaleOperator).Invoke(x, a, b, c);
    }
}
