using System;
using System.Linq;

namespace PrepGen.Imaging;

/// <summary>
/// Precomputed TensorFlow half-pixel resampling of a window of the source (a crop, or a padded frame)
/// to an output size. Source indices of -1 read the fill value (padding).
/// </summary>
internal sealed class ResampleMap
{
    private ResampleMap(int srcH, int srcW, int winH, int winW, int offY, int offX, int outH, int outW, bool nearest, float fill)
    {
        OutH = outH;
        OutW = outW;
        Nearest = nearest;
        Fill = fill;
        OffY = offY;
        OffX = offX;
        WinH = winH;
        WinW = winW;
        IsCopy = winH == outH && winW == outW && offY >= 0 && offX >= 0 && offY + winH <= srcH && offX + winW <= srcW;
        ScaleY = (float)winH / outH;
        ScaleX = (float)winW / outW;
        (Y0, Y1, YL) = Axis(outH, winH, offY, srcH, ScaleY, nearest);
        (X0, X1, XL) = Axis(outW, winW, offX, srcW, ScaleX, nearest);
        HasFill = Y0.Contains(-1) || Y1.Contains(-1) || X0.Contains(-1) || X1.Contains(-1);
    }

    public int OutH { get; }

    public int OutW { get; }

    public bool Nearest { get; }

    public float Fill { get; }

    /// <summary>Window origin in the source; negative when the window is a padded frame.</summary>
    public int OffY { get; }

    /// <summary>Window origin in the source; negative when the window is a padded frame.</summary>
    public int OffX { get; }

    /// <summary>Window (crop or padded frame) height, before resampling.</summary>
    public int WinH { get; }

    /// <summary>Window width, before resampling.</summary>
    public int WinW { get; }

    /// <summary>The output is a plain crop of the source: rows can be copied.</summary>
    public bool IsCopy { get; }

    /// <summary>Some output samples read the fill value (padding); otherwise the fast path applies.</summary>
    public bool HasFill { get; }

    /// <summary>Window size / output size, as TF computes it (float32).</summary>
    public float ScaleY { get; }

    /// <summary>Window size / output size, as TF computes it (float32).</summary>
    public float ScaleX { get; }

    public int[] Y0 { get; }

    public int[] Y1 { get; }

    public float[] YL { get; }

    public int[] X0 { get; }

    public int[] X1 { get; }

    public float[] XL { get; }

    /// <summary>Keras <c>Resizing</c>, with its optional crop or pad to the target aspect ratio.</summary>
    public static ResampleMap ForResize(int h, int w, ResizeOp op)
    {
        bool nearest = op.Interpolation == Interpolation.Nearest;
        if (op.CropToAspectRatio)
        {
            return AspectCrop(h, w, op.Height, op.Width, nearest);
        }

        if (op.PadToAspectRatio)
        {
            // Keras pads int((pad - h) / 2) rows on each side, so an odd difference loses one row.
            // The products in 64 bits: w * op.Height overflows int for sizes that are each valid.
            long padH = (Math.Max(h, (long)((float)((long)w * op.Height) / op.Width)) - h) / 2;
            long padW = (Math.Max(w, (long)((float)((long)h * op.Width) / op.Height)) - w) / 2;
            return new ResampleMap(h, w, Window(h + (2 * padH), "padded height"), Window(w + (2 * padW), "padded width"), (int)-padH, (int)-padW,
                op.Height, op.Width, nearest, op.FillValue);
        }

        return new ResampleMap(h, w, h, w, 0, 0, op.Height, op.Width, nearest, 0f);
    }

    /// <summary>Keras <c>CenterCrop</c>: a plain crop, or smart_resize when either side is smaller.</summary>
    public static ResampleMap ForCenterCrop(int h, int w, int outH, int outW)
        => h >= outH && w >= outW
            ? Crop(h, w, (h - outH) / 2, (w - outW) / 2, outH, outW)
            : AspectCrop(h, w, outH, outW, nearest: false);

    /// <summary>A plain crop at the given origin.</summary>
    public static ResampleMap Crop(int h, int w, int y0, int x0, int outH, int outW)
        => new(h, w, outH, outW, y0, x0, outH, outW, nearest: false, 0f);

    /// <summary>
    /// Keras RandomCrop in training when the input is not strictly larger: the window starts at the
    /// aspect-crop origin but is the TARGET size, clipped by the image (K3 random_crop.py slices
    /// <c>[h_start : h_start + height]</c>), then a bilinear resize to the target.
    /// </summary>
    public static ResampleMap RandomCropFallback(int h, int w, int outH, int outW)
    {
        int cropH = (int)Math.Max(Math.Min(h, (long)((float)((long)w * outH) / outW)), 1);
        int cropW = (int)Math.Max(Math.Min(w, (long)((float)((long)h * outW) / outH)), 1);
        int y0 = (int)((float)(h - cropH) / 2);
        int x0 = (int)((float)(w - cropW) / 2);
        return new ResampleMap(h, w, Math.Min(outH, h - y0), Math.Min(outW, w - x0), y0, x0, outH, outW, nearest: false, 0f);
    }

    /// <summary>smart_resize: center-crop to the target aspect ratio (float32 division, truncation), then resize.</summary>
    public static ResampleMap AspectCrop(int h, int w, int outH, int outW, bool nearest)
    {
        int cropH = (int)Math.Max(Math.Min(h, (long)((float)((long)w * outH) / outW)), 1);
        int cropW = (int)Math.Max(Math.Min(w, (long)((float)((long)h * outW) / outH)), 1);
        int y0 = (int)((float)(h - cropH) / 2);
        int x0 = (int)((float)(w - cropW) / 2);
        return new ResampleMap(h, w, cropH, cropW, y0, x0, outH, outW, nearest, 0f);
    }

    private static (int[] Lo, int[] Hi, float[] Lerp) Axis(int outSize, int winSize, int offset, int srcSize, float scale, bool nearest)
    {
        var lo = new int[outSize];
        var hi = new int[outSize];
        var lerp = new float[outSize];
        for (int i = 0; i < outSize; i++)
        {
            int a;
            int b;
            if (nearest)
            {
                // TF ResizeNearestNeighbor(half_pixel_centers): floor((i + 0.5) * scale), clamped.
                a = Math.Max(Math.Min((int)MathF.Floor(((float)i + 0.5f) * scale), winSize - 1), 0);
                b = a;
            }
            else
            {
                // TF ResizeBilinear(half_pixel_centers): in = (i + 0.5) * scale - 0.5, all float32.
                float inCoord = (((float)i + 0.5f) * scale) - 0.5f;
                float floor = MathF.Floor(inCoord);
                a = Math.Max((int)floor, 0);
                b = Math.Min((int)MathF.Ceiling(inCoord), winSize - 1);
                lerp[i] = inCoord - floor;
            }

            lo[i] = ToSource(a + offset, srcSize);
            hi[i] = ToSource(b + offset, srcSize);
        }

        return (lo, hi, lerp);
    }

    /// <summary>A window side, which the kernels index with ints.</summary>
    private static int Window(long size, string what) =>
        size <= int.MaxValue ? (int)size : throw new ArgumentException($"Resizing with pad_to_aspect_ratio needs a {what} of {size:N0} pixels, more than an image side can have.");

    private static int ToSource(int index, int size) => (uint)index < (uint)size ? index : -1;
}
