using PrepGen.Imaging;

namespace PrepGen.Runtime.Tests.Imaging;

/// <summary>Rescaling / Normalization / layout against docs/keras-semantics.md, "Normalization" and "Rescaling".</summary>
public class PointwiseTests
{
    [Fact]
    public void Rescaling_is_two_float32_operations()
    {
        var input = ImageTestData.Floats(ImageTestData.Bytes(7 * 9 * 3, 3));
        var spec = new ImagePipelineSpec(7, 9, 3, new[] { new RescaleOp(1f / 127.5f, -1f) });
        var output = new float[input.Length];
        ImagePipelineCpu.Run(spec, input, 1, output);
        for (int i = 0; i < input.Length; i++)
        {
            float product = input[i] * (1f / 127.5f);
            Assert.Equal(product + -1f, output[i]);
        }
    }

    [Fact]
    public void Normalization_divides_by_sqrt_variance_per_channel()
    {
        var input = ImageTestData.Floats(ImageTestData.Bytes(5 * 11 * 3, 4));
        float[] mean = { 10f, 20f, 30f };
        float[] variance = { 4f, 0f, 2.5f };
        var spec = new ImagePipelineSpec(5, 11, 3, new[] { new NormalizeOp(mean, variance) });
        var output = new float[input.Length];
        ImagePipelineCpu.Run(spec, input, 1, output);
        for (int i = 0; i < input.Length; i++)
        {
            int c = i % 3;

            // Zero variance divides by epsilon 1e-7, not 0 (Keras).
            float divisor = MathF.Max(MathF.Sqrt(variance[c]), 1e-7f);
            Assert.Equal((input[i] - mean[c]) / divisor, output[i]);
        }
    }

    [Fact]
    public void Inverted_normalization_multiplies_back()
    {
        var spec = new ImagePipelineSpec(1, 2, 1, new[] { new NormalizeOp(new[] { 5f }, new[] { 4f }, invert: true) });
        var output = new float[2];
        ImagePipelineCpu.Run(spec, new float[] { 1f, -2f }, 1, output);
        Assert.Equal(new[] { 7f, 1f }, output);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(1)]
    public void Channels_first_output_is_the_transpose(int channels)
    {
        // 2 x 13 pixels: whole 8-pixel vector steps plus a scalar tail.
        const int h = 2;
        const int w = 13;
        var input = ImageTestData.Arange(h * w * channels);
        var last = new ImagePipelineSpec(h, w, channels, Array.Empty<ImageOp>());
        var first = new ImagePipelineSpec(h, w, channels, Array.Empty<ImageOp>(), ImageLayout.ChannelsFirst);
        var nhwc = new float[input.Length];
        var nchw = new float[input.Length];
        ImagePipelineCpu.Run(last, input, 1, nhwc);
        ImagePipelineCpu.Run(first, input, 1, nchw);
        Assert.Equal(input, nhwc);
        for (int c = 0; c < channels; c++)
        {
            for (int p = 0; p < h * w; p++)
            {
                Assert.Equal(input[(p * channels) + c], nchw[(c * h * w) + p]);
            }
        }
    }

    [Fact]
    public void Byte_and_float_inputs_agree()
    {
        var bytes = ImageTestData.Bytes(3 * 20 * 30 * 3, 5);
        var spec = StandardSpec(20, 30, 12, 16, ImageLayout.ChannelsFirst);
        var a = new float[3 * spec.OutputLength(false)];
        var b = new float[a.Length];
        ImagePipelineCpu.Run(spec, bytes, 3, a);
        ImagePipelineCpu.Run(spec, ImageTestData.Floats(bytes), 3, b);
        Assert.Equal(a, b);
    }

    [Theory]
    [InlineData(ImageLayout.ChannelsFirst, Interpolation.Bilinear)]
    [InlineData(ImageLayout.ChannelsLast, Interpolation.Nearest)]
    public void Fused_path_equals_the_stage_by_stage_path(ImageLayout layout, Interpolation interp)
    {
        // A zero translation in training is an exact identity (weights 1 and 0) that forces the general path.
        var bytes = ImageTestData.Bytes(2 * 33 * 47 * 3, 6);
        var ops = new List<ImageOp>
        {
            new ResizeOp(17, 24, interp),
            new RescaleOp(1f / 255f),
            new NormalizeOp(new[] { 0.485f, 0.456f, 0.406f }, new[] { 0.052441f, 0.050176f, 0.050625f }),
        };
        var fused = new ImagePipelineSpec(33, 47, 3, ops, layout);
        var general = new ImagePipelineSpec(33, 47, 3, ops.Append(new RandomTranslationOp(new(0, 0), new(0, 0))), layout);
        var a = new float[2 * fused.OutputLength(false)];
        var b = new float[a.Length];
        ImagePipelineCpu.Run(fused, bytes, 2, a);
        ImagePipelineCpu.Run(general, bytes, 2, b, training: true, seed: 3);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Wrong_buffer_sizes_throw()
    {
        var spec = StandardSpec(4, 4, 2, 2, ImageLayout.ChannelsLast);
        Assert.Throws<ArgumentException>(() => ImagePipelineCpu.Run(spec, new byte[47], 1, new float[12]));
        Assert.Throws<ArgumentException>(() => ImagePipelineCpu.Run(spec, new byte[48], 1, new float[11]));
    }

    internal static ImagePipelineSpec StandardSpec(int h, int w, int oh, int ow, ImageLayout layout) => new(h, w, 3, new ImageOp[]
    {
        new ResizeOp(oh, ow),
        new RescaleOp(1f / 255f),
        new NormalizeOp(new[] { 0.485f, 0.456f, 0.406f }, new[] { 0.229f * 0.229f, 0.224f * 0.224f, 0.225f * 0.225f }),
    }, layout);
}
