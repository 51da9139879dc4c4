using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using PrepGen.Runtime;

namespace PrepGen.Imaging;

/// <summary>
/// RGBRGB... (HWC, 3 channels) to three planes (CHW), at any width: one blend and one permute per plane and vector.
/// </summary>
/// <remarks>
/// Channel k of pixel i is element <c>3i + k</c>: lane <c>(3i + k) % L</c> of loaded vector <c>(3i + k) / L</c>. As 3
/// and L (4, 8, 16) are coprime, one channel's L elements sit in L different lanes, so a blend of the three loaded
/// vectors gathers them, each in its own lane, and a permute (lane <c>(3i + k) % L</c> to lane i) puts them in pixel
/// order. The blend masks are the lanes <c>j</c> with <c>j % 3</c> = 0, 1, 2 (m0, m1, m2): lane j takes vector
/// <c>(k - j) mod 3</c> when <c>L % 3 == 1</c> (4, 16) and <c>(j - k) mod 3</c> when <c>L % 3 == 2</c> (8).
/// </remarks>
internal static unsafe class Deinterleave3
{
    /// <summary>Writes pixel i's channels to <c>c0[i]</c>, <c>c1[i]</c>, <c>c2[i]</c>; the planes must not overlap the input.</summary>
    public static void Run(float* hwc, float* c0, float* c1, float* c2, int pixels, SimdWidth width)
    {
        if (width == SimdWidth.V512 && pixels >= 16)
        {
            Vectors<Split512>(hwc, c0, c1, c2, pixels);
        }
        else if (width == SimdWidth.V256 && pixels >= 8)
        {
            Vectors<Split256>(hwc, c0, c1, c2, pixels);
        }
        else if (width == SimdWidth.V128 && pixels >= 4)
        {
            Vectors<Split128>(hwc, c0, c1, c2, pixels);
        }
        else
        {
            for (int i = 0; i < pixels; i++)
            {
                c0[i] = hwc[3 * i];
                c1[i] = hwc[(3 * i) + 1];
                c2[i] = hwc[(3 * i) + 2];
            }
        }
    }

    private static void Vectors<T>(float* hwc, float* c0, float* c1, float* c2, int pixels)
        where T : ISplit
    {
        int last = pixels - T.Lanes;
        for (int i = 0; i < last; i += T.Lanes)
        {
            T.Split(hwc + (3 * i), c0 + i, c1 + i, c2 + i);
        }

        // The vector of the last L pixels, overlapping the loop's last one (no scalar remainder): the planes are not
        // the input, so a pixel written twice gets the same value.
        T.Split(hwc + (3 * last), c0 + last, c1 + last, c2 + last);
    }

    /// <summary>One width: splits the 3 * <see cref="Lanes"/> floats at p into <see cref="Lanes"/> floats per plane.</summary>
    private interface ISplit
    {
        static abstract int Lanes { get; }

        static abstract void Split(float* p, float* c0, float* c1, float* c2);
    }

    private readonly struct Split128 : ISplit
    {
        public static int Lanes => 4;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Split(float* p, float* c0, float* c1, float* c2)
        {
            Vector128<float> x = Vector128.Load(p);
            Vector128<float> y = Vector128.Load(p + 4);
            Vector128<float> z = Vector128.Load(p + 8);
            Vector128<float> m0 = Vector128.Create(-1, 0, 0, -1).AsSingle();
            Vector128<float> m1 = Vector128.Create(0, -1, 0, 0).AsSingle();
            Vector128<float> m2 = Vector128.Create(0, 0, -1, 0).AsSingle();
            Vector128.Shuffle(Vector128.ConditionalSelect(m0, x, Vector128.ConditionalSelect(m2, y, z)), Vector128.Create(0, 3, 2, 1)).Store(c0);
            Vector128.Shuffle(Vector128.ConditionalSelect(m1, x, Vector128.ConditionalSelect(m0, y, z)), Vector128.Create(1, 0, 3, 2)).Store(c1);
            Vector128.Shuffle(Vector128.ConditionalSelect(m2, x, Vector128.ConditionalSelect(m1, y, z)), Vector128.Create(2, 1, 0, 3)).Store(c2);
        }
    }

    private readonly struct Split256 : ISplit
    {
        public static int Lanes => 8;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Split(float* p, float* c0, float* c1, float* c2)
        {
            Vector256<float> x = Vector256.Load(p);
            Vector256<float> y = Vector256.Load(p + 8);
            Vector256<float> z = Vector256.Load(p + 16);
            Vector256<float> m0 = Vector256.Create(-1, 0, 0, -1, 0, 0, -1, 0).AsSingle();
            Vector256<float> m1 = Vector256.Create(0, -1, 0, 0, -1, 0, 0, -1).AsSingle();
            Vector256<float> m2 = Vector256.Create(0, 0, -1, 0, 0, -1, 0, 0).AsSingle();
            Vector256.Shuffle(Vector256.ConditionalSelect(m0, x, Vector256.ConditionalSelect(m1, y, z)), Vector256.Create(0, 3, 6, 1, 4, 7, 2, 5)).Store(c0);
            Vector256.Shuffle(Vector256.ConditionalSelect(m1, x, Vector256.ConditionalSelect(m2, y, z)), Vector256.Create(1, 4, 7, 2, 5, 0, 3, 6)).Store(c1);
            Vector256.Shuffle(Vector256.ConditionalSelect(m2, x, Vector256.ConditionalSelect(m0, y, z)), Vector256.Create(2, 5, 0, 3, 6, 1, 4, 7)).Store(c2);
        }
    }

    private readonly struct Split512 : ISplit
    {
        public static int Lanes => 16;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Split(float* p, float* c0, float* c1, float* c2)
        {
            Vector512<float> x = Vector512.Load(p);
            Vector512<float> y = Vector512.Load(p + 16);
            Vector512<float> z = Vector512.Load(p + 32);
            Vector512<float> m0 = Vector512.Create(-1, 0, 0, -1, 0, 0, -1, 0, 0, -1, 0, 0, -1, 0, 0, -1).AsSingle();
            Vector512<float> m1 = Vector512.Create(0, -1, 0, 0, -1, 0, 0, -1, 0, 0, -1, 0, 0, -1, 0, 0).AsSingle();
            Vector512<float> m2 = Vector512.Create(0, 0, -1, 0, 0, -1, 0, 0, -1, 0, 0, -1, 0, 0, -1, 0).AsSingle();
            Vector512.Shuffle(Vector512.ConditionalSelect(m0, x, Vector512.ConditionalSelect(m2, y, z)), Vector512.Create(0, 3, 6, 9, 12, 15, 2, 5, 8, 11, 14, 1, 4, 7, 10, 13)).Store(c0);
            Vector512.Shuffle(Vector512.ConditionalSelect(m1, x, Vector512.ConditionalSelect(m0, y, z)), Vector512.Create(1, 4, 7, 10, 13, 0, 3, 6, 9, 12, 15, 2, 5, 8, 11, 14)).Store(c1);
            Vector512.Shuffle(Vector512.ConditionalSelect(m2, x, Vector512.ConditionalSelect(m1, y, z)), Vector512.Create(2, 5, 8, 11, 14, 1, 4, 7, 10, 13, 0, 3, 6, 9, 12, 15)).Store(c2);
        }
    }
}
