using System;

namespace PrepGen.Imaging;

/// <summary>Runs every stage of a plan on one image.</summary>
internal static unsafe class ImageExecutor
{
    public static void Process<T>(CpuPlan plan, T* src, float* dst, int image, ulong seed, Scratch scratch)
        where T : unmanaged
    {
        if (plan.Fused)
        {
            ProcessFused(plan, src, dst, scratch);
            return;
        }

        var spec = plan.Spec;
        int c = spec.Channels;
        int h = spec.Height;
        int w = spec.Width;
        fixed (float* pa = scratch.A, pb = scratch.B)
        {
            float* a = pa;
            float* b = pb;
            ResampleKernels.Convert(src, a, spec.InputLength, plan.Width);
            for (int s = 0; s < plan.Stages.Length; s++)
            {
                var stage = plan.Stages[s];
                int count = h * w * c;
                switch (stage.Op)
                {
                    case RescaleOp r:
                        PointwiseKernels.Rescale(a, count, r.Scale, r.Offset, plan.Width);
                        break;
                    case NormalizeOp:
                        PointwiseKernels.Normalize(a, count, plan.Normalizations[s]!);
                        break;
                    case RandomBrightnessOp br:
                        PointwiseKernels.AddClip(a, count, AugmentParams.BrightnessDelta(br, seed, image, stage.LayerIndex), br.ValueLow, br.ValueHigh, plan.Width);
                        break;
                    case RandomContrastOp co:
                        PointwiseKernels.Contrast(a, h * w, c, AugmentParams.ContrastFactor(co, seed, image, stage.LayerIndex), co.ValueLow, co.ValueHigh, scratch.Sums);
                        break;
                    case RandomFlipOp f:
                        if (AugmentParams.Flips(seed, image, stage.LayerIndex))
                        {
                            AffineKernels.Flip(a, h, w, c, f.Mode != FlipMode.Vertical, f.Mode != FlipMode.Horizontal);
                        }

                        break;
                    case GeometricAugmentOp g:
                        AffineKernels.Transform(a, b, h, w, c, AugmentParams.Transform(g, h, w, seed, image, stage.LayerIndex), g);
                        Swap(ref a, ref b);
                        break;
                    case RandomCropOp rc when stage.Map is null:
                    {
                        var (y0, x0) = AugmentParams.CropOrigin(h, w, rc.Height, rc.Width, seed, image, stage.LayerIndex);
                        for (int y = 0; y < rc.Height; y++)
                        {
                            new ReadOnlySpan<float>(a + ((((long)(y0 + y) * w) + x0) * c), rc.Width * c)
                                .CopyTo(new Span<float>(b + ((long)y * rc.Width * c), rc.Width * c));
                        }

                        Swap(ref a, ref b);
                        break;
                    }

                    default:
                    {
                        var map = stage.Map ?? throw new InvalidOperationException($"No CPU kernel for {stage.Op.GetType().Name}.");
                        for (int y = 0; y < map.OutH; y++)
                        {
                            ResampleKernels.Row(a, w, c, map, y, b + ((long)y * map.OutW * c), plan.Width);
                        }

                        Swap(ref a, ref b);
                        break;
                    }
                }

                h = stage.OutHeight;
                w = stage.OutWidth;
            }

            PointwiseKernels.Store(a, dst, 0, h, h, w, c, spec.OutputLayout, plan.Width);
        }
    }

    private static void Swap(ref float* a, ref float* b)
    {
        float* t = a;
        a = b;
        b = t;
    }

    /// <summary>
    /// The deterministic common case (optional resize/crop, then rescale/normalize, then layout) in one
    /// pass per output row: the row is resampled straight from the input, transformed while in L1, stored.
    /// </summary>
    private static void ProcessFused<T>(CpuPlan plan, T* src, float* dst, Scratch scratch)
        where T : unmanaged
    {
        var spec = plan.Spec;
        int c = spec.Channels;
        var stages = plan.Stages;
        var map = stages.Length > 0 ? stages[0].Map : null;
        int first = map is null ? 0 : 1;
        int outH = plan.OutH;
        int outW = plan.OutW;
        int rowLen = outW * c;
        fixed (float* row = scratch.A)
        {
            for (int y = 0; y < outH; y++)
            {
                if (map is null)
                {
                    ResampleKernels.Convert(src + ((long)y * rowLen), row, rowLen, plan.Width);
                }
                else
                {
                    ResampleKernels.Row(src, spec.Width, c, map, y, row, plan.Width);
                }

                for (int s = first; s < stages.Length; s++)
                {
                    if (stages[s].Op is RescaleOp r)
                    {
                        PointwiseKernels.Rescale(row, rowLen, r.Scale, r.Offset, plan.Width);
                    }
                    else
                    {
                        PointwiseKernels.Normalize(row, rowLen, plan.Normalizations[s]!);
                    }
                }

                PointwiseKernels.Store(row, dst, y, 1, outH, outW, c, spec.OutputLayout, plan.Width);
            }
        }
    }
}
