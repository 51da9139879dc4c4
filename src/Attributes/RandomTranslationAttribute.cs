using System;

namespace PrepGen;

/// <summary>Keras <c>RandomTranslation</c>: in training, shifts by a random fraction of the size.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class RandomTranslationAttribute : Attribute
{
    /// <summary>Vertical shift as a fraction of the height (positive moves down): one value f means [-f, f], two values are the range. Required.</summary>
    public double[]? HeightFactor { get; set; }

    /// <summary>Horizontal shift as a fraction of the width (positive moves right), as <see cref="HeightFactor"/>. Required.</summary>
    public double[]? WidthFactor { get; set; }

    /// <summary>How points outside the input are filled.</summary>
    public FillMode FillMode { get; set; } = FillMode.Reflect;

    /// <summary>The sampling kernel.</summary>
    public Interpolation Interpolation { get; set; } = Interpolation.Bilinear;

    /// <summary>The fill value for <see cref="FillMode.Constant"/>.</summary>
    public double FillValue { get; set; }
}
