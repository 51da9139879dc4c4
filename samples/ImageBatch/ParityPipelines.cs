using System.Collections.Generic;
using PrepGen;
using PrepGen.Imaging;

namespace ImageBatch;

/// <summary>Pipelines checked CPU against GPU: common deterministic ones, augmentation, and the Keras vectors' configs.</summary>
internal static class ParityPipelines
{
    public static IEnumerable<(string Name, ImagePipelineSpec Spec, bool Training)> All()
    {
        yield return ("imagenet-nchw 256->224", Imagenet(256, 256, 224, ImageLayout.ChannelsFirst), false);
        yield return ("imagenet-nhwc 300x200->224", Imagenet(300, 200, 224, ImageLayout.ChannelsLast), false);
        yield return ("odd-size nhwc crop-aspect", new ImagePipelineSpec(97, 131, 3, new ImageOp[]
        {
            new ResizeOp(61, 45, cropToAspectRatio: true), new RescaleOp(1f / 127.5f, -1f),
        }), false);
        yield return ("nearest pad + center crop", new ImagePipelineSpec(80, 120, 3, new ImageOp[]
        {
            new ResizeOp(64, 64, Interpolation.Nearest, padToAspectRatio: true, fillValue: 7f), new CenterCropOp(56, 48),
        }), false);
        yield return ("augment nchw", new ImagePipelineSpec(128, 128, 3, new ImageOp[]
        {
            new RandomFlipOp(),
            new RandomRotationOp(FactorRange.FromKeras(new[] { 0.1 })),
            new RandomZoomOp(FactorRange.FromKeras(new[] { 0.2 }), null, FillMode.Constant),
            new RandomTranslationOp(FactorRange.FromKeras(new[] { 0.1 }), FactorRange.FromKeras(new[] { 0.1 }), FillMode.Wrap, Interpolation.Nearest),
            new RandomCropOp(112, 112),
            new RandomBrightnessOp(FactorRange.FromKeras(new[] { 0.2 })),
            new RescaleOp(1f / 255f),
        }, ImageLayout.ChannelsFirst), true);
        yield return ("contrast (block per image)", new ImagePipelineSpec(64, 72, 3, new ImageOp[]
        {
            new RandomContrastOp(FactorRange.ContrastFromKeras(new[] { 0.5 })), new ResizeOp(32, 32), new RandomFlipOp(FlipMode.Horizontal),
        }), true);

        // The configs of the Keras vectors (keras-vectors.json), on random images.
        yield return ("vector resizing-nearest-down", One(4, 4, new ResizeOp(2, 2, Interpolation.Nearest)), false);
        yield return ("vector resizing-nearest-up", One(2, 2, new ResizeOp(4, 4, Interpolation.Nearest)), false);
        yield return ("vector resizing-crop-to-aspect", One(4, 4, new ResizeOp(4, 2, Interpolation.Nearest, cropToAspectRatio: true)), false);
        foreach (var (h, w) in new[] { (-0.2f, 0f), (0.2f, 0f), (0f, -0.2f) })
        {
            foreach (var mode in new[] { FillMode.Reflect, FillMode.Constant })
            {
                yield return ($"vector randtrans {h},{w} {mode}", One(5, 5, new RandomTranslationOp(new(h, h), new(w, w), mode)), true);
            }
        }

        yield return ("vector randtrans-asym", One(8, 2, new RandomTranslationOp(new(0.5f, 0.5f), new(0, 0))), true);
        yield return ("vector randzoom-out", One(5, 5, new RandomZoomOp(new(0.5f, 0.5f), new(0.8f, 0.8f), FillMode.Constant)), true);
        yield return ("vector randzoom-in", One(5, 5, new RandomZoomOp(new(-0.5f, -0.5f), new(-0.5f, -0.5f), FillMode.Constant)), true);
        yield return ("vector randrot-180", One(5, 5, new RandomRotationOp(new(0.5f, 0.5f))), true);
        yield return ("vector randflip-horizontal", new ImagePipelineSpec(1, 2, 3, new[] { new RandomFlipOp(FlipMode.Horizontal) }), true);
        yield return ("vector randflip-vertical", new ImagePipelineSpec(2, 1, 3, new[] { new RandomFlipOp(FlipMode.Vertical) }), true);
    }

    public static ImagePipelineSpec Imagenet(int h, int w, int size, ImageLayout layout) => new(h, w, 3, new ImageOp[]
    {
        new ResizeOp(size, size),
        new RescaleOp(1f / 255f),
        new NormalizeOp(new[] { 0.485f, 0.456f, 0.406f }, new[] { 0.229f * 0.229f, 0.224f * 0.224f, 0.225f * 0.225f }),
    }, layout);

    private static ImagePipelineSpec One(int h, int w, ImageOp op) => new(h, w, 1, new[] { op });
}
