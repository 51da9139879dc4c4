using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PrepGen.Runtime;

/// <summary>
/// One numeric layer as an element-wise operator, in the shape of System.Numerics.Tensors' TensorPrimitives
/// operators (dotnet/runtime <c>TensorPrimitives.IBinaryOperator.cs</c>): the same formula at every width, scalar
/// (the Keras reference, used for short inputs) and Vector128/256/512. <see cref="NumericDriver"/> owns everything
/// else (widths, unrolling, alignment, the overlapping last vector), once for all layers.
/// </summary>
/// <remarks>
/// Element <c>i</c> gets the constants <c>a, b, c</c> of phase <c>i % period</c> (Normalization's features; one
/// phase for Rescaling and Discretization). Loads widen the input to float lanes (bytes for pixel Rescaling), stores
/// narrow or widen the float lanes to the output (Discretization's bins travel as int32 bits and are stored as int64).
/// </remarks>
internal unsafe interface INumericOperator<TIn, TOut>
    where TIn : unmanaged
    where TOut : unmanaged
{
    TOut Invoke(TIn x, float a, float b, float c);

    Vector128<float> Invoke(Vector128<float> x, Vector128<float> a, Vector128<float> b, Vector128<float> c);

    Vector256<float> Invoke(Vector256<float> x, Vector256<float> a, Vector256<float> b, Vector256<float> c);

    Vector512<float> Invoke(Vector512<float> x, Vector512<float> a, Vector512<float> b, Vector512<float> c);

    static abstract Vector128<float> Load128(TIn* source);

    static abstract Vector256<float> Load256(TIn* source);

    static abstract Vector512<float> Load512(TIn* source);

    static abstract void Store(Vector128<float> value, TOut* destination);

    static abstract void Store(Vector256<float> value, TOut* destination);

    static abstract void Store(Vector512<float> value, TOut* destination);
}

/// <summary>An operator from float to float: loads and stores are plain float lanes, so only the math is written.</summary>
internal unsafe interface IFloatOperator : INumericOperator<float, float>
{
    static Vector128<float> INumericOperator<float, float>.Load128(float* source) => Lanes.Load128(source);

    static Vector256<float> INumericOperator<float, float>.Load256(float* source) => Lanes.Load256(source);

    static Vector512<float> INumericOperator<float, float>.Load512(float* source) => Lanes.Load512(source);

    static void INumericOperator<float, float>.Store(Vector128<float> value, float* destination) => Lanes.Store(value, destination);

    static void INumericOperator<float, float>.Store(Vector256<float> value, float* destination) => Lanes.Store(value, destination);

    static void INumericOperator<float, float>.Store(Vector512<float> value, float* destination) => Lanes.Store(value, destination);
}

/// <summary>
/// An operator from bytes (8-bit pixels) to float: a vector's worth of bytes (4, 8 or 16) is widened to float lanes
/// (exact: 0..255) and the lanes are stored as floats, so only the math is written.
/// </summary>
internal unsafe interface IByteOperator : INumericOperator<byte, float>
{
    static Vector128<float> INumericOperator<byte, float>.Load128(byte* source) => Lanes.Widen128(source);

    static Vector256<float> INumericOperator<byte, float>.Load256(byte* source) => Lanes.Widen256(source);

    static Vector512<float> INumericOperator<byte, float>.Load512(byte* source) => Lanes.Widen512(source);

    static void INumericOperator<byte, float>.Store(Vector128<float> value, float* destination) => Lanes.Store(value, destination);

    static void INumericOperator<byte, float>.Store(Vector256<float> value, float* destination) => Lanes.Store(value, destination);

    static void INumericOperator<byte, float>.Store(Vector512<float> value, float* destination) => Lanes.Store(value, destination);
}

