namespace PrepGen.Parity.Tests.Layers;

/// <summary>Keras Discretization vectors (discretization_test.py): bin_boundaries [0, 0.5, 1] and [0, 0.35, 0.5, 1].</summary>
public static partial class DiscretizationLayers
{
    // discretization-int: output_mode="int"
    [Discretization(BinBoundaries = new[] { 0.0, 0.5, 1.0 })]
    public static partial long Int3(float value);

    [Discretization(BinBoundaries = new[] { 0.0, 0.5, 1.0 })]
    public static partial void Int3Batch(ReadOnlySpan<float> values, Span<long> bins);

    // discretization-one-hot-rank1 / -rank3: output_mode="one_hot"
    [Discretization(BinBoundaries = new[] { 0.0, 0.5, 1.0 }, OutputMode = OutputMode.OneHot)]
    public static partial void OneHot3(float value, Span<float> output);

    // discretization-multi-hot-rank2 / -rank3: output_mode="multi_hot"
    [Discretization(BinBoundaries = new[] { 0.0, 0.5, 1.0 }, OutputMode = OutputMode.MultiHot)]
    public static partial void MultiHot3(ReadOnlySpan<float> values, Span<float> output);

    // discretization-count: output_mode="count"
    [Discretization(BinBoundaries = new[] { 0.0, 0.5, 1.0 }, OutputMode = OutputMode.Count)]
    public static partial void Count3(ReadOnlySpan<float> values, Span<float> output);

    // discretization-4-boundaries: the int return shape
    [Discretization(BinBoundaries = new[] { 0.0, 0.35, 0.5, 1.0 })]
    public static partial int Four(float value);

    [Discretization(BinBoundaries = new[] { 0.0, 0.35, 0.5, 1.0 })]
    public static partial void FourBatch(ReadOnlySpan<float> values, Span<long> bins);

    /// <summary>The Keras docstring (num_bins=4, epsilon=0.01) adapted with PrepGen.Adapt, read from stats.json.</summary>
    [Discretization(StatsFile = "state/guide-stats.json", StatsKey = "docstring-bins")]
    public static partial void Docstring(ReadOnlySpan<float> values, Span<long> bins);

    /// <summary>Many boundaries: the batch path binary-searches instead of comparing with each boundary.</summary>
    [Discretization(BinBoundaries = new[]
    {
        -16.0, -15.0, -14.0, -13.0, -12.0, -11.0, -10.0, -9.0, -8.0, -7.0, -6.0, -5.0, -4.0, -3.0, -2.0, -1.0,
        0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0, 16.0, 17.0,
    })]
    public static partial void ManyBatch(ReadOnlySpan<float> values, Span<long> bins);
}

/// <summary>Keras Normalization (docs/keras-semantics.md, "Normalization", and the preprocessing guide).</summary>
public static partial class NormalizationLayers
{
    /// <summary>The guide: adapted on [[0.1,0.2,0.3],[0.8,0.9,1.0],[1.5,1.6,1.7]] (state/guide-stats.json, key "guide").</summary>
    [Normalization(StatsFile = "state/guide-stats.json", StatsKey = "guide")]
    public static partial void Guide(ReadOnlySpan<float> input, Span<float> output);

    [Normalization(StatsFile = "state/guide-stats.json", StatsKey = "guide", Invert = true)]
    public static partial void GuideInverse(ReadOnlySpan<float> input, Span<float> output);

    /// <summary>Zero variance divides by 1e-7 (not by 0): the mean itself gives 0.</summary>
    [Normalization(Mean = new[] { 2.5 }, Variance = new[] { 0.0 })]
    public static partial void ZeroVariance(ReadOnlySpan<float> input, Span<float> output);

    /// <summary>A single-element mean and variance broadcast over every element.</summary>
    [Normalization(Mean = new[] { 1.5 }, Variance = new[] { 4.0 })]
    public static partial void Broadcast(ReadOnlySpan<float> input, Span<float> output);

    [Normalization(Mean = new[] { 1.5 }, Variance = new[] { 4.0 }, Invert = true)]
    public static partial void BroadcastInverse(ReadOnlySpan<float> input, Span<float> output);

    /// <summary>Three features (an RGB-like row), values that are not exact in float32.</summary>
    [Normalization(Mean = new[] { 0.485, 0.456, 0.406 }, Variance = new[] { 0.052441, 0.050176, 0.050625 })]
    public static partial void Rgb(ReadOnlySpan<float> input, Span<float> output);

    [Normalization(Mean = new[] { 0.485, 0.456, 0.406 }, Variance = new[] { 0.052441, 0.050176, 0.050625 }, Invert = true)]
    public static partial void RgbInverse(ReadOnlySpan<float> input, Span<float> output);
}

/// <summary>Keras Rescaling (docs/keras-semantics.md, "Rescaling").</summary>
public static partial class RescalingLayers
{
    /// <summary>Rescaling(1/255) on 8-bit pixels.</summary>
    [Rescaling(Scale = 1.0 / 255)]
    public static partial void Bytes(ReadOnlySpan<byte> input, Span<float> output);

    /// <summary>Rescaling(1/127.5, offset=-1): [0, 255] to [-1, 1].</summary>
    [Rescaling(Scale = 1.0 / 127.5, Offset = -1)]
    public static partial void Centered(ReadOnlySpan<float> input, Span<float> output);

    [Rescaling(Scale = 1.0 / 127.5, Offset = -1)]
    public static partial void CenteredBytes(ReadOnlySpan<byte> input, Span<float> output);
}
