using System;

namespace PrepGen.Imaging;

/// <summary>Keras <c>Resizing</c> (TensorFlow half-pixel bilinear or nearest).</summary>
public sealed class ResizeOp : SizedImageOp
{
    /// <summary>Creates the op.</summary>
    /// <param name="height">Output height.</param>
    /// <param name="width">Output width.</param>
    /// <param name="interpolation">Resampling kernel.</param>
    /// <param name="cropToAspectRatio">Center-crop to the target aspect ratio first.</param>
    /// <param name="padToAspectRatio">Pad with <paramref name="fillValue"/> to the target aspect ratio first.</param>
    /// <param name="fillValue">Padding value.</param>
    public ResizeOp(int height, int width, Interpolation interpolation = Interpolation.Bilinear,
        bool cropToAspectRatio = false, bool padToAspectRatio = false, float fillValue = 0f)
        : base(height, width)
    {
        if (cropToAspectRatio && padToAspectRatio)
        {
            throw new ArgumentException("Only one of cropToAspectRatio and padToAspectRatio can be set (Keras raises ValueError).");
        }

        Interpolation = interpolation;
        CropToAspectRatio = cropToAspectRatio;
        PadToAspectRatio = padToAspectRatio;
        FillValue = fillValue;
    }

    /// <summary>Resampling kernel.</summary>
    public Interpolation Interpolation { get; }

    /// <summary>Center-crop to the target aspect ratio before resizing.</summary>
    public bool CropToAspectRatio { get; }

    /// <summary>Pad to the target aspect ratio before resizing.</summary>
    public bool PadToAspectRatio { get; }

    /// <summary>Padding value.</summary>
    public float FillValue { get; }

    /// <inheritdoc/>
    public override bool IsRandom => false;
}

/// <summary>Keras <c>CenterCrop</c>: a plain crop, or aspect-crop plus bilinear resize when the input is smaller.</summary>
public sealed class CenterCropOp : SizedImageOp
{
    /// <summary>Creates the op.</summary>
    /// <param name="height">Output height.</param>
    /// <param name="width">Output width.</param>
    public CenterCropOp(int height, int width)
        : base(height, width)
    {
    }

    /// <inheritdoc/>
    public override bool IsRandom => false;
}

/// <summary>Keras <c>Rescaling</c>: <c>x * scale + offset</c> as two float32 operations.</summary>
public sealed class RescaleOp : ImageOp
{
    /// <summary>Creates the op.</summary>
    /// <param name="scale">Multiplier.</param>
    /// <param name="offset">Added after scaling.</param>
    public RescaleOp(float scale, float offset = 0f)
    {
        Scale = scale;
        Offset = offset;
    }

    /// <summary>Multiplier.</summary>
    public float Scale { get; }

    /// <summary>Added after scaling.</summary>
    public float Offset { get; }

    /// <inheritdoc/>
    public override bool IsRandom => false;
}

/// <summary>
/// Keras <c>Normalization</c> over the channel axis: <c>(x - mean) / max(sqrt(var), 1e-7)</c> in float32,
/// or <c>mean + x * max(sqrt(var), 1e-7)</c> when inverted.
/// </summary>
public sealed class NormalizeOp : ImageOp
{
    private readonly float[] _mean;
    private readonly float[] _variance;

    /// <summary>Creates the op; one value broadcasts to every channel.</summary>
    /// <param name="mean">Per-channel mean (or one value).</param>
    /// <param name="variance">Per-channel variance, not standard deviation (or one value).</param>
    /// <param name="invert">Undo a normalization instead.</param>
    public NormalizeOp(ReadOnlySpan<float> mean, ReadOnlySpan<float> variance, bool invert = false)
    {
        if (mean.Length == 0 || mean.Length != variance.Length)
        {
            throw new ArgumentException("Mean and variance must be non-empty and the same length.");
        }

        _mean = mean.ToArray();
        _variance = variance.ToArray();
        Invert = invert;
    }

    /// <summary>Per-channel mean.</summary>
    public ReadOnlySpan<float> Mean => _mean;

    /// <summary>Per-channel variance.</summary>
    public ReadOnlySpan<float> Variance => _variance;

    /// <summary>Whether this undoes a normalization.</summary>
    public bool Invert { get; }

    /// <inheritdoc/>
    public override bool IsRandom => false;

    /// <summary>The mean of channel <paramref name="c"/> (broadcast when one value was given).</summary>
    /// <param name="c">Channel index.</param>
    public float MeanOf(int c) => _mean.Length == 1 ? _mean[0] : _mean[c];

    /// <summary>The float32 divisor <c>max(sqrt(var), 1e-7)</c> of channel <paramref name="c"/>.</summary>
    /// <param name="c">Channel index.</param>
    public float DivisorOf(int c) => MathF.Max(MathF.Sqrt(_variance.Length == 1 ? _variance[0] : _variance[c]), 1e-7f);
}
