using PrepGen.Imaging;

namespace PrepGen.Runtime.Tests.Imaging;

/// <summary>
/// Issue 11: image sizes whose products overflow int must never reach the unsafe kernels. Before the fix
/// these specs were accepted with a wrapped (negative or small) length and the kernels wrote out of bounds.
/// </summary>
public class ImageSizeTests
{
    [Theory]
    [InlineData(4, 4, 3, 100000, 100000, "30,000,000,000")]
    [InlineData(4, 4, 1, 65536, 65537, "4,295,032,832")]
    [InlineData(4, 4, 1, 65536, 32768, "2,147,483,648")]
    public void A_resize_whose_output_overflows_is_refused(int h, int w, int c, int outH, int outW, string values)
    {
        var ex = Assert.Throws<ArgumentException>(() => new ImagePipelineSpec(h, w, c, [new ResizeOp(outH, outW)]));
        Assert.Contains(values, ex.Message, StringComparison.Ordinal);
        Assert.Contains("Layer 0 (Resize)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_input_or_a_training_only_crop_that_overflows_is_refused()
    {
        Assert.Contains("The input image", Assert.Throws<ArgumentException>(() => new ImagePipelineSpec(65536, 65536, 1, [])).Message, StringComparison.Ordinal);
        Assert.Contains("training", Assert.Throws<ArgumentException>(() =>
            new ImagePipelineSpec(8, 8, 3, [new RandomCropOp(50000, 50000)])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new ImagePipelineSpec(8, 8, 3, [new CenterCropOp(50000, 50000)]));
    }

    [Fact]
    public void The_largest_image_is_accepted_and_its_lengths_are_exact()
    {
        var spec = new ImagePipelineSpec(1, 1, 1, [new ResizeOp(1 << 15, 1 << 15)]);
        Assert.Equal(1 << 30, spec.OutputLength(training: false));
        Assert.Equal(1, spec.InputLength);
    }

    [Fact]
    public void Aspect_ratio_arithmetic_does_not_wrap()
    {
        // w * outH = 2^29 * 16 overflows int: the crop height was computed from a wrapped 0 (1 row, not 2).
        var crop = new ImagePipelineSpec(2, 1 << 29, 1, [new ResizeOp(16, 2, cropToAspectRatio: true)]);
        Assert.Equal(2, crop.StageArray(false)[0].Map!.WinH);

        // Padding a 1 x 2^20 image to a 4096:1 aspect ratio needs a window of 2^32 rows: refused, not wrapped.
        var ex = Assert.Throws<ArgumentException>(() => new ImagePipelineSpec(1, 1 << 20, 1, [new ResizeOp(4096, 1, padToAspectRatio: true)]));
        Assert.Contains("padded height", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cpu_run_checks_lengths_in_64_bits()
    {
        var spec = new ImagePipelineSpec(2, 2, 1, [new ResizeOp(4, 4)]);
        // batch * InputLength in 64 bits: a huge batch is a length mismatch, not a wrapped match.
        Assert.Throws<ArgumentException>(() => ImagePipelineCpu.Run(spec, new float[4], int.MaxValue, new float[16]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImagePipelineCpu.Run(spec, new float[4], -1, new float[16]));
    }
}
