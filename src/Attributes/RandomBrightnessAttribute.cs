using System;

namespace PrepGen;

/// <summary>
/// Keras <c>RandomBrightness</c>: in training, adds a random delta (a fraction of the value range),
/// then clips to <see cref="ValueRange"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class RandomBrightnessAttribute : Attribute
{
    /// <summary>One value f means [-f, f], two values are the range. Required.</summary>
    public double[]? Factor { get; set; }

    /// <summary>The pixel range: two values.</summary>
    public double[] ValueRange { get; set; } = new double[] { 0, 255 };
}