/// <summary>
/// An operator's constants by phase. One phase: three scalars. Several: three patterns, each holding
/// <see cref="PatternLength"/> values (the per-phase values repeated), so the constants of a vector whose first
/// element has phase <c>p</c> are the pattern's elements <c>p .. p + lanes - 1</c>, one unaligned load, and so are
/// those of the vectors after it in a block (<see cref="BlockVectors"/>): vector j of a block starting at phase p loads
/// at <c>p + j * lanes</c>, with no phase arithmetic per vector.
/// </summary>
internal readonly ref struct NumericConstants
{
    public NumericConstants(float a, float b, float c)
    {
        Period = 1;
        A0 = a;
        B0 = b;
        C0 = c;
    }

    public NumericConstants(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> c, int period)
    {
        Period = period;
        A = a;
        B = b;
        C = c;
        A0 = a[0];
        B0 = b[0];
        C0 = c[0];
    }

    public int Period { get; }

    public ReadOnlySpan<float> A { get; }

    public ReadOnlySpan<float> B { get; }

    public ReadOnlySpan<float> C { get; }

    public float A0 { get; }

    public float B0 { get; }

    public float C0 { get; }

    /// <summary>The length a pattern needs for a block of vectors of <paramref name="lanes"/> starting at any phase.</summary>
    public static int PatternLength(int period, int lanes) => period - 1 + (lanes * BlockVectors(period, lanes));

    /// <summary>
    /// Vectors per block of the driver's loop when <paramref name="period"/> does not divide <paramref name="lanes"/>
    /// (1 when it does: every vector has the same constants). A period up to the lane count takes the fewest vectors
    /// that span whole periods (3 for RGB at any width), so every block starts at the same phase; a longer one takes
    /// blocks of 4 vectors and moves the phase once per block.
    /// </summary>
    /// <remarks>
    /// The fewest vectors v with <c>v * lanes % period == 0</c> is <c>period / gcd(period, lanes)</c>; lanes being a
    /// power of two at least the period, that is the period without its factors of two (no division: small calls count).
    /// </remarks>
    public static int BlockVectors(int period, int lanes) => period > lanes ? 4 : period >> BitOperations.TrailingZeroCount(period);

    /// <summary>Repeats <paramref name="values"/> (one per phase) into <paramref name="pattern"/>.</summary>
    public static void Repeat(ReadOnlySpan<float> values, Span<float> pattern)
    {
        for (int i = 0, p = 0; i < pattern.Length; i++)
        {
            pattern[i] = values[p];
            p = p + 1 == values.Length ? 0 : p + 1;
        }
    }
}

/// <summary>
/// The one driver of the numeric kernels, as TensorPrimitives' <c>InvokeSpanIntoSpan</c>: for inputs of at least one
/// vector, the first and the last vector are computed before anything is stored (so <c>output</c> may be
/// <c>input</c> itself), the destination is aligned to the vector size, the body runs four vectors per iteration, the
/// rest one at a time, and the tail is the last vector of the span, overlapping the body (no scalar remainder). Shorter
/// inputs, and <see cref="SimdWidth.Scalar"/>, run the operator's scalar formula.
/// </summary>
/// <remarks>
/// Non-temporal stores (TensorPrimitives uses them above 256 KB) are left out on purpose: measured on the
/// 1M-float Normalization they were slower (docs/benchmarks.md), the data being L3-resident.
/// </remarks>
internal static unsafe class NumericDriver
{
    public static void Run<TIn, TOut, TOp>(ReadOnlySpan<TIn> input, Span<TOut> output, TOp op, scoped in NumericConstants k, SimdWidth width)
        where TIn : unmanaged
        where TOut : unmanaged
        where TOp : INumericOperator<TIn, TOut>, allows ref struct
    {
        CheckOverlap(input, output);
        CheckPatterns(k, (int)width, input.Length);
        nuint n = (nuint)input.Length;
        fixed (TIn* x = input)
        fixed (TOut* y = output)
        {
            if (width == SimdWidth.V512 && n >= 16)
            {
                Run512(x, y, n, op, k);
            }
            else if (width == SimdWidth.V256 && n >= 8)
            {
                Run256(x, y, n, op, k);
            }
            else if (width == SimdWidth.V128 && n >= 4)
            {
                Run128(x, y, n, op, k);
            }
            else
            {
                RunScalar(x, y, n, op, k);
            }
        }
    }

