using System;

namespace PrepGen;

/// <summary>
/// Marks a static partial class as an image pipeline: the image layer attributes on it apply in the
/// order they are written, as a Keras <c>Sequential</c>. Input images are channels-last.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ImagePipelineAttribute : Attribute
{
    /// <summary>Input image height in pixels. Required.</summary>
    public int Height { get; set; }

    /// <summary>Input image width in pixels. Required.</summary>
    public int Width { get; set; }

    /// <summary>Input channel count. Required.</summary>
    public int Channels { get; set; }

    /// <summary>Memory order of the output batch.</summary>
    public ImageLayout OutputLayout { get; set; } = ImageLayout.ChannelsLast;
}
