using PrepGen.Imaging;

namespace PrepGen.Runtime.Tests.Imaging;

/// <summary>Augmentation layers against docs/keras-semantics.md, "Augmentation layers" (degenerate ranges are deterministic).</summary>
public class AugmentationTests
{
    private static float[] Run(ImagePipelineSpec spec, float[] input, bool training, ulong seed = 11, int batch = 1, int threads = -1)
    {
        var output = new float[batch * spec.OutputLength(training)];
        ImagePipelineCpu.Run(spec, input, batch, output, training, seed, threads);
        return output;
    }

    private static ImageOp[] AllAugmentations() => new ImageOp[]
    {
        new RandomFlipOp(),
        new RandomRotationOp(FactorRange.FromKeras(new[] { 0.2 })),
        new RandomZoomOp(FactorRange.FromKeras(new[] { 0.3 })),
        new RandomTranslationOp(FactorRange.FromKeras(new[] { 0.1 }), FactorRange.FromKeras(new[] { 0.2 }), FillMode.Wrap),
        new RandomCropOp(10, 12),
        new RandomContrastOp(FactorRange.ContrastFromKeras(new[] { 0.5 })),
        new RandomBrightnessOp(FactorRange.FromKeras(new[] { 0.2 })),
    };

    [Fact]
    public void Inference_is_identity_for_every_augmentation_layer()
    {
        // Keras >= 3.8: RandomCrop passes the image unchanged in inference, even though the size differs.
        var input = ImageTestData.Floats(ImageTestData.Bytes(2 * 16 * 20 * 3, 8));
        var spec = new ImagePipelineSpec(16, 20, 3, AllAugmentations());
        Assert.Equal((16, 20), (spec.OutputHeight, spec.OutputWidth));
        Assert.Equal((10, 12), (spec.TrainingOutputHeight, spec.TrainingOutputWidth));
        Assert.Equal(input, Run(spec, input, training: false, batch: 2));
    }

    [Fact]
    public void Same_seed_reproduces_and_another_seed_differs()
    {
        var input = ImageTestData.Floats(ImageTestData.Bytes(4 * 16 * 20 * 3, 9));
        var spec = new ImagePipelineSpec(16, 20, 3, AllAugmentations());
        var a = Run(spec, input, true, seed: 5, batch: 4);
        Assert.Equal(a, Run(spec, input, true, seed: 5, batch: 4));
        Assert.NotEqual(a, Run(spec, input, true, seed: 6, batch: 4));
    }

    [Fact]
    public void Thread_count_and_batch_split_do_not_change_results()
    {
        var input = ImageTestData.Floats(ImageTestData.Bytes(8 * 64 * 64 * 3, 10));
        var spec = new ImagePipelineSpec(64, 64, 3, AllAugmentations());
        var parallel = Run(spec, input, true, seed: 99, batch: 8);
        var serial = Run(spec, input, true, seed: 99, batch: 8, threads: 1);
        Assert.Equal(serial, parallel);

        // Image 0 alone gets the same draws as image 0 of the batch.
        var first = Run(spec, input.AsSpan(0, 64 * 64 * 3).ToArray(), true, seed: 99);
        Assert.Equal(parallel.AsSpan(0, first.Length).ToArray(), first);
    }

    [Fact]
    public void Flip_happens_for_draws_at_most_one_half_only()
    {
        var input = ImageTestData.Arange(2 * 3);
        var spec = new ImagePipelineSpec(1, 2, 3, new[] { new RandomFlipOp(FlipMode.Horizontal) });
        Assert.Equal(input, Run(spec, input, true, FlipSeeds.First(flips: false)));
        Assert.Equal(new float[] { 3, 4, 5, 0, 1, 2 }, Run(spec, input, true, FlipSeeds.First(flips: true)));
    }

    [Fact]
    public void Horizontal_and_vertical_flips_both_axes_from_one_draw()
    {
        var spec = new ImagePipelineSpec(2, 2, 1, new[] { new RandomFlipOp() });
        Assert.Equal(new float[] { 3, 2, 1, 0 }, Run(spec, ImageTestData.Arange(4), true, FlipSeeds.First(flips: true)));
    }

    [Fact]
    public void Rotation_by_a_quarter_turn_is_counter_clockwise()
    {
        // Matrix of §14 with angle pi/2 about (2, 2): in_x = 4 - y, in_y = x, so out[y][x] = in[x][4 - y].
        var spec = new ImagePipelineSpec(5, 5, 1, new[] { new RandomRotationOp(new FactorRange(0.25f, 0.25f)) });
        var output = Run(spec, ImageTestData.Arange(25), true);
        for (int y = 0; y < 5; y++)
        {
            for (int x = 0; x < 5; x++)
            {
                Assert.Equal((x * 5) + 4 - y, output[(y * 5) + x], 4);
            }
        }
    }

