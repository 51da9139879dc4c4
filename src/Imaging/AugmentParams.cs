using System;

namespace PrepGen.Imaging;

/// <summary>
/// The per-image parameters of augmentation layers, derived from the layer's Philox draws exactly as the
/// CUDA kernels derive them (float32, same operation order), so CPU and GPU agree.
/// </summary>
internal static class AugmentParams
{
    /// <summary>Output-to-input affine map (a0, a1, a2, b0, b1, b2) of a geometric layer for one image.</summary>
    public static Affine Transform(GeometricAugmentOp op, int h, int w, ulong seed, int image, int layer)
    {
        var (u0, u1, _, _) = Philox.Draws(seed, image, layer);
        switch (op)
        {
            case RandomRotationOp r:
            {
                float angle = r.Angle.At(u0);
                float cos = (float)Math.Cos(angle);
                float sin = (float)Math.Sin(angle);
                float wm1 = w - 1;
                float hm1 = h - 1;
                float xOff = (wm1 - ((cos * wm1) - (sin * hm1))) / 2f;
                float yOff = (hm1 - ((sin * wm1) + (cos * hm1))) / 2f;
                return new Affine(cos, -sin, xOff, sin, cos, yOff);
            }

            case RandomZoomOp z:
            {
                float zy = z.HeightZoom.At(u0);
                float zx = z.WidthZoom is { } wz ? wz.At(u1) : zy;
                return new Affine(zx, 0f, ((w - 1f) / 2f) * (1f - zx), 0f, zy, ((h - 1f) / 2f) * (1f - zy));
            }

            case RandomTranslationOp t:
            {
                float dy = t.HeightFactor.At(u0) * h;
                float dx = t.WidthFactor.At(u1) * w;
                return new Affine(1f, 0f, -dx, 0f, 1f, -dy);
            }

            default:
                throw new ArgumentException($"Unknown geometric op {op.GetType().Name}.", nameof(op));
        }
    }

    /// <summary>Keras flips when its uniform draw is at most 0.5.</summary>
    public static bool Flips(ulong seed, int image, int layer) => Philox.Draws(seed, image, layer).U0 <= 0.5f;

    /// <summary>RandomCrop origin: int(uniform(0, size - crop + 1)) per axis.</summary>
    public static (int Y, int X) CropOrigin(int h, int w, int cropH, int cropW, ulong seed, int image, int layer)
    {
        var (u0, u1, _, _) = Philox.Draws(seed, image, layer);
        return ((int)((float)(h - cropH + 1) * u0), (int)((float)(w - cropW + 1) * u1));
    }

    /// <summary>The contrast factor of one image.</summary>
    public static float ContrastFactor(RandomContrastOp op, ulong seed, int image, int layer)
        => op.Factor.At(Philox.Draws(seed, image, layer).U0);

    /// <summary>The brightness delta of one image: uniform(factor) * (high - low).</summary>
    public static float BrightnessDelta(RandomBrightnessOp op, ulong seed, int image, int layer)
        => op.Factor.At(Philox.Draws(seed, image, layer).U0) * (op.ValueHigh - op.ValueLow);
}

/// <summary>The first six entries of a TF projective transform (the last two are 0 here).</summary>
internal readonly record struct Affine(float A0, float A1, float A2, float B0, float B1, float B2);
