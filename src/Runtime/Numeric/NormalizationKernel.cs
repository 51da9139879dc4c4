using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace PrepGen.Runtime;

/// <summary>
/// Keras <c>Normalization</c> over row-major input (docs/keras-semantics.md, "Normalization"), in float32:
/// <c>y = (x - mean) / denominator</c>, or <c>y = mean + x * denominator</c> with <c>invert</c>, where the
/// generator bakes <c>denominator = max(sqrt(float32(variance)), 1e-7f)</c>. The result is Keras's division, bit for
/// bit; the invert form is two roundings, never a fused multiply-add (.NET's JIT does not contract <c>a * b + c</c>).
/// </summary>
/// <remarks>
/// <para>
/// The division is computed without a divide instruction where that is provably the same number (Markstein's
/// method, as Itanium and several libms divide). Per feature, once per call: <c>r = 1/d</c> correctly rounded and
/// <c>delta = fma(d, r, -1)</c> (exact). Per element, with <c>t = x - mean</c>: <c>q0 = t*r</c>, the residual
/// <c>e = fma(-q0, d, t)</c> (exact), <c>q = fma(e, r, q0)</c>. When <c>|delta| &lt;= 2^-25</c>, q0 is within one ulp of
/// t/d (|t/d - t*r| &lt; half an ulp, plus half an ulp of rounding), and <c>t*r + e*r = t/d + delta*(t/d - q0)</c> lies
/// within <c>2^-25</c> ulp of t/d while a quotient of two floats is at least <c>2^-24/d</c> ulp (d's significand in
/// [1,2)) from any rounding midpoint, so q rounds as t/d does: q is the correctly rounded quotient. Otherwise a second
/// correction (<c>e1 = fma(-q, d, t)</c>, <c>q = fma(e1, r, q)</c>) runs: the first one leaves q within one ulp, and
/// Markstein's theorem (r within half an ulp of 1/d, q within one ulp) makes the second correctly rounded.
/// </para>
/// <para>
/// The theorem needs normal numbers throughout. A vector holding any t outside
/// <c>[max(2^-100, |d|*2^-125), min(float.MaxValue, |d|*2^126)]</c> (bounds taken over all features: zeros, the signs
/// of zero, subnormal or near-subnormal quotients, overflow, infinities, NaN) is divided instead, as is every call whose
/// denominators are not all in <c>[2^-120, 2^120]</c>, calls with fewer than <see cref="MinRowsForReciprocal"/> rows
/// (the per-feature reciprocals would cost as much as the divisions they save) and hardware without a fused multiply-add;
/// and the public kernel divides outright where the divider is not the bottleneck (<see cref="PreferReciprocal"/>).
/// </para>
/// </remarks>
public static partial class NormalizationKernel
{
    /// <summary>Fewest rows for which the kernel computes the per-feature reciprocals.</summary>
    internal const int MinRowsForReciprocal = 8;

    /// <summary>Floats of stack for the three constant patterns; more features rent from the array pool.</summary>
    private const int MaxStackPatterns = 1024;

    private static readonly float TwoToMinus125 = MathF.ScaleB(1f, -125);
    private static readonly float TwoToMinus120 = MathF.ScaleB(1f, -120);
    private static readonly float TwoToMinus100 = MathF.ScaleB(1f, -100);
    private static readonly float TwoToMinus25 = MathF.ScaleB(1f, -25);
    private static readonly float TwoTo120 = MathF.ScaleB(1f, 120);
    private static readonly float TwoTo126 = MathF.ScaleB(1f, 126);

    private static readonly bool FusedMultiplyAddIsFast = Fma.IsSupported || AdvSimd.IsSupported;

    /// <summary>
    /// Whether the public kernel takes the reciprocal path (both paths give the same bits). Measured
    /// (docs/benchmarks.md): on AMD the divider keeps up with memory at the best width, Zen 3 (AVX2: the division pass
    /// 1.1-1.4x a copy, the reciprocal path's five multiply-adds per vector 1.3-2.1x) and Zen 5 (AVX-512: 0.92-1.05x
    /// against 1.08-1.12x), so AMD divides. Elsewhere the reciprocal path is taken where the divider is the likely
    /// limit: Vector512 on Intel (<c>vdivps zmm</c> has half the lanes per cycle of <c>vdivps ymm</c>) and Arm64
    /// (its vector divide is not pipelined like its four FMA pipes). Unmeasured on those two here: a policy, not a
    /// measurement.
    /// </summary>
    internal static readonly bool PreferReciprocal = (Vector512.IsHardwareAccelerated && !IsAmd()) || AdvSimd.Arm64.IsSupported;