    private static void RunScalar<TIn, TOut, TOp>(TIn* x, TOut* y, nuint n, TOp op, scoped in NumericConstants k)
        where TIn : unmanaged
        where TOut : unmanaged
        where TOp : INumericOperator<TIn, TOut>, allows ref struct
    {
        if (k.Period == 1)
        {
            for (nuint i = 0; i < n; i++)
            {
                y[i] = op.Invoke(x[i], k.A0, k.B0, k.C0);
            }

            return;
        }

        for (nuint i = 0, p = 0; i < n; i++)
        {
            y[i] = op.Invoke(x[i], k.A[(int)p], k.B[(int)p], k.C[(int)p]);
            p = p + 1 == (nuint)k.Period ? 0 : p + 1;
        }
    }

    /// <summary>Elements to skip so that <c>y + skip</c> is aligned to <paramref name="bytes"/> (0 when y is not even element-aligned).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nuint Misalignment<TOut>(TOut* y, nuint bytes)
        where TOut : unmanaged
    {
        nuint address = (nuint)y;
        return address % (nuint)sizeof(TOut) != 0 ? 0 : ((bytes - (address % bytes)) % bytes) / (nuint)sizeof(TOut);
    }

    private static void Run128<TIn, TOut, TOp>(TIn* x, TOut* y, nuint n, TOp op, scoped in NumericConstants k)
        where TIn : unmanaged
        where TOut : unmanaged
        where TOp : INumericOperator<TIn, TOut>, allows ref struct
    {
        const int L = 4;
        nuint period = (nuint)k.Period;
        ref float a = ref MemoryMarshal.GetReference(k.A);
        ref float b = ref MemoryMarshal.GetReference(k.B);
        ref float c = ref MemoryMarshal.GetReference(k.C);
        bool uniform = period == 1;
        nuint last = n - L;
        nuint lastPhase = uniform ? 0 : last % period;
        Vector128<float> beg = uniform
            ? op.Invoke(TOp.Load128(x), Vector128.Create(k.A0), Vector128.Create(k.B0), Vector128.Create(k.C0))
            : op.Invoke(TOp.Load128(x), Vector128.LoadUnsafe(ref a), Vector128.LoadUnsafe(ref b), Vector128.LoadUnsafe(ref c));
        Vector128<float> end = uniform
            ? op.Invoke(TOp.Load128(x + last), Vector128.Create(k.A0), Vector128.Create(k.B0), Vector128.Create(k.C0))
            : op.Invoke(TOp.Load128(x + last), Vector128.LoadUnsafe(ref a, lastPhase), Vector128.LoadUnsafe(ref b, lastPhase), Vector128.LoadUnsafe(ref c, lastPhase));
        nuint i = Misalignment(y, (nuint)Vector128<byte>.Count);
        nuint phase = uniform ? 0 : i % period;
        if (uniform || L % period == 0)
        {
            // The constants of every vector are the same: hoisted.
            Vector128<float> va = uniform ? Vector128.Create(k.A0) : Vector128.LoadUnsafe(ref a, phase);
            Vector128<float> vb = uniform ? Vector128.Create(k.B0) : Vector128.LoadUnsafe(ref b, phase);
            Vector128<float> vc = uniform ? Vector128.Create(k.C0) : Vector128.LoadUnsafe(ref c, phase);
            for (; i + (4 * L) <= n; i += 4 * L)
            {
                Vector128<float> r0 = op.Invoke(TOp.Load128(x + i), va, vb, vc);
                Vector128<float> r1 = op.Invoke(TOp.Load128(x + i + L), va, vb, vc);
                Vector128<float> r2 = op.Invoke(TOp.Load128(x + i + (2 * L)), va, vb, vc);
                Vector128<float> r3 = op.Invoke(TOp.Load128(x + i + (3 * L)), va, vb, vc);
                TOp.Store(r0, y + i);
                TOp.Store(r1, y + i + L);
                TOp.Store(r2, y + i + (2 * L));
                TOp.Store(r3, y + i + (3 * L));
            }

            for (; i + L <= n; i += L)
            {
                TOp.Store(op.Invoke(TOp.Load128(x + i), va, vb, vc), y + i);
            }
        }
        else
        {
            // Blocks of vectors whose constants lie one after another in the patterns, so no phase arithmetic per
            // vector (the JIT kept the phase in memory: a store-to-load chain per vector). Three vectors per block (3
            // features, RGB at any width) hold their constants in registers: an inner loop of three trips measured
            // about 2x slower (docs/benchmarks.md, "Image kernels").
            nuint vectors = (nuint)NumericConstants.BlockVectors(k.Period, L);
            if (vectors == 3)
            {
                Vector128<float> a0 = Vector128.LoadUnsafe(ref a, phase), a1 = Vector128.LoadUnsafe(ref a, phase + L), a2 = Vector128.LoadUnsafe(ref a, phase + (2 * L));
                Vector128<float> b0 = Vector128.LoadUnsafe(ref b, phase), b1 = Vector128.LoadUnsafe(ref b, phase + L), b2 = Vector128.LoadUnsafe(ref b, phase + (2 * L));
                Vector128<float> c0 = Vector128.LoadUnsafe(ref c, phase), c1 = Vector128.LoadUnsafe(ref c, phase + L), c2 = Vector128.LoadUnsafe(ref c, phase + (2 * L));
                for (; i + (3 * L) <= n; i += 3 * L)
                {
                    Vector128<float> r0 = op.Invoke(TOp.Load128(x + i), a0, b0, c0);
                    Vector128<float> r1 = op.Invoke(TOp.Load128(x + i + L), a1, b1, c1);
                    Vector128<float> r2 = op.Invoke(TOp.Load128(x + i + (2 * L)), a2, b2, c2);
                    TOp.Store(r0, y + i);
                    TOp.Store(r1, y + i + L);
                    TOp.Store(r2, y + i + (2 * L));
                }
            }

            nuint block = vectors * L;
            nuint advance = block % period;
            for (; i + block <= n; i += block)
            {
                ref float pa = ref Unsafe.Add(ref a, phase);
                ref float pb = ref Unsafe.Add(ref b, phase);
                ref float pc = ref Unsafe.Add(ref c, phase);
                for (nuint j = 0; j < block; j += L)
                {
                    TOp.Store(op.Invoke(TOp.Load128(x + i + j), Vector128.LoadUnsafe(ref pa, j), Vector128.LoadUnsafe(ref pb, j), Vector128.LoadUnsafe(ref pc, j)), y + i + j);
                }

                phase += advance;
                phase = phase >= period ? phase - period : phase;
            }

            for (; i + L <= n; i += L, phase += L)
            {
                TOp.Store(op.Invoke(TOp.Load128(x + i), Vector128.LoadUnsafe(ref a, phase), Vector128.LoadUnsafe(ref b, phase), Vector128.LoadUnsafe(ref c, phase)), y + i);
            }
        }

        TOp.Store(end, y + last);
        TOp.Store(beg, y);
    }

