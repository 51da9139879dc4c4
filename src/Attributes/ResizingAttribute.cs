using System;

namespace PrepGen;

/// <summary>Keras <c>Resizing</c>: resample to a fixed size (TensorFlow half-pixel centers).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ResizingAttribute : Attribute
{
    /// <summary>Creates the layer with its output size.</summary>
    /// <param name="height">Output height in pixels.</param>
    /// <param name="width">Output width in pixels.</param>
    public ResizingAttribute(int height, int width)
    {
        Height = height;
        Width = width;
    }

    /// <summary>Output height in pixels.</summary>
    public int Height { get; }

    /// <summary>Output width in pixels.</summary>
    public int Width { get; }

    /// <summary>The resampling kernel.</summary>
    public Interpolation Interpolation { get; set; } = Interpolation.Bilinear;

    /// <summary>Center-crop to the target aspect ratio before resizing.</summary>
    public bool CropToAspectRatio { get; set; }

    /// <summary>Pad with <see cref="FillValue"/> to the target aspect ratio before resizing.</summary>
    public bool PadToAspectRatio { get; set; }

    /// <summary>The padding value when <see cref="PadToAspectRatio"/> is set.</summary>
    public double FillValue { get; set; }
}
