using PrepGen;

namespace PrepGen.Benchmarks;

/// <summary>Numeric layers for the Normalization/Discretization benchmarks (constants as a Keras adapt would give).</summary>
public static partial class NumericLayers
{
    /// <summary>One feature: every element of the span is normalized with the same mean and variance.</summary>
    [Normalization(Mean = new[] { 12.5 }, Variance = new[] { 42.25 })]
    public static partial void Normalize(ReadOnlySpan<float> input, Span<float> output);

    /// <summary>Eight bins (seven boundaries).</summary>
    [Discretization(BinBoundaries = new[] { -1.5, -0.75, -0.25, 0.0, 0.25, 0.75, 1.5 })]
    public static partial void Bucketize(ReadOnlySpan<float> values, Span<long> bins);
}