    private static void Run256<TIn, TOut, TOp>(TIn* x, TOut* y, nuint n, TOp op, scoped in NumericConstants k)
        where TIn : unmanaged
        where TOut : unmanaged
        where TOp : INumericOperator<TIn, TOut>, allows ref struct
    {
        const int L = 8;
        nuint period = (nuint)k.Period;
        ref float a = ref MemoryMarshal.GetReference(k.A);
        ref float b = ref MemoryMarshal.GetReference(k.B);
        ref float c = ref MemoryMarshal.GetReference(k.C);
        bool uniform = period == 1;
        nuint last = n - L;
        nuint lastPhase = uniform ? 0 : last % period;
        Vector256<float> beg = uniform
            ? op.Invoke(TOp.Load256(x), Vector256.Create(k.A0), Vector256.Create(k.B0), Vector256.Create(k.C0))
            : op.Invoke(TOp.Load256(x), Vector256.LoadUnsafe(ref a), Vector256.LoadUnsafe(ref b), Vector256.LoadUnsafe(ref c));
        Vector256<float> end = uniform
            ? op.Invoke(TOp.Load256(x + last), Vector256.Create(k.A0), Vector256.Create(k.B0), Vector256.Create(k.C0))
            : op.Invoke(TOp.Load256(x + last), Vector256.LoadUnsafe(ref a, lastPhase), Vector256.LoadUnsafe(ref b, lastPhase), Vector256.LoadUnsafe(ref c, lastPhase));
        nuint i = Misalignment(y, (nuint)Vector256<byte>.Count);
        nuint phase = uniform ? 0 : i % period;
        if (uniform || L % period == 0)
        {
            Vector256<float> va = uniform ? Vector256.Create(k.A0) : Vector256.LoadUnsafe(ref a, phase);
            Vector256<float> vb = uniform ? Vector256.Create(k.B0) : Vector256.LoadUnsafe(ref b, phase);
            Vector256<float> vc = uniform ? Vector256.Create(k.C0) : Vector256.LoadUnsafe(ref c, phase);
            for (; i + (4 * L) <= n; i += 4 * L)
            {
                Vector256<float> r0 = op.Invoke(TOp.Load256(x + i), va, vb, vc);
                Vector256<float> r1 = op.Invoke(TOp.Load256(x + i + L), va, vb, vc);
                Vector256<float> r2 = op.Invoke(TOp.Load256(x + i + (2 * L)), va, vb, vc);
                Vector256<float> r3 = op.Invoke(TOp.Load256(x + i + (3 * L)), va, vb, vc);
                TOp.Store(r0, y + i);
                TOp.Store(r1, y + i + L);
                TOp.Store(r2, y + i + (2 * L));
                TOp.Store(r3, y + i + (3 * L));
            }

            for (; i + L <= n; i += L)
            {
                TOp.Store(op.Invoke(TOp.Load256(x + i), va, vb, vc), y + i);
            }
        }
        else
        {
            nuint vectors = (nuint)NumericConstants.BlockVectors(k.Period, L);
            if (vectors == 3)
            {
                Vector256<float> a0 = Vector256.LoadUnsafe(ref a, phase), a1 = Vector256.LoadUnsafe(ref a, phase + L), a2 = Vector256.LoadUnsafe(ref a, phase + (2 * L));
                Vector256<float> b0 = Vector256.LoadUnsafe(ref b, phase), b1 = Vector256.LoadUnsafe(ref b, phase + L), b2 = Vector256.LoadUnsafe(ref b, phase + (2 * L));
                Vector256<float> c0 = Vector256.LoadUnsafe(ref c, phase), c1 = Vector256.LoadUnsafe(ref c, phase + L), c2 = Vector256.LoadUnsafe(ref c, phase + (2 * L));
                for (; i + (3 * L) <= n; i += 3 * L)
                {
                    Vector256<float> r0 = op.Invoke(TOp.Load256(x + i), a0, b0, c0);
                    Vector256<float> r1 = op.Invoke(TOp.Load256(x + i + L), a1, b1, c1);
                    Vector256<float> r2 = op.Invoke(TOp.Load256(x + i + (2 * L)), a2, b2, c2);
                    TOp.Store(r0, y + i);
                    TOp.Store(r1, y + i + L);
                    TOp.Store(r2, y + i + (2 * L));
                }
            }

            nuint block = vectors * L;
            nuint advance = block % period;
            for (; i + block <= n; i += block)
            {
                ref float pa = ref Unsafe.Add(ref a, phase);
                ref float pb = ref Unsafe.Add(ref b, phase);
                ref float pc = ref Unsafe.Add(ref c, phase);
                for (nuint j = 0; j < block; j += L)
                {
                    TOp.Store(op.Invoke(TOp.Load256(x + i + j), Vector256.LoadUnsafe(ref pa, j), Vector256.LoadUnsafe(ref pb, j), Vector256.LoadUnsafe(ref pc, j)), y + i + j);
                }

                phase += advance;
                phase = phase >= period ? phase - period : phase;
            }

            for (; i + L <= n; i += L, phase += L)
            {
                TOp.Store(op.Invoke(TOp.Load256(x + i), Vector256.LoadUnsafe(ref a, phase), Vector256.LoadUnsafe(ref b, phase), Vector256.LoadUnsafe(ref c, phase)), y + i);
            }
        }

        TOp.Store(end, y + last);
        TOp.Store(beg, y);
    }

