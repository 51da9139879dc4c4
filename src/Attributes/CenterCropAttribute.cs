using System;

namespace PrepGen;

/// <summary>Keras <c>CenterCrop</c>: crop the center, or aspect-crop and bilinear-resize when the input is smaller.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class CenterCropAttribute : Attribute
{
    /// <summary>Creates the layer with its output size.</summary>
    /// <param name="height">Output height in pixels.</param>
    /// <param name="width">Output width in pixels.</param>
    public CenterCropAttribute(int height, int width)
    {
        Height = height;
        Width = width;
    }

    /// <summary>Output height in pixels.</summary>
    public int Height { get; }

    /// <summary>Output width in pixels.</summary>
    public int Width { get; }
}
