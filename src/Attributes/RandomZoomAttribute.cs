using System;

namespace PrepGen;

/// <summary>Keras <c>RandomZoom</c>: in training, zooms by 1 + a random factor (positive zooms out).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class RandomZoomAttribute : Attribute
{
    /// <summary>Height zoom range: one value f means [-f, f], two values are the range. Required.</summary>
    public double[]? HeightFactor { get; set; }

    /// <summary>Width zoom range as <see cref="HeightFactor"/>; null keeps the aspect ratio.</summary>
    public double[]? WidthFactor { get; set; }

    /// <summary>How points outside the input are filled.</summary>
    public FillMode FillMode { get; set; } = FillMode.Reflect;

    /// <summary>The sampling kernel.</summary>
    public Interpolation Interpolation { get; set; } = Interpolation.Bilinear;

    /// <summary>The fill value for <see cref="FillMode.Constant"/>.</summary>
    public double FillValue { get; set; }
}