    private static void Run512<TIn, TOut, TOp>(TIn* x, TOut* y, nuint n, TOp op, scoped in NumericConstants k)
        where TIn : unmanaged
        where TOut : unmanaged
        where TOp : INumericOperator<TIn, TOut>, allows ref struct
    {
        const int L = 16;
        nuint period = (nuint)k.Period;
        ref float a = ref MemoryMarshal.GetReference(k.A);
        ref float b = ref MemoryMarshal.GetReference(k.B);
        ref float c = ref MemoryMarshal.GetReference(k.C);
        bool uniform = period == 1;
        nuint last = n - L;
        nuint lastPhase = uniform ? 0 : last % period;
        Vector512<float> beg = uniform
            ? op.Invoke(TOp.Load512(x), Vector512.Create(k.A0), Vector512.Create(k.B0), Vector512.Create(k.C0))
            : op.Invoke(TOp.Load512(x), Vector512.LoadUnsafe(ref a), Vector512.LoadUnsafe(ref b), Vector512.LoadUnsafe(ref c));
        Vector512<float> end = uniform
            ? op.Invoke(TOp.Load512(x + last), Vector512.Create(k.A0), Vector512.Create(k.B0), Vector512.Create(k.C0))
            : op.Invoke(TOp.Load512(x + last), Vector512.LoadUnsafe(ref a, lastPhase), Vector512.LoadUnsafe(ref b, lastPhase), Vector512.LoadUnsafe(ref c, lastPhase));
        nuint i = Misalignment(y, (nuint)Vector512<byte>.Count);
        nuint phase = uniform ? 0 : i % period;
        if (uniform || L % period == 0)
        {
            Vector512<float> va = uniform ? Vector512.Create(k.A0) : Vector512.LoadUnsafe(ref a, phase);
            Vector512<float> vb = uniform ? Vector512.Create(k.B0) : Vector512.LoadUnsafe(ref b, phase);
            Vector512<float> vc = uniform ? Vector512.Create(k.C0) : Vector512.LoadUnsafe(ref c, phase);
            for (; i + (4 * L) <= n; i += 4 * L)
            {
                Vector512<float> r0 = op.Invoke(TOp.Load512(x + i), va, vb, vc);
                Vector512<float> r1 = op.Invoke(TOp.Load512(x + i + L), va, vb, vc);
                Vector512<float> r2 = op.Invoke(TOp.Load512(x + i + (2 * L)), va, vb, vc);
                Vector512<float> r3 = op.Invoke(TOp.Load512(x + i + (3 * L)), va, vb, vc);
                TOp.Store(r0, y + i);
                TOp.Store(r1, y + i + L);
                TOp.Store(r2, y + i + (2 * L));
                TOp.Store(r3, y + i + (3 * L));
            }

            for (; i + L <= n; i += L)
            {
                TOp.Store(op.Invoke(TOp.Load512(x + i), va, vb, vc), y + i);
            }
        }
        else
        {
            nuint vectors = (nuint)NumericConstants.BlockVectors(k.Period, L);
            if (vectors == 3)
            {
                Vector512<float> a0 = Vector512.LoadUnsafe(ref a, phase), a1 = Vector512.LoadUnsafe(ref a, phase + L), a2 = Vector512.LoadUnsafe(ref a, phase + (2 * L));
                Vector512<float> b0 = Vector512.LoadUnsafe(ref b, phase), b1 = Vector512.LoadUnsafe(ref b, phase + L), b2 = Vector512.LoadUnsafe(ref b, phase + (2 * L));
                Vector512<float> c0 = Vector512.LoadUnsafe(ref c, phase), c1 = Vector512.LoadUnsafe(ref c, phase + L), c2 = Vector512.LoadUnsafe(ref c, phase + (2 * L));
                for (; i + (3 * L) <= n; i += 3 * L)
                {
                    Vector512<float> r0 = op.Invoke(TOp.Load512(x + i), a0, b0, c0);
                    Vector512<float> r1 = op.Invoke(TOp.Load512(x + i + L), a1, b1, c1);
                    Vector512<float> r2 = op.Invoke(TOp.Load512(x + i + (2 * L)), a2, b2, c2);
                    TOp.Store(r0, y + i);
                    TOp.Store(r1, y + i + L);
                    TOp.Store(r2, y + i + (2 * L));
                }
            }

            nuint block = vectors * L;
            nuint advance = block % period;
            for (; i + block <= n; i += block)
            {
                ref float pa = ref Unsafe.Add(ref a, phase);
                ref float pb = ref Unsafe.Add(ref b, phase);
                ref float pc = ref Unsafe.Add(ref c, phase);
                for (nuint j = 0; j < block; j += L)
                {
                    TOp.Store(op.Invoke(TOp.Load512(x + i + j), Vector512.LoadUnsafe(ref pa, j), Vector512.LoadUnsafe(ref pb, j), Vector512.LoadUnsafe(ref pc, j)), y + i + j);
                }

                phase += advance;
                phase = phase >= period ? phase - period : phase;
            }

            for (; i + L <= n; i += L, phase += L)
            {
                TOp.Store(op.Invoke(TOp.Load512(x + i), Vector512.LoadUnsafe(ref a, phase), Vector512.LoadUnsafe(ref b, phase), Vector512.LoadUnsafe(ref c, phase)), y + i);
            }
        }

        TOp.Store(end, y + last);
        TOp.Store(beg, y);
    }

