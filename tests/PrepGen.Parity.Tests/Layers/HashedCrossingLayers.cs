namespace PrepGen.Parity.Tests.Layers;

/// <summary>Keras HashedCrossing vectors: (string, int64) feature pairs.</summary>
public static partial class HashedCrossingLayers
{
    // hashedcrossing-int-5: num_bins=5
    [HashedCrossing(NumBins = 5)]
    public static partial long Int5(string feat1, long feat2);

    // hashedcrossing-one-hot-5: num_bins=5, output_mode="one_hot"
    [HashedCrossing(NumBins = 5, OutputMode = OutputMode.OneHot)]
    public static partial void OneHot5(string feat1, long feat2, Span<float> output);

    // hashedcrossing-scalar-10: num_bins=10, scalar inputs
    [HashedCrossing(NumBins = 10)]
    public static partial long Scalar10(string feat1, long feat2);
}
