using System;

namespace PrepGen;

/// <summary>
/// Keras <c>RandomContrast</c>: in training, scales each channel's deviation from its mean by a random
/// factor, then clips to <see cref="ValueRange"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class RandomContrastAttribute : Attribute
{
    /// <summary>
    /// Two values (lo, hi) give a factor in [1-lo, 1+hi]; one value f gives [1, 1+f] (the Keras 3.6+
    /// behaviour). Required.
    /// </summary>
    public double[]? Factor { get; set; }

    /// <summary>The pixel range to clip to: two values.</summary>
    public double[] ValueRange { get; set; } = new double[] { 0, 255 };
}
