using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace PrepGen.Imaging;

/// <summary>
/// An immutable image pipeline: the input size (channels-last), the ordered ops (a Keras
/// <c>Sequential</c>) and the output layout. Run it with <see cref="ImagePipelineCpu"/> or on a GPU
/// with <c>PrepGen.Cuda.CudaImagePipeline</c>.
/// </summary>
public sealed class ImagePipelineSpec
{
    private readonly PipelineStage[] _inference;
    private readonly PipelineStage[] _training;

    /// <summary>Creates a spec and computes every stage's size; invalid sizes throw.</summary>
    /// <param name="height">Input height.</param>
    /// <param name="width">Input width.</param>
    /// <param name="channels">Input channels.</param>
    /// <param name="ops">The layers, in order.</param>
    /// <param name="outputLayout">Memory order of the output.</param>
    public ImagePipelineSpec(int height, int width, int channels, IEnumerable<ImageOp> ops,
        ImageLayout outputLayout = ImageLayout.ChannelsLast)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentNullException.ThrowIfNull(ops);
        CheckImageSize(height, width, channels, "The input image");
        Height = height;
        Width = width;
        Channels = channels;
        OutputLayout = outputLayout;
        Ops = new ReadOnlyCollection<ImageOp>(ops.ToArray());
        foreach (var op in Ops)
        {
            ArgumentNullException.ThrowIfNull(op, nameof(ops));
            if (op is NormalizeOp n && n.Mean.Length != 1 && n.Mean.Length != channels)
            {
                throw new ArgumentException($"Normalization has {n.Mean.Length} values for {channels} channels.", nameof(ops));
            }
        }

        _inference = BuildStages(training: false);
        _training = BuildStages(training: true);
    }

    /// <summary>Input height.</summary>
    public int Height { get; }

    /// <summary>Input width.</summary>
    public int Width { get; }

    /// <summary>Input channels (output channels are the same).</summary>
    public int Channels { get; }

    /// <summary>Memory order of the output.</summary>
    public ImageLayout OutputLayout { get; }

    /// <summary>The layers, in order.</summary>
    public IReadOnlyList<ImageOp> Ops { get; }

    /// <summary>Output height in inference (<c>training = false</c>).</summary>
    public int OutputHeight => Last(_inference).H;

    /// <summary>Output width in inference.</summary>
    public int OutputWidth => Last(_inference).W;

    /// <summary>Output height in training; differs from <see cref="OutputHeight"/> only with RandomCrop.</summary>
    public int TrainingOutputHeight => Last(_training).H;

    /// <summary>Output width in training.</summary>
    public int TrainingOutputWidth => Last(_training).W;

    /// <summary>
    /// The most values one image may hold at any stage: the CPU kernels run each image in float arrays and
    /// index it with ints, the CUDA kernels index within an image with ints.
    /// </summary>
    internal static int MaxImageValues => Array.MaxLength;

    /// <summary>Floats per input image (H * W * C).</summary>
    public int InputLength => checked(Height * Width * Channels);

    /// <summary>Floats per output image in the given mode.</summary>
    /// <param name="training">Whether augmentation is active.</param>
    public int OutputLength(bool training)
    {
        var (h, w) = Last(training ? _training : _inference);
        return checked(h * w * Channels);
    }

    /// <summary>The stages that act in a mode (inference drops the augmentation layers).</summary>
    /// <param name="training">Whether augmentation is active.</param>
    public IReadOnlyList<PipelineStage> Stages(bool training) => training ? _training : _inference;

    internal PipelineStage[] StageArray(bool training) => training ? _training : _inference;

    private (int H, int W) Last(PipelineStage[] stages)
        => stages.Length == 0 ? (Height, Width) : (stages[^1].OutHeight, stages[^1].OutWidth);

    /// <summary>Refuses an image whose length overflows what the kernels index (checked 64-bit arithmetic).</summary>
    private static void CheckImageSize(int height, int width, int channels, string what)
    {
        long values = (long)height * width * channels;
        if (values > MaxImageValues)
        {
            throw new ArgumentException(
                $"{what} would be {height}x{width}x{channels} = {values:N0} values; an image holds at most {MaxImageValues:N0} (its length must fit in an int).");
        }
    }

    private PipelineStage[] BuildStages(bool training)
    {
        var list = new List<PipelineStage>();
        int h = Height;
        int w = Width;
        for (int i = 0; i < Ops.Count; i++)
        {
            var op = Ops[i];
            if (op.IsRandom && !training)
            {
                continue;
            }

            var (oh, ow) = op.OutputSize(h, w, training);
            CheckImageSize(oh, ow, Channels, $"Layer {i} ({op.GetType().Name.Replace("Op", "", StringComparison.Ordinal)}{(training ? ", training" : "")})'s output");
            ResampleMap? map = op switch
            {
                ResizeOp r => ResampleMap.ForResize(h, w, r),
                CenterCropOp c => ResampleMap.ForCenterCrop(h, w, c.Height, c.Width),
                RandomCropOp c when !(h > c.Height && w > c.Width) => ResampleMap.RandomCropFallback(h, w, c.Height, c.Width),
                _ => null,
            };
            list.Add(new PipelineStage(op, i, h, w, oh, ow) { Map = map });
            (h, w) = (oh, ow);
        }

        return list.ToArray();
    }
}
