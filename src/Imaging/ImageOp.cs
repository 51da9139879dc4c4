using System;

namespace PrepGen.Imaging;

/// <summary>One Keras image layer in an <see cref="ImagePipelineSpec"/>. Instances are immutable.</summary>
public abstract class ImageOp
{
    private protected ImageOp()
    {
    }

    /// <summary>True for augmentation layers, which act only in training.</summary>
    public abstract bool IsRandom { get; }

    /// <summary>The output (height, width) for an input of (height, width) in the given mode.</summary>
    /// <param name="height">Input height.</param>
    /// <param name="width">Input width.</param>
    /// <param name="training">Whether augmentation is active.</param>
    public virtual (int Height, int Width) OutputSize(int height, int width, bool training) => (height, width);
}

/// <summary>An op with a fixed output size (Resizing, CenterCrop, RandomCrop).</summary>
public abstract class SizedImageOp : ImageOp
{
    private protected SizedImageOp(int height, int width)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        Height = height;
        Width = width;
    }

    /// <summary>Output height.</summary>
    public int Height { get; }

    /// <summary>Output width.</summary>
    public int Width { get; }

    /// <inheritdoc/>
    public override (int Height, int Width) OutputSize(int height, int width, bool training) => (Height, Width);
}

/// <summary>An augmentation that draws one factor per image and clips to a value range (RandomContrast, RandomBrightness).</summary>
public abstract class ValueRangeImageOp : ImageOp
{
    private protected ValueRangeImageOp(FactorRange factor, float valueLow, float valueHigh)
    {
        Factor = factor;
        ValueLow = valueLow;
        ValueHigh = valueHigh;
    }

    /// <summary>Range the per-image factor is drawn from.</summary>
    public FactorRange Factor { get; }

    /// <summary>Lower clip bound.</summary>
    public float ValueLow { get; }

    /// <summary>Upper clip bound.</summary>
    public float ValueHigh { get; }

    /// <inheritdoc/>
    public override bool IsRandom => true;
}
