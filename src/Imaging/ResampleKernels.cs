using System.Runtime.CompilerServices;
using PrepGen.Runtime;

namespace PrepGen.Imaging;

/// <summary>Resampling and plain conversion of HWC rows, for uint8 or float sources.</summary>
internal static unsafe class ResampleKernels
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Load<T>(T* p)
        where T : unmanaged
        => typeof(T) == typeof(byte) ? *(byte*)p : *(float*)p;

    /// <summary>Converts <paramref name="count"/> source values to float.</summary>
    public static void Convert<T>(T* src, float* dst, int count, SimdWidth width)
        where T : unmanaged
    {
        if (typeof(T) == typeof(byte))
        {
            PointwiseKernels.BytesToFloats((byte*)src, dst, count, width);
        }
        else
        {
            Unsafe.CopyBlockUnaligned(dst, src, (uint)count * sizeof(float));
        }
    }

    /// <summary>Writes output row <paramref name="y"/> of <paramref name="map"/> (HWC, OutW * c floats).</summary>
    public static void Row<T>(T* src, int srcW, int c, ResampleMap map, int y, float* dst, SimdWidth width)
        where T : unmanaged
    {
        int outW = map.OutW;
        if (map.IsCopy)
        {
            Convert(src + ((((long)(y + map.OffY) * srcW) + map.OffX) * c), dst, outW * c, width);
            return;
        }

        float fill = map.Fill;
        int[] x0s = map.X0;
        int[] x1s = map.X1;
        float[] xls = map.XL;
        int ry0 = map.Y0[y];
        T* r0 = ry0 >= 0 ? src + ((long)ry0 * srcW * c) : null;
        if (map.Nearest)
        {
            for (int x = 0; x < outW; x++)
            {
                int sx = x0s[x];
                for (int ch = 0; ch < c; ch++)
                {
                    dst[(x * c) + ch] = r0 != null && sx >= 0 ? Load(r0 + (sx * c) + ch) : fill;
                }
            }

            return;
        }

        int ry1 = map.Y1[y];
        T* r1 = ry1 >= 0 ? src + ((long)ry1 * srcW * c) : null;
        float yl = map.YL[y];
        if (!map.HasFill)
        {
            BilinearRow(r0, r1, yl, c, map, dst);
            return;
        }

        for (int x = 0; x < outW; x++)
        {
            int sx0 = x0s[x] * c;
            int sx1 = x1s[x] * c;
            float xl = xls[x];
            bool in0 = sx0 >= 0;
            bool in1 = sx1 >= 0;
            for (int ch = 0; ch < c; ch++)
            {
                float tl = r0 != null && in0 ? Load(r0 + sx0 + ch) : fill;
                float tr = r0 != null && in1 ? Load(r0 + sx1 + ch) : fill;
                float bl = r1 != null && in0 ? Load(r1 + sx0 + ch) : fill;
                float br = r1 != null && in1 ? Load(r1 + sx1 + ch) : fill;

                // TF compute_lerp, in float32 and in this order (no fused multiply-add).
                float top = tl + ((tr - tl) * xl);
                float bottom = bl + ((br - bl) * xl);
                dst[(x * c) + ch] = top + ((bottom - top) * yl);
            }
        }
    }

    /// <summary>Bilinear row without padding: no bounds tests, 3 channels unrolled.</summary>
    private static void BilinearRow<T>(T* r0, T* r1, float yl, int c, ResampleMap map, float* dst)
        where T : unmanaged
    {
        int outW = map.OutW;
        fixed (int* x0s = map.X0, x1s = map.X1)
        fixed (float* xls = map.XL)
        {
            if (c == 3)
            {
                for (int x = 0; x < outW; x++)
                {
                    int a = x0s[x] * 3;
                    int b = x1s[x] * 3;
                    float xl = xls[x];
                    float* o = dst + (x * 3);
                    o[0] = Lerp2(r0 + a, r0 + b, r1 + a, r1 + b, xl, yl);
                    o[1] = Lerp2(r0 + a + 1, r0 + b + 1, r1 + a + 1, r1 + b + 1, xl, yl);
                    o[2] = Lerp2(r0 + a + 2, r0 + b + 2, r1 + a + 2, r1 + b + 2, xl, yl);
                }

                return;
            }

            for (int x = 0; x < outW; x++)
            {
                int a = x0s[x] * c;
                int b = x1s[x] * c;
                float xl = xls[x];
                for (int ch = 0; ch < c; ch++)
                {
                    dst[(x * c) + ch] = Lerp2(r0 + a + ch, r0 + b + ch, r1 + a + ch, r1 + b + ch, xl, yl);
                }
            }
        }
    }

    // TF compute_lerp, in float32 and in this order (no fused multiply-add).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Lerp2<T>(T* tl, T* tr, T* bl, T* br, float xl, float yl)
        where T : unmanaged
    {
        float vtl = Load(tl);
        float vbl = Load(bl);
        float top = vtl + ((Load(tr) - vtl) * xl);
        float bottom = vbl + ((Load(br) - vbl) * xl);
        return top + ((bottom - top) * yl);
    }
}
