using System;
using System.Runtime.Intrinsics;
using PrepGen.Runtime;

namespace PrepGen.Imaging;

/// <summary>uint8 to float32 as tf.cast does it: exact (0..255), the widening load is the whole operator.</summary>
internal readonly struct WidenOperator : IByteOperator
{
    public float Invoke(byte x, float a, float b, float c) => x;

    public Vector128<float> Invoke(Vector128<float> x, Vector128<float> a, Vector128<float> b, Vector128<float> c) => x;

    public Vector256<float> Invoke(Vector256<float> x, Vector256<float> a, Vector256<float> b, Vector256<float> c) => x;

    public Vector512<float> Invoke(Vector512<float> x, Vector512<float> a, Vector512<float> b, Vector512<float> c) => x;
}

/// <summary>
/// RandomBrightness: <c>min(max(x + delta, lo), hi)</c> (a = delta, b = lo, c = hi), tf.clip_by_value after the add.
/// The vector Min and Max order NaN and signed zeros as <see cref="MathF.Min"/> and <see cref="MathF.Max"/> do (NaN
/// wins, -0 &lt; +0; .NET 9 and later), so every width gives the scalar formula's bits.
/// </summary>
internal readonly struct AddClipOperator : IFloatOperator
{
    public float Invoke(float x, float a, float b, float c) => MathF.Min(MathF.Max(x + a, b), c);

    public Vector128<float> Invoke(Vector128<float> x, Vector128<float> a, Vector128<float> b, Vector128<float> c) => Vector128.Min(Vector128.Max(x + a, b), c);

    public Vector256<float> Invoke(Vector256<float> x, Vector256<float> a, Vector256<float> b, Vector256<float> c) => Vector256.Min(Vector256.Max(x + a, b), c);

    public Vector512<float> Invoke(Vector512<float> x, Vector512<float> a, Vector512<float> b, Vector512<float> c) => Vector512.Min(Vector512.Max(x + a, b), c);
}
