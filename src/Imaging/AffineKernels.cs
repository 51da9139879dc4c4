using System;

namespace PrepGen.Imaging;

/// <summary>
/// TF <c>ImageProjectiveTransformV3</c> for affine maps: output pixel (x, y) samples the input at
/// (a0 x + a1 y + a2, b0 x + b1 y + b2) after the fill-mode coordinate mapping. Also flips.
/// </summary>
internal static unsafe class AffineKernels
{
    public static void Transform(float* src, float* dst, int h, int w, int c, in Affine t, GeometricAugmentOp op)
    {
        bool nearest = op.Interpolation == Interpolation.Nearest;
        float fill = op.FillValue;
        for (int y = 0; y < h; y++)
        {
            float fy = y;
            for (int x = 0; x < w; x++)
            {
                float fx = x;
                float inX = MapCoordinate(((t.A0 * fx) + (t.A1 * fy)) + t.A2, w, op.FillMode);
                float inY = MapCoordinate(((t.B0 * fx) + (t.B1 * fy)) + t.B2, h, op.FillMode);
                float* o = dst + ((((long)y * w) + x) * c);
                if (nearest)
                {
                    int ny = (int)MathF.Round(inY, MidpointRounding.AwayFromZero);
                    int nx = (int)MathF.Round(inX, MidpointRounding.AwayFromZero);
                    for (int ch = 0; ch < c; ch++)
                    {
                        o[ch] = Read(src, h, w, c, ny, nx, ch, fill);
                    }

                    continue;
                }

                float yFloor = MathF.Floor(inY);
                float xFloor = MathF.Floor(inX);
                float yCeil = yFloor + 1f;
                float xCeil = xFloor + 1f;
                int y0 = (int)yFloor;
                int x0 = (int)xFloor;
                for (int ch = 0; ch < c; ch++)
                {
                    float vFloor = ((xCeil - inX) * Read(src, h, w, c, y0, x0, ch, fill))
                        + ((inX - xFloor) * Read(src, h, w, c, y0, x0 + 1, ch, fill));
                    float vCeil = ((xCeil - inX) * Read(src, h, w, c, y0 + 1, x0, ch, fill))
                        + ((inX - xFloor) * Read(src, h, w, c, y0 + 1, x0 + 1, ch, fill));
                    o[ch] = ((yCeil - inY) * vFloor) + ((inY - yFloor) * vCeil);
                }
            }
        }
    }

    /// <summary>TF MapCoordinate: folds an input coordinate into [0, len - 1] by the fill mode.</summary>
    public static float MapCoordinate(float coord, int len, FillMode mode)
    {
        switch (mode)
        {
            case FillMode.Reflect:
                if (coord < 0)
                {
                    if (len <= 1)
                    {
                        return 0;
                    }

                    int sz2 = 2 * len;
                    if (coord < sz2)
                    {
                        coord = (sz2 * (long)(-coord / sz2)) + coord;
                    }

                    coord = coord < -len ? coord + sz2 : -coord - 1;
                }
                else if (coord > len - 1)
                {
                    if (len <= 1)
                    {
                        return 0;
                    }

                    int sz2 = 2 * len;
                    coord -= sz2 * (long)(coord / sz2);
                    if (coord >= len)
                    {
                        coord = sz2 - coord - 1;
                    }
                }

                return Math.Clamp(coord, 0f, len - 1);

            case FillMode.Wrap:
                if (coord < 0)
                {
                    if (len <= 1)
                    {
                        return 0;
                    }

                    int sz = len - 1;
                    coord += len * ((long)(-coord / sz) + 1);
                }
                else if (coord > len - 1)
                {
                    if (len <= 1)
                    {
                        return 0;
                    }

                    int sz = len - 1;
                    coord -= len * (long)(coord / sz);
                }

                return Math.Clamp(coord, 0f, len - 1);

            case FillMode.Nearest:
                return Math.Clamp(coord, 0f, len - 1);

            default:
                return coord;
        }
    }

    /// <summary>Flips an HWC image in place.</summary>
    public static void Flip(float* img, int h, int w, int c, bool horizontal, bool vertical)
    {
        if (vertical)
        {
            for (int y = 0; y < h / 2; y++)
            {
                SwapRange(img + ((long)y * w * c), img + ((long)(h - 1 - y) * w * c), w * c);
            }
        }

        if (horizontal)
        {
            for (int y = 0; y < h; y++)
            {
                float* row = img + ((long)y * w * c);
                for (int x = 0; x < w / 2; x++)
                {
                    SwapRange(row + (x * c), row + ((w - 1 - x) * c), c);
                }
            }
        }
    }

    private static void SwapRange(float* p, float* q, int n)
    {
        for (int i = 0; i < n; i++)
        {
            (p[i], q[i]) = (q[i], p[i]);
        }
    }

    private static float Read(float* src, int h, int w, int c, int y, int x, int ch, float fill)
        => (uint)y < (uint)h && (uint)x < (uint)w ? src[((((long)y * w) + x) * c) + ch] : fill;
}
