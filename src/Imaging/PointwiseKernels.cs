using System;
using PrepGen.Runtime;

namespace PrepGen.Imaging;

/// <summary>
/// Element-wise ops on HWC float buffers. The SIMD ones are operators of the runtime's numeric driver
/// (<see cref="NumericDriver"/>: scalar, Vector128, Vector256 and Vector512, at the width the plan gives), and
/// Rescaling and Normalization are the runtime's Keras layer kernels themselves. Each keeps Keras's float32 operation
/// order (separate multiply and add, true division), so every width gives the same bits.
/// </summary>
internal static unsafe class PointwiseKernels
{
    /// <summary>uint8 to float32, exact.</summary>
    public static void BytesToFloats(byte* src, float* dst, int count, SimdWidth width) =>
        NumericDriver.Run(new ReadOnlySpan<byte>(src, count), new Span<float>(dst, count), default(WidenOperator), new NumericConstants(0f, 0f, 0f), width);

    /// <summary>x = x * scale + offset in place (Keras Rescaling: two float32 operations).</summary>
    public static void Rescale(float* p, int count, float scale, float offset, SimdWidth width)
    {
        var values = new Span<float>(p, count);
        RescalingKernel.Rescale(values, values, scale, offset, width);
    }

    /// <summary>x = clamp(x + delta, lo, hi) in place (RandomBrightness; delta 0 gives a plain clip).</summary>
    public static void AddClip(float* p, int count, float delta, float lo, float hi, SimdWidth width)
    {
        var values = new Span<float>(p, count);
        NumericDriver.Run(values, values, default(AddClipOperator), new NumericConstants(delta, lo, hi), width);
    }

    /// <summary>
    /// Per-channel (x - mean) / divisor in place, or mean + x * divisor when inverting: Keras Normalization over
    /// features = channels (the span starts at a pixel and holds whole pixels), constants prepared once per plan at its
    /// width.
    /// </summary>
    public static void Normalize(float* p, int count, NormalizationKernel.Prepared normalization)
    {
        var values = new Span<float>(p, count);
        normalization.Run(values, values);
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
    public static void Store(float* hwc, float* output, int y0, int rows, int h, int w, int c, ImageLayout layout, SimdWidth width)
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
            Deinterleave3.Run(hwc, o, o + plane, o + (2 * plane), n, width);
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
}
