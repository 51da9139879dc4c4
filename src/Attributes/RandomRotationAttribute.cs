using System;

namespace PrepGen;

/// <summary>Keras <c>RandomRotation</c>: in training, rotates by a random fraction of a full turn.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class RandomRotationAttribute : Attribute
{
    /// <summary>Fraction of 2π: one value f means [-f, f], two values are the range. Required.</summary>
    public double[]? Factor { get; set; }

    /// <summary>How points outside the input are filled.</summary>
    public FillMode FillMode { get; set; } = FillMode.Reflect;

    /// <summary>The sampling kernel.</summary>
    public Interpolation Interpolation { get; set; } = Interpolation.Bilinear;

    /// <summary>The fill value for <see cref="FillMode.Constant"/>.</summary>
    public double FillValue { get; set; }
}