    /// <summary>Whether the CPU says "AuthenticAMD" (CPUID leaf 0: the vendor string in EBX, EDX, ECX).</summary>
    internal static bool IsAmd()
    {
        if (!X86Base.IsSupported)
        {
            return false;
        }

        (int _, int ebx, int ecx, int edx) = X86Base.CpuId(0, 0);
        return ebx == 0x68747541 && edx == 0x69746E65 && ecx == 0x444D4163; // "Auth" "enti" "cAMD"
    }

    /// <summary>
    /// <c>output[i] = (input[i] - mean[i % f]) / denominator[i % f]</c> with <c>f = mean.Length</c>: the input is
    /// whole rows of f features. Throws <see cref="ArgumentException"/> when it is not, or when
    /// <paramref name="output"/> is shorter than <paramref name="input"/> or overlaps it other than as the same span;
    /// elements past the input's length are left untouched.
    /// </summary>
    public static void Normalize(ReadOnlySpan<float> input, Span<float> output, ReadOnlySpan<float> mean, ReadOnlySpan<float> denominator) =>
        Run(input, output, mean, denominator, invert: false, SimdPaths.Best, PreferReciprocal);

    /// <summary>The inverse: <c>output[i] = mean[i % f] + input[i] * denominator[i % f]</c>.</summary>
    public static void Denormalize(ReadOnlySpan<float> input, Span<float> output, ReadOnlySpan<float> mean, ReadOnlySpan<float> denominator) =>
        Run(input, output, mean, denominator, invert: true, SimdPaths.Best);

    /// <summary>At a forced width, taking the reciprocal path wherever it applies (what the tests check at every width).</summary>
    internal static void Run(ReadOnlySpan<float> input, Span<float> output, ReadOnlySpan<float> mean, ReadOnlySpan<float> denominator, bool invert, SimdWidth width) =>
        Run(input, output, mean, denominator, invert, width, reciprocal: true);

    /// <summary>As the public kernels at a forced width; <paramref name="reciprocal"/> false forces the division (the benchmarks' reference, same driver).</summary>
    [SkipLocalsInit]
    internal static void Run(ReadOnlySpan<float> input, Span<float> output, ReadOnlySpan<float> mean, ReadOnlySpan<float> denominator, bool invert, SimdWidth width, bool reciprocal)
    {
        int features = CheckConstants(mean, denominator);
        CheckSpans(input, output, features);
        int lanes = (int)width;
        if (lanes == 1 || input.Length < lanes)
        {
            // Scalar: the per-feature arrays are the patterns (phase p reads element p only).
            Dispatch(input, output, invert ? Path.Denormalize : Path.Divide, new NumericConstants(mean, denominator, denominator, features), 0, 0, SimdWidth.Scalar);
            return;
        }

        int length = NumericConstants.PatternLength(features, lanes);
        float[]? rented = null;
        Span<float> space = 3 * length <= MaxStackPatterns
            ? stackalloc float[MaxStackPatterns]
            : (rented = ArrayPool<float>.Shared.Rent(3 * length));
        Span<float> m = space.Slice(0, length);
        Span<float> b = space.Slice(length, length);
        Span<float> c = space.Slice(2 * length, length);
        reciprocal &= input.Length >= MinRowsForReciprocal * features;
        Path path = Fill(mean, denominator, invert, reciprocal, m, b, c, out int shift, out int limit);
        Dispatch(input, output, path, new NumericConstants(m, b, IsReciprocal(path) ? c : b, features), shift, limit, width);
        if (rented is not null)
        {
            ArrayPool<float>.Shared.Return(rented);
        }
    }

    /// <summary>The number of features; throws unless there is one mean and one denominator per feature.</summary>
    private static int CheckConstants(ReadOnlySpan<float> mean, ReadOnlySpan<float> denominator)
    {
        if (mean.Length == 0 || denominator.Length != mean.Length)
        {
            throw new ArgumentException($"The layer needs one mean and one denominator per feature (got {mean.Length} and {denominator.Length}).", nameof(denominator));
        }

        return mean.Length;
    }

    private static void CheckSpans(ReadOnlySpan<float> input, Span<float> output, int features)
    {
        if (input.Length % features != 0)
        {
            throw new ArgumentException($"The input holds {input.Length} values, not whole rows of {features} features.", nameof(input));
        }

        if (output.Length < input.Length)
        {
            throw new ArgumentException($"The destination has {output.Length} elements but the layer writes {input.Length}.", nameof(output));
        }
    }