    /// <summary>The vector loops read the patterns unchecked: a pattern shorter than its block needs is refused here.</summary>
    private static void CheckPatterns(scoped in NumericConstants k, int lanes, int length)
    {
        if (k.Period > 1 && lanes > 1 && length >= lanes
            && Math.Min(k.A.Length, Math.Min(k.B.Length, k.C.Length)) < NumericConstants.PatternLength(k.Period, lanes))
        {
            throw new ArgumentException($"Constant patterns of period {k.Period} need {NumericConstants.PatternLength(k.Period, lanes)} values at {lanes} lanes.", nameof(k));
        }
    }

    /// <summary>
    /// The output may be the input itself (same first element) but no other overlap: with a shifted overlap the
    /// vectors would read elements already written. TensorPrimitives rejects the same case.
    /// </summary>
    private static void CheckOverlap<TIn, TOut>(ReadOnlySpan<TIn> input, Span<TOut> output)
        where TIn : unmanaged
        where TOut : unmanaged
    {
        ReadOnlySpan<byte> x = MemoryMarshal.AsBytes(input);
        ReadOnlySpan<byte> y = MemoryMarshal.AsBytes((ReadOnlySpan<TOut>)output).Slice(0, Math.Min(output.Length, input.Length) * sizeof(TOut));
        if (x.Overlaps(y, out int offset) && (offset != 0 || sizeof(TIn) != sizeof(TOut)))
        {
            throw new ArgumentException("The destination overlaps the input other than as the same span.", nameof(output));
        }
    }
}

