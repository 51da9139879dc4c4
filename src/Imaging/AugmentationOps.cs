using System;

namespace PrepGen.Imaging;

/// <summary>Keras <c>RandomFlip</c>: one draw per image, flip when it is at most 0.5 (Keras 3.6+: one draw for both axes).</summary>
public sealed class RandomFlipOp : ImageOp
{
    /// <summary>Creates the op.</summary>
    /// <param name="mode">Which axes may flip.</param>
    public RandomFlipOp(FlipMode mode = FlipMode.HorizontalAndVertical) => Mode = mode;

    /// <summary>Which axes may flip.</summary>
    public FlipMode Mode { get; }

    /// <inheritdoc/>
    public override bool IsRandom => true;
}

/// <summary>Settings shared by the projective-transform layers (rotation, zoom, translation).</summary>
public abstract class GeometricAugmentOp : ImageOp
{
    private protected GeometricAugmentOp(FillMode fillMode, Interpolation interpolation, float fillValue)
    {
        FillMode = fillMode;
        Interpolation = interpolation;
        FillValue = fillValue;
    }

    /// <summary>How points outside the input are filled.</summary>
    public FillMode FillMode { get; }

    /// <summary>Sampling kernel.</summary>
    public Interpolation Interpolation { get; }

    /// <summary>Value for <see cref="FillMode.Constant"/>.</summary>
    public float FillValue { get; }

    /// <inheritdoc/>
    public override bool IsRandom => true;
}

/// <summary>Keras <c>RandomRotation</c>: angle = uniform(factor) * 2π about the image center.</summary>
public sealed class RandomRotationOp : GeometricAugmentOp
{
    /// <summary>Creates the op.</summary>
    /// <param name="factor">Range in fractions of a full turn (see <see cref="FactorRange.FromKeras"/>).</param>
    /// <param name="fillMode">Fill mode.</param>
    /// <param name="interpolation">Sampling kernel.</param>
    /// <param name="fillValue">Constant fill value.</param>
    public RandomRotationOp(FactorRange factor, FillMode fillMode = FillMode.Reflect,
        Interpolation interpolation = Interpolation.Bilinear, float fillValue = 0f)
        : base(fillMode, interpolation, fillValue)
    {
        Factor = factor;
        Angle = new FactorRange((float)(factor.Lower * 2.0 * Math.PI), (float)(factor.Upper * 2.0 * Math.PI));
    }

    /// <summary>Range in fractions of a full turn.</summary>
    public FactorRange Factor { get; }

    /// <summary>Range in radians (float32), the range Keras draws from.</summary>
    public FactorRange Angle { get; }
}

/// <summary>Keras <c>RandomZoom</c>: zoom = 1 + uniform(factor) per axis; positive zooms out.</summary>
public sealed class RandomZoomOp : GeometricAugmentOp
{
    /// <summary>Creates the op.</summary>
    /// <param name="heightFactor">Height factor range.</param>
    /// <param name="widthFactor">Width factor range; null reuses the height zoom (keeps the aspect ratio).</param>
    /// <param name="fillMode">Fill mode.</param>
    /// <param name="interpolation">Sampling kernel.</param>
    /// <param name="fillValue">Constant fill value.</param>
    public RandomZoomOp(FactorRange heightFactor, FactorRange? widthFactor = null, FillMode fillMode = FillMode.Reflect,
        Interpolation interpolation = Interpolation.Bilinear, float fillValue = 0f)
        : base(fillMode, interpolation, fillValue)
    {
        HeightZoom = new FactorRange((float)(1.0 + heightFactor.Lower), (float)(1.0 + heightFactor.Upper));
        WidthZoom = widthFactor is { } w ? new FactorRange((float)(1.0 + w.Lower), (float)(1.0 + w.Upper)) : null;
    }

    /// <summary>Range of the vertical zoom (1 + factor).</summary>
    public FactorRange HeightZoom { get; }

    /// <summary>Range of the horizontal zoom, or null to reuse the vertical one.</summary>
    public FactorRange? WidthZoom { get; }
}

/// <summary>Keras <c>RandomTranslation</c>: shift = uniform(factor) * size; positive moves down / right.</summary>
public sealed class RandomTranslationOp : GeometricAugmentOp
{
    /// <summary>Creates the op.</summary>
    /// <param name="heightFactor">Vertical shift range as a fraction of the height.</param>
    /// <param name="widthFactor">Horizontal shift range as a fraction of the width.</param>
    /// <param name="fillMode">Fill mode.</param>
    /// <param name="interpolation">Sampling kernel.</param>
    /// <param name="fillValue">Constant fill value.</param>
    public RandomTranslationOp(FactorRange heightFactor, FactorRange widthFactor, FillMode fillMode = FillMode.Reflect,
        Interpolation interpolation = Interpolation.Bilinear, float fillValue = 0f)
        : base(fillMode, interpolation, fillValue)
    {
        HeightFactor = heightFactor;
        WidthFactor = widthFactor;
    }

    /// <summary>Vertical shift range.</summary>
    public FactorRange HeightFactor { get; }

    /// <summary>Horizontal shift range.</summary>
    public FactorRange WidthFactor { get; }
}

/// <summary>
/// Keras <c>RandomCrop</c>: in training a random window when the input is strictly larger on both axes,
/// otherwise a target-sized window at the aspect-crop origin (clipped) plus bilinear resize; in inference
/// the image passes unchanged (Keras 3.8+).
/// </summary>
public sealed class RandomCropOp : SizedImageOp
{
    /// <summary>Creates the op.</summary>
    /// <param name="height">Crop height.</param>
    /// <param name="width">Crop width.</param>
    public RandomCropOp(int height, int width)
        : base(height, width)
    {
    }

    /// <inheritdoc/>
    public override bool IsRandom => true;

    /// <inheritdoc/>
    public override (int Height, int Width) OutputSize(int height, int width, bool training)
        => training ? (Height, Width) : (height, width);
}

/// <summary>Keras <c>RandomContrast</c>: <c>(x - mean) * f + mean</c> per channel, clipped to the value range.</summary>
public sealed class RandomContrastOp : ValueRangeImageOp
{
    /// <summary>Creates the op.</summary>
    /// <param name="factor">Range of the contrast factor itself (see <see cref="FactorRange.ContrastFromKeras"/>).</param>
    /// <param name="valueLow">Lower clip bound.</param>
    /// <param name="valueHigh">Upper clip bound.</param>
    public RandomContrastOp(FactorRange factor, float valueLow = 0f, float valueHigh = 255f)
        : base(factor, valueLow, valueHigh)
    {
    }
}

/// <summary>Keras <c>RandomBrightness</c>: adds uniform(factor) * (high - low), clipped to the value range.</summary>
public sealed class RandomBrightnessOp : ValueRangeImageOp
{
    /// <summary>Creates the op.</summary>
    /// <param name="factor">Range of the delta as a fraction of the value range.</param>
    /// <param name="valueLow">Lower bound of the value range.</param>
    /// <param name="valueHigh">Upper bound of the value range.</param>
    public RandomBrightnessOp(FactorRange factor, float valueLow = 0f, float valueHigh = 255f)
        : base(factor, valueLow, valueHigh)
    {
    }
}
