using System.Runtime.CompilerServices;

namespace PrepGen.Imaging;

/// <summary>Resampling and plain conversion of HWC rows, for uint8 or float sources.</summary>
internal static unsafe class ResampleKernels
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Load<T>(T* p)
        where T : unmanaged
        => typeof(T) == typeof(byte) ? *(byte*)p : *(float*)p;

    /// <summary>Converts <paramref name="count"/> source values to float.</summary>
    public static void Convert<T>(T* src, float* dst, int count)
        where T : unmanaged
    {
        if (typeof(T) == typeof(byte))
        {
            PointwiseKernels.BytesToFloats((byte*)src, dst, count);
        }
        else
        {
            Unsafe.CopyBlockUnaligned(dst, src, (uint)count * sizeof(float));
        }
    }

    /// <summary>Writes output row <paramref name="y"/> of <paramref name="map"/> (HWC, OutW * c floats).</summary>
    public static void Row<T>(T* src, int srcW, int c, ResampleMap map, int y, float* dst)
        where T : unmanaged
    {
        int outW = map.OutW;
        if (map.IsCopy)
        {
            Convert(src + ((((long)(y + map.OffY) * srcW) + map.OffX) * c), dst, outW * c);
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
}