/// <summary>Loads and stores of float lanes, and loads of bytes widened to float lanes, shared by the operators.</summary>
internal static unsafe class Lanes
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Load128(float* x) => Vector128.Load(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Load256(float* x) => Vector256.Load(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Load512(float* x) => Vector512.Load(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector128<float> value, float* y) => value.Store(y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<float> value, float* y) => value.Store(y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<float> value, float* y) => value.Store(y);

    /// <summary>4 bytes zero-extended to int32 and converted (exact); reads only those 4 bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Widen128(byte* x)
    {
        Vector128<byte> bytes = Vector128.CreateScalar(Unsafe.ReadUnaligned<uint>(x)).AsByte();
        return Vector128.ConvertToSingle(Vector128.WidenLower(Vector128.WidenLower(bytes)).AsInt32());
    }

    /// <summary>8 bytes to 8 float lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Widen256(byte* x)
    {
        Vector128<ushort> shorts = Vector128.WidenLower(Vector128.CreateScalar(Unsafe.ReadUnaligned<ulong>(x)).AsByte());
        return Vector256.ConvertToSingle(Vector256.WidenLower(shorts.ToVector256Unsafe()).AsInt32());
    }

    /// <summary>16 bytes to 16 float lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Widen512(byte* x)
    {
        Vector256<ushort> shorts = Vector256.WidenLower(Vector128.Load(x).ToVector256Unsafe());
        return Vector512.ConvertToSingle(Vector512.WidenLower(shorts.ToVector512Unsafe()).AsInt32());
    }
}
