using System;

namespace PrepGen.Imaging;

/// <summary>The [Lower, Upper] range an augmentation layer draws its parameter from (float32, as Keras).</summary>
/// <param name="Lower">The smallest value drawn.</param>
/// <param name="Upper">The largest value drawn (a draw is <c>Lower + (Upper - Lower) * u</c>).</param>
public readonly record struct FactorRange(float Lower, float Upper)
{
    /// <summary>Keras factor rule: one value f means [-f, f], two values are the range.</summary>
    /// <param name="factor">The attribute's factor: one or two values.</param>
    public static FactorRange FromKeras(double[] factor)
    {
        ArgumentNullException.ThrowIfNull(factor);
        return factor.Length switch
        {
            1 => new FactorRange((float)-Math.Abs(factor[0]), (float)Math.Abs(factor[0])),
            2 when factor[0] <= factor[1] => new FactorRange((float)factor[0], (float)factor[1]),
            _ => throw new ArgumentException("A factor is one value f (meaning [-f, f]) or two ascending values.", nameof(factor)),
        };
    }

    /// <summary>
    /// Keras 3.6+ RandomContrast rule: one value f gives [1, 1+f] (Keras turns f into (0, f)); two values
    /// (lo, hi) give [1-lo, 1+hi].
    /// </summary>
    /// <param name="factor">The attribute's factor: one or two values.</param>
    public static FactorRange ContrastFromKeras(double[] factor)
    {
        ArgumentNullException.ThrowIfNull(factor);
        double lo;
        double hi;
        switch (factor.Length)
        {
            case 1:
                lo = Math.Max(-factor[0], 0);
                hi = factor[0];
                break;
            case 2:
                lo = factor[0];
                hi = factor[1];
                break;
            default:
                throw new ArgumentException("A contrast factor is one or two values.", nameof(factor));
        }

        if (lo < 0 || hi < 0)
        {
            throw new ArgumentException("Contrast factors must be non-negative.", nameof(factor));
        }

        return new FactorRange((float)(1.0 - lo), (float)(1.0 + hi));
    }

    /// <summary>Maps a uniform [0, 1) draw into the range in float32, as <c>keras.random.uniform</c>.</summary>
    /// <param name="u">A uniform draw in [0, 1).</param>
    public float At(float u) => Lower + ((Upper - Lower) * u);

    /// <summary>True when the range is one point, so the layer is deterministic.</summary>
    public bool IsDegenerate => Lower == Upper;
}
