using System;
using System.Runtime.Intrinsics;

namespace PrepGen.Imaging;

/// <summary>
/// Element-wise ops on HWC float buffers, vectorized with Vector512 / Vector256. Each keeps Keras's
/// float32 operation order (separate multiply and add, true division), so results are bit-exact.
/// </summary>
internal static unsafe class PointwiseKernels
{
    /// <summary>uint8 to float32, 32 values per step.</summary>
    public static void BytesToFloats(byte* src, float* dst, int count)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= count - 32; i += 32)
            {
                var (lo, hi) = Vector256.Widen(Vector256.Load(src + i));
                var (a, b) = Vector256.Widen(lo);
                var (c, d) = Vector256.Widen(hi);
                Vector256.ConvertToSingle(a.AsInt32()).Store(dst + i);
                Vector256.ConvertToSingle(b.AsInt32()).Store(dst + i + 8);
                Vector256.ConvertToSingle(c.AsInt32()).Store(dst + i + 16);
                Vector256.ConvertToSingle(d.AsInt32()).Store(dst + i + 24);
            }
        }

        for (; i < count; i++)
        {
            dst[i] = src[i];
        }
    }

    /// <summary>x = x * scale + offset (Keras Rescaling: two float32 operations).</summary>
    public static void Rescale(float* p, int count, float scale, float offset)
    {
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var s = Vector512.Create(scale);
            var o = Vector512.Create(offset);
            for (; i <= count - 16; i += 16)
            {
                ((Vector512.Load(p + i) * s) + o).Store(p + i);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var s = Vector256.Create(scale);
            var o = Vector256.Create(offset);
            for (; i <= count - 8; i += 8)
            {
                ((Vector256.Load(p + i) * s) + o).Store(p + i);
            }
        }

        for (; i < count; i++)
        {
            p[i] = (p[i] * scale) + offset;
        }
    }

    /// <summary>x = clamp(x + delta, lo, hi) (RandomBrightness; delta 0 gives a plain clip).</summary>
    public static void AddClip(float* p, int count, float delta, float lo, float hi)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var d = Vector256.Create(delta);
            var l = Vector256.Create(lo);
            var h = Vector256.Create(hi);
            for (; i <= count - 8; i += 8)
            {
                Vector256.Min(Vector256.Max(Vector256.Load(p + i) + d, l), h).Store(p + i);
            }
        }

        for (; i < count; i++)
        {
            p[i] = MathF.Min(MathF.Max(p[i] + delta, lo), hi);
        }
    }

    /// <summary>
    /// Per-channel (x - mean) / divisor, or mean + x * divisor when inverting. The patterns hold the
    /// channel values repeated (element j is channel j % C) over 16 * C floats, so whole vectors line up
    /// with channels when the span starts at a pixel.
    /// </summary>
    public static void Normalize(float* p, int count, int channels, float[] meanPattern, float[] divPattern, bool invert)
    {
        int i = 0;
        fixed (float* mp = meanPattern, dp = divPattern)
        {
            if (Vector512.IsHardwareAccelerated)
            {
                int block = 16 * channels;
                for (; i <= count - block; i += block)
                {
                    for (int k = 0; k < block; k += 16)
                    {
                        var x = Vector512.Load(p + i + k);
                        var m = Vector512.Load(mp + k);
                        var d = Vector512.Load(dp + k);
                        (invert ? m + (x * d) : (x - m) / d).Store(p + i + k);
                    }
                }
            }
            else if (Vector256.IsHardwareAccelerated)
            {
                int block = 8 * channels;
                for (; i <= count - block; i += block)
                {
                    for (int k = 0; k < block; k += 8)
                    {
                        var x = Vector256.Load(p + i + k);
                        var m = Vector256.Load(mp + k);
                        var d = Vector256.Load(dp + k);
                        (invert ? m + (x * d) : (x - m) / d).Store(p + i + k);
                    }
                }
            }

            // i is a multiple of the channel count here, so pattern index j - i is channel-aligned.
            for (int j = i; j < count; j++)
            {
                float m = mp[(j - i) % channels];
                float d = dp[(j - i) % channels];
                p[j] = invert ? m + (p[j] * d) : (p[j] - m) / d;
            }
        }
    }

    /// <summary>RandomContrast: per-channel mean over H and W, (x - mean) * f + mean, clipped.</summary>
    public static void Contrast(float* p, int pixels, int channels, float factor, float lo, float hi, Span<double> sums)
    {
        sums.Clear();
        for (int i = 0; i < pixels; i++)
        {
            for (int c = 0; c < channels; c++)
            {
                sums[c] += p[(i * channels) + c];
            }
        }

        for (int c = 0; c < channels; c++)
        {
            float mean = (float)(sums[c] / pixels);
            for (int i = 0; i < pixels; i++)
            {
                float* v = p + (i * channels) + c;
                *v = MathF.Min(MathF.Max(((*v - mean) * factor) + mean, lo), hi);
            }
        }
    }

    /// <summary>Writes HWC rows [y0, y0 + rows) of an image to its output in the requested layout.</summary>
    public static void Store(float* hwc, float* output, int y0, int rows, int h, int w, int c, ImageLayout layout)
    {
        int n = rows * w;
        if (layout == ImageLayout.ChannelsLast || c == 1)
        {
            new ReadOnlySpan<float>(hwc, n * c).CopyTo(new Span<float>(output + ((long)y0 * w * c), n * c));
            return;
        }

        long plane = (long)h * w;
        float* o = output + ((long)y0 * w);
        if (c == 3)
        {
            float* o1 = o + plane;
            float* o2 = o1 + plane;
            int i = Vector256.IsHardwareAccelerated ? Deinterleave3(hwc, o, o1, o2, n) : 0;
            for (; i < n; i++)
            {
                o[i] = hwc[3 * i];
                o1[i] = hwc[(3 * i) + 1];
                o2[i] = hwc[(3 * i) + 2];
            }

            return;
        }

        for (int ch = 0; ch < c; ch++)
        {
            float* oc = o + (ch * plane);
            for (int i = 0; i < n; i++)
            {
                oc[i] = hwc[(i * c) + ch];
            }
        }
    }

    /// <summary>
    /// RGBRGB... to three planes, 8 pixels per step: blend the three loaded vectors so each lane holds
    /// the wanted channel, then one cross-lane permute puts the pixels in order.
    /// </summary>
    private static int Deinterleave3(float* hwc, float* o0, float* o1, float* o2, int n)
    {
        // Lane i of the blended vector comes from vector (i + k) % 3 for channel k (a = 0, b = 1, c = 2).
        var fromA0 = Vector256.Create(-1, 0, 0, -1, 0, 0, -1, 0).AsSingle();
        var fromB0 = Vector256.Create(0, -1, 0, 0, -1, 0, 0, -1).AsSingle();
        var fromA1 = Vector256.Create(0, -1, 0, 0, -1, 0, 0, -1).AsSingle();
        var fromB1 = Vector256.Create(0, 0, -1, 0, 0, -1, 0, 0).AsSingle();
        var fromA2 = Vector256.Create(0, 0, -1, 0, 0, -1, 0, 0).AsSingle();
        var fromB2 = Vector256.Create(-1, 0, 0, -1, 0, 0, -1, 0).AsSingle();
        var order0 = Vector256.Create(0, 3, 6, 1, 4, 7, 2, 5);
        var order1 = Vector256.Create(1, 4, 7, 2, 5, 0, 3, 6);
        var order2 = Vector256.Create(2, 5, 0, 3, 6, 1, 4, 7);
        int i = 0;
        for (; i <= n - 8; i += 8)
        {
            float* p = hwc + (3 * i);
            var a = Vector256.Load(p);
            var b = Vector256.Load(p + 8);
            var c = Vector256.Load(p + 16);
            Vector256.Shuffle(Vector256.ConditionalSelect(fromA0, a, Vector256.ConditionalSelect(fromB0, b, c)), order0).Store(o0 + i);
            Vector256.Shuffle(Vector256.ConditionalSelect(fromA1, a, Vector256.ConditionalSelect(fromB1, b, c)), order1).Store(o1 + i);
            Vector256.Shuffle(Vector256.ConditionalSelect(fromA2, a, Vector256.ConditionalSelect(fromB2, b, c)), order2).Store(o2 + i);
        }

        return i;
    }

    /// <summary>Builds a 16 * C pattern of a per-channel value (see <see cref="Normalize"/>).</summary>
    public static float[] Pattern(int channels, Func<int, float> value)
    {
        var pattern = new float[16 * channels];
        for (int j = 0; j < pattern.Length; j++)
        {
            pattern[j] = value(j % channels);
        }

        return pattern;
    }
}