    /// <summary>
    /// Fills the patterns (<see cref="NumericConstants.PatternLength"/> values each; c only on the reciprocal path) and
    /// picks the path: the reciprocal one when <paramref name="reciprocal"/> allows it and the denominators are in range.
    /// </summary>
    private static Path Fill(ReadOnlySpan<float> mean, ReadOnlySpan<float> denominator, bool invert, bool reciprocal, Span<float> m, Span<float> b, Span<float> c, out int shift, out int limit)
    {
        int features = mean.Length;
        shift = limit = 0;
        NumericConstants.Repeat(mean, m);
        if (!invert && reciprocal && FusedMultiplyAddIsFast && Reciprocals(denominator, b, c, out bool twice, out shift, out limit))
        {
            NumericConstants.Repeat(b.Slice(0, features), b);
            NumericConstants.Repeat(c.Slice(0, features), c);
            return twice ? Path.ReciprocalTwice : Path.ReciprocalOnce;
        }

        NumericConstants.Repeat(denominator, b);
        return invert ? Path.Denormalize : Path.Divide;
    }

    private static bool IsReciprocal(Path path) => path is Path.ReciprocalOnce or Path.ReciprocalTwice;

    /// <summary>Runs the operator of <paramref name="path"/> (the division and the inverse read b only: pass it as c).</summary>
    private static void Dispatch(ReadOnlySpan<float> input, Span<float> output, Path path, scoped in NumericConstants k, int shift, int limit, SimdWidth width)
    {
        switch (path)
        {
            case Path.Denormalize:
                NumericDriver.Run(input, output, default(DenormalizeOperator), k, width);
                break;
            case Path.ReciprocalOnce:
                NumericDriver.Run(input, output, new ReciprocalOperator<Once>(shift, limit), k, width);
                break;
            case Path.ReciprocalTwice:
                NumericDriver.Run(input, output, new ReciprocalOperator<Twice>(shift, limit), k, width);
                break;
            default:
                NumericDriver.Run(input, output, default(DivideOperator), k, width);
                break;
        }
    }

    /// <summary>
    /// Per feature <c>r = 1/d</c> and <c>-d</c>; whether any feature needs the second correction; and the range of
    /// <c>|x - mean|</c> (as the int32 bias and limit of <see cref="ReciprocalOperator{T}"/>) inside which the
    /// reciprocal path is exact. False when some denominator is outside <c>[2^-120, 2^120]</c> (or NaN).
    /// </summary>
    internal static bool Reciprocals(ReadOnlySpan<float> denominator, Span<float> reciprocal, Span<float> negated, out bool twice, out int shift, out int limit)
    {
        float smallest = float.MaxValue;
        float largest = 0f;
        twice = false;
        for (int f = 0; f < denominator.Length; f++)
        {
            float d = denominator[f];
            float magnitude = MathF.Abs(d);
            if (!(magnitude >= TwoToMinus120 && magnitude <= TwoTo120))
            {
                shift = limit = 0;
                return false;
            }

            float r = 1f / d;
            float delta = MathF.FusedMultiplyAdd(d, r, -1f); // exact: d*r - 1 has at most 24 significant bits
            twice |= MathF.Abs(delta) > TwoToMinus25;
            reciprocal[f] = r;
            negated[f] = -d;
            smallest = MathF.Min(smallest, magnitude);
            largest = MathF.Max(largest, magnitude);
        }

        // |t| in [lo, hi] keeps t/d in [2^-125, 2^126] for every feature (q0, e, q normal and finite) and t above
        // 2^-100 (the residual's last bit stays above the subnormal grid, so fma(-q0, d, t) is exact).
        float lo = MathF.Max(TwoToMinus100, largest * TwoToMinus125);
        float hi = MathF.Min(float.MaxValue, smallest * TwoTo126);
        int loBits = BitConverter.SingleToInt32Bits(lo);
        int hiBits = BitConverter.SingleToInt32Bits(hi);
        shift = unchecked(int.MinValue - loBits);
        limit = unchecked(int.MinValue + (hiBits - loBits));
        return true;
    }

    /// <summary>Which operator a call runs.</summary>
    private enum Path
    {
        Divide,
        Denormalize,
        ReciprocalOnce,
        ReciprocalTwice,
    }

    /// <summary>Whether the reciprocal path takes the second correction.</summary>
    internal interface ICorrections
    {
        static abstract bool Second { get; }
    }

    internal readonly struct Once : ICorrections
    {
        public static bool Second => false;
    }

    internal readonly struct Twice : ICorrections
    {
        public static bool Second => true;
    }

