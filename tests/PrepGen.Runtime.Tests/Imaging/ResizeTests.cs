using PrepGen.Imaging;

namespace PrepGen.Runtime.Tests.Imaging;

/// <summary>Resizing / CenterCrop against hand computations from docs/keras-semantics.md, "Resizing" and "CenterCrop".</summary>
public class ResizeTests
{
    private static float[] Run(ImagePipelineSpec spec, float[] input, int batch = 1)
    {
        var output = new float[batch * spec.OutputLength(false)];
        ImagePipelineCpu.Run(spec, input, batch, output);
        return output;
    }

    [Theory]
    [InlineData(7, 5, 3, 4, Interpolation.Bilinear)]
    [InlineData(4, 4, 9, 13, Interpolation.Bilinear)]
    [InlineData(10, 3, 4, 8, Interpolation.Nearest)]
    public void Constant_image_stays_constant(int h, int w, int oh, int ow, Interpolation interp)
    {
        var spec = new ImagePipelineSpec(h, w, 3, new[] { new ResizeOp(oh, ow, interp) });
        var output = Run(spec, Enumerable.Repeat(37.25f, h * w * 3).ToArray());
        Assert.All(output, v => Assert.Equal(37.25f, v));
    }

    [Fact]
    public void Bilinear_upsample_uses_half_pixel_centers()
    {
        // in = (i + 0.5) * (2/4) - 0.5 = -0.25, 0.25, 0.75, 1.25; lower/upper clamp to [0, 1]; lerp = in - floor(in).
        // Per axis the weights of pixel 1 are 0, 0.25, 0.75, 1, so out[y][x] = wx + 2 * wy for [[0, 1], [2, 3]].
        var spec = new ImagePipelineSpec(2, 2, 1, new[] { new ResizeOp(4, 4) });
        var expected = new float[]
        {
            0f, 0.25f, 0.75f, 1f,
            0.5f, 0.75f, 1.25f, 1.5f,
            1.5f, 1.75f, 2.25f, 2.5f,
            2f, 2.25f, 2.75f, 3f,
        };
        Assert.Equal(expected, Run(spec, new float[] { 0, 1, 2, 3 }));
    }

    [Fact]
    public void Bilinear_downsample_uses_half_pixel_centers()
    {
        // 3 -> 2: scale 1.5, in = 0.25 and 1.75: 0 + 10 * 0.25 = 2.5 and 10 + 10 * 0.75 = 17.5.
        var spec = new ImagePipelineSpec(1, 3, 1, new[] { new ResizeOp(1, 2) });
        Assert.Equal(new[] { 2.5f, 17.5f }, Run(spec, new float[] { 0, 10, 20 }));
    }

    [Fact]
    public void Same_size_bilinear_is_an_exact_copy()
    {
        var input = ImageTestData.Floats(ImageTestData.Bytes(5 * 6 * 3, 1));
        var spec = new ImagePipelineSpec(5, 6, 3, new[] { new ResizeOp(5, 6) });
        Assert.Equal(input, Run(spec, input));
    }

    [Fact]
    public void Pad_to_aspect_ratio_adds_fill_rows_on_both_sides()
    {
        // 2x4 -> 4x4: pad_h = max(2, int(4*4/4)) = 4, int((4-2)/2) = 1 row each side, then a same-size resize.
        var spec = new ImagePipelineSpec(2, 4, 1, new[] { new ResizeOp(4, 4, padToAspectRatio: true, fillValue: -1f) });
        var expected = new float[] { -1, -1, -1, -1, 0, 1, 2, 3, 4, 5, 6, 7, -1, -1, -1, -1 };
        Assert.Equal(expected, Run(spec, ImageTestData.Arange(8)));
    }

    [Fact]
    public void Pad_to_aspect_ratio_odd_difference_loses_a_row()
    {
        // 1x4 -> 4x4: pad_h = 4, int((4-1)/2) = 1 row each side, so the padded image is 3x4, resized to 4x4.
        var spec = new ImagePipelineSpec(1, 4, 1, new[] { new ResizeOp(4, 4, Interpolation.Nearest, padToAspectRatio: true) });

        // Nearest rows: floor((i + 0.5) * 3/4) = 0, 1, 1, 2 -> fill, data, data, fill.
        var expected = new float[] { 0, 0, 0, 0, 1, 2, 3, 4, 1, 2, 3, 4, 0, 0, 0, 0 };
        Assert.Equal(expected, Run(spec, new float[] { 1, 2, 3, 4 }));
    }

    [Fact]
    public void Center_crop_takes_the_middle()
    {
        // Offsets (4-2)//2 = 1 and (5-2)//2 = 1.
        var spec = new ImagePipelineSpec(4, 5, 1, new[] { new CenterCropOp(2, 2) });
        Assert.Equal(new float[] { 6, 7, 11, 12 }, Run(spec, ImageTestData.Arange(20)));
    }

    [Fact]
    public void Center_crop_of_a_smaller_image_equals_resizing_with_crop_to_aspect_ratio()
    {
        var input = ImageTestData.Floats(ImageTestData.Bytes(3 * 8 * 2, 2));
        var crop = new ImagePipelineSpec(3, 8, 2, new[] { new CenterCropOp(6, 4) });
        var resize = new ImagePipelineSpec(3, 8, 2, new[] { new ResizeOp(6, 4, cropToAspectRatio: true) });
        Assert.Equal(Run(resize, input), Run(crop, input));
    }

    [Fact]
    public void Center_crop_output_size_is_the_target()
    {
        var spec = new ImagePipelineSpec(3, 8, 2, new[] { new CenterCropOp(6, 4) });
        Assert.Equal((6, 4), (spec.OutputHeight, spec.OutputWidth));
    }
}
