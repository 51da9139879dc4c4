using System;

namespace PrepGen;

/// <summary>Keras <c>RandomCrop</c>: a random crop in training; inference passes the image through (Keras 3.8+).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class RandomCropAttribute : Attribute
{
    /// <summary>Creates the layer with its output size.</summary>
    /// <param name="height">Output height in pixels.</param>
    /// <param name="width">Output width in pixels.</param>
    public RandomCropAttribute(int height, int width)
    {
        Height = height;
        Width = width;
    }

    /// <summary>Output height in pixels.</summary>
    public int Height { get; }

    /// <summary>Output width in pixels.</summary>
    public int Width { get; }
}