    /// <summary><c>(x - mean) / d</c> as Keras computes it: a = mean, b = d.</summary>
    private readonly unsafe struct DivideOperator : IFloatOperator
    {
        public float Invoke(float x, float a, float b, float c)
        {
            float centered = x - a;
            return centered / b;
        }

        public Vector128<float> Invoke(Vector128<float> x, Vector128<float> a, Vector128<float> b, Vector128<float> c) => Vector128.Divide(x - a, b);

        public Vector256<float> Invoke(Vector256<float> x, Vector256<float> a, Vector256<float> b, Vector256<float> c) => Vector256.Divide(x - a, b);

        public Vector512<float> Invoke(Vector512<float> x, Vector512<float> a, Vector512<float> b, Vector512<float> c) => Vector512.Divide(x - a, b);
    }

    /// <summary><c>mean + x * d</c>, two roundings: a = mean, b = d.</summary>
    private readonly unsafe struct DenormalizeOperator : IFloatOperator
    {
        public float Invoke(float x, float a, float b, float c)
        {
            float scaled = x * b;
            return a + scaled;
        }

        public Vector128<float> Invoke(Vector128<float> x, Vector128<float> a, Vector128<float> b, Vector128<float> c) => a + (x * b);

        public Vector256<float> Invoke(Vector256<float> x, Vector256<float> a, Vector256<float> b, Vector256<float> c) => a + (x * b);

        public Vector512<float> Invoke(Vector512<float> x, Vector512<float> a, Vector512<float> b, Vector512<float> c) => a + (x * b);
    }

    /// <summary>
    /// Keras's division without a divide: a = mean, b = r = 1/d, c = -d (see the class remarks). A vector with any
    /// <c>|x - mean|</c> outside the exact range (int32 compare: <c>(bits &amp; 0x7FFFFFFF) + shift &gt; limit</c>, NaN included) is divided.
    /// </summary>
    private readonly unsafe struct ReciprocalOperator<T>(int shift, int limit) : IFloatOperator
        where T : ICorrections
    {
        private readonly int _shift = shift;
        private readonly int _limit = limit;

        public float Invoke(float x, float a, float b, float c)
        {
            float centered = x - a;
            return centered / -c;
        }

        public Vector128<float> Invoke(Vector128<float> x, Vector128<float> a, Vector128<float> b, Vector128<float> c)
        {
            Vector128<float> t = x - a;
            Vector128<float> q = t * b;
            Vector128<float> e = Vector128.FusedMultiplyAdd(q, c, t);
            q = Vector128.FusedMultiplyAdd(e, b, q);
            if (T.Second)
            {
                e = Vector128.FusedMultiplyAdd(q, c, t);
                q = Vector128.FusedMultiplyAdd(e, b, q);
            }

            Vector128<int> biased = (t.AsInt32() & Vector128.Create(int.MaxValue)) + Vector128.Create(_shift);
            return Vector128.GreaterThanAny(biased, Vector128.Create(_limit)) ? Vector128.Divide(t, -c) : q;
        }

        public Vector256<float> Invoke(Vector256<float> x, Vector256<float> a, Vector256<float> b, Vector256<float> c)
        {
            Vector256<float> t = x - a;
            Vector256<float> q = t * b;
            Vector256<float> e = Vector256.FusedMultiplyAdd(q, c, t);
            q = Vector256.FusedMultiplyAdd(e, b, q);
            if (T.Second)
            {
                e = Vector256.FusedMultiplyAdd(q, c, t);
                q = Vector256.FusedMultiplyAdd(e, b, q);
            }

            Vector256<int> biased = (t.AsInt32() & Vector256.Create(int.MaxValue)) + Vector256.Create(_shift);
            return Vector256.GreaterThanAny(biased, Vector256.Create(_limit)) ? Vector256.Divide(t, -c) : q;
        }

        public Vector512<float> Invoke(Vector512<float> x, Vector512<float> a, Vector512<float> b, Vector512<float> c)
        {
            Vector512<float> t = x - a;
            Vector512<float> q = t * b;
            Vector512<float> e = Vector512.FusedMultiplyAdd(q, c, t);
            q = Vector512.FusedMultiplyAdd(e, b, q);
            if (T.Second)
            {
                e = Vector512.FusedMultiplyAdd(q, c, t);
                q = Vector512.FusedMultiplyAdd(e, b, q);
            }

            Vector512<int> biased = (t.AsInt32() & Vector512.Create(int.MaxValue)) + Vector512.Create(_shift);
            return Vector512.GreaterThanAny(biased, Vector512.Create(_limit)) ? Vector512.Divide(t, -c) : q;
        }
    }
}
