using System;

namespace PrepGen;

/// <summary>Keras <c>RandomFlip</c>: in training, flips each image with probability 1/2.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class RandomFlipAttribute : Attribute
{
    /// <summary>Which axes may flip.</summary>
    public FlipMode Mode { get; set; } = FlipMode.HorizontalAndVertical;
}