    [Theory]
    [InlineData(FillMode.Reflect, 0f, new float[] { 1, 0, 0, 1, 2 })]
    [InlineData(FillMode.Wrap, 0f, new float[] { 3, 4, 0, 1, 2 })]
    [InlineData(FillMode.Nearest, 0f, new float[] { 0, 0, 0, 1, 2 })]
    [InlineData(FillMode.Constant, 7f, new float[] { 7, 7, 0, 1, 2 })]
    public void Fill_modes_follow_tf_map_coordinate(FillMode mode, float fill, float[] expected)
    {
        // Shift right by 0.4 * 5 = 2 pixels: in_x = x - 2.
        var op = new RandomTranslationOp(new(0, 0), new(0.4f, 0.4f), mode, Interpolation.Nearest, fill);
        var spec = new ImagePipelineSpec(1, 5, 1, new[] { op });
        Assert.Equal(expected, Run(spec, ImageTestData.Arange(5), true));
    }

    [Fact]
    public void Nearest_interpolation_rounds_half_away_from_zero()
    {
        // dx = -0.125 * 4 = -0.5, so in_x = x + 0.5: 0.5 -> 1, 1.5 -> 2, 2.5 -> 3, 3.5 clamps to 3.
        var op = new RandomTranslationOp(new(0, 0), new(-0.125f, -0.125f), FillMode.Reflect, Interpolation.Nearest);
        var spec = new ImagePipelineSpec(1, 4, 1, new[] { op });
        Assert.Equal(new float[] { 1, 2, 3, 3 }, Run(spec, ImageTestData.Arange(4), true));
    }

    [Fact]
    public void Contrast_scales_around_the_channel_mean_and_clips()
    {
        // Contrast factor 2, mean 15: (x - 15) * 2 + 15 = -15, 5, 25, 45, then clipped to [0, 255].
        var op = new RandomContrastOp(new FactorRange(2f, 2f));
        var spec = new ImagePipelineSpec(2, 2, 1, new[] { op });
        Assert.Equal(new float[] { 0, 5, 25, 45 }, Run(spec, new float[] { 0, 10, 20, 30 }, true));
    }

    [Fact]
    public void Contrast_scalar_factor_range_is_one_to_one_plus_f()
    {
        Assert.Equal(new FactorRange(1f, 1.5f), FactorRange.ContrastFromKeras(new[] { 0.5 }));
        Assert.Equal(new FactorRange(0.75f, 1.5f), FactorRange.ContrastFromKeras(new[] { 0.25, 0.5 }));
    }

    [Fact]
    public void Brightness_adds_a_fraction_of_the_value_range_and_clips()
    {
        // delta = 0.1 * (255 - 0) = 25.5.
        var op = new RandomBrightnessOp(new FactorRange(0.1f, 0.1f));
        var spec = new ImagePipelineSpec(1, 3, 1, new[] { op });
        Assert.Equal(new[] { 25.5f, 125.5f, 255f }, Run(spec, new float[] { 0, 100, 250 }, true));
    }

    [Fact]
    public void Random_crop_is_a_window_of_the_input()
    {
        var input = ImageTestData.Arange(6 * 7);
        var spec = new ImagePipelineSpec(6, 7, 1, new[] { new RandomCropOp(3, 4) });
        for (ulong seed = 0; seed < 20; seed++)
        {
            var o = Run(spec, input, true, seed);

            // The window's origin is its first value; every other value follows from it.
            int y0 = (int)o[0] / 7;
            int x0 = (int)o[0] % 7;
            Assert.InRange(y0, 0, 3);
            Assert.InRange(x0, 0, 3);
            for (int i = 0; i < 12; i++)
            {
                Assert.Equal(((y0 + (i / 4)) * 7) + x0 + (i % 4), o[i]);
            }
        }
    }

    [Fact]
    public void Random_crop_of_a_not_larger_image_resizes_a_target_sized_window()
    {
        // K3 random_crop.py: 4x4 -> (2, 8) is not strictly larger, so crop_height = max(min(4, int(4*2/8)), 1) = 1,
        // crop_width = min(4, int(4*8/2)) = 4, h_start = int((4-1)/2) = 1, w_start = 0; the slice is
        // [1:3, 0:8] (the TARGET size, clipped), i.e. rows 1-2, then a bilinear resize of 2x4 to 2x8:
        // column sources (i+0.5)*0.5-0.5 give offsets 0, .25, .75, 1.25, 1.75, 2.25, 2.75, 3 from the row start.
        var spec = new ImagePipelineSpec(4, 4, 1, new[] { new RandomCropOp(2, 8) });
        var expected = new[] { 4f, 4.25f, 4.75f, 5.25f, 5.75f, 6.25f, 6.75f, 7f, 8f, 8.25f, 8.75f, 9.25f, 9.75f, 10.25f, 10.75f, 11f };
        Assert.Equal(expected, Run(spec, ImageTestData.Arange(16), true));
    }
}
