namespace PrepGen.Parity.Tests.Layers;

/// <summary>Keras CategoryEncoding vectors.</summary>
public static partial class CategoryEncodingLayers
{
    // catenc-count-1d and catenc-count-batched: num_tokens=6, output_mode="count"
    [CategoryEncoding(NumTokens = 6, OutputMode = OutputMode.Count)]
    public static partial void Count6(ReadOnlySpan<long> values, Span<float> output);

    // catenc-count-weighted: num_tokens=6, output_mode="count", with count_weights
    [CategoryEncoding(NumTokens = 6, OutputMode = OutputMode.Count)]
    public static partial void CountWeighted6(ReadOnlySpan<long> values, ReadOnlySpan<float> countWeights, Span<float> output);

    // catenc-multi-hot-1d and catenc-multi-hot-batched: num_tokens=6, output_mode="multi_hot"
    [CategoryEncoding(NumTokens = 6, OutputMode = OutputMode.MultiHot)]
    public static partial void MultiHot6(ReadOnlySpan<long> values, Span<float> output);

    // catenc-one-hot-1d and catenc-one-hot-batched: num_tokens=6, output_mode="one_hot"
    [CategoryEncoding(NumTokens = 6, OutputMode = OutputMode.OneHot)]
    public static partial void OneHot6(long value, Span<float> output);

    // catenc-count-4: num_tokens=4, output_mode="count"
    [CategoryEncoding(NumTokens = 4, OutputMode = OutputMode.Count)]
    public static partial void Count4(ReadOnlySpan<long> values, Span<float> output);
}
