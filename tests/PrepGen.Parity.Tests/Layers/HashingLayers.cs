namespace PrepGen.Parity.Tests.Layers;

/// <summary>Keras Hashing vectors: one generated method per vector (named after its id).</summary>
public static partial class HashingLayers
{
    // hashing-farmhash-ABCDE-3: num_bins=3
    [Hashing(NumBins = 3)]
    public static partial long FarmhashAbcde3(string value);

    // hashing-farmhash-mask-empty-3: num_bins=3, mask_value=""
    [Hashing(NumBins = 3, MaskValue = "")]
    public static partial long FarmhashMaskEmpty3(string value);

    // hashing-siphash-133-137-ABCDE-3: num_bins=3, salt=[133, 137]
    [Hashing(NumBins = 3, SaltPair = new long[] { 133, 137 })]
    public static partial long Siphash133137Abcde3(string value);

    // hashing-siphash-int-salt-133-ABCDE-3: num_bins=3, salt=133
    [Hashing(NumBins = 3, Salt = 133)]
    public static partial long SiphashIntSalt133Abcde3(string value);

    // hashing-farmhash-int-list-3: num_bins=3, integer input
    [Hashing(NumBins = 3)]
    public static partial long FarmhashIntList3(long value);

    // hashing-single-bin: num_bins=1
    [Hashing(NumBins = 1)]
    public static partial long SingleBin(string value);

    // hashing-farmhash-wire-2: num_bins=2
    [Hashing(NumBins = 2)]
    public static partial long FarmhashWire2(string value);

    // hashing-farmhash-wire-mask-empty-3: num_bins=3, mask_value=""
    [Hashing(NumBins = 3, MaskValue = "")]
    public static partial long FarmhashWireMaskEmpty3(string value);

    // hashing-farmhash-wire-mask-omar-3: num_bins=3, mask_value="omar"
    [Hashing(NumBins = 3, MaskValue = "omar")]
    public static partial long FarmhashWireMaskOmar3(string value);

    // hashing-farmhash-wire-flat-2: num_bins=2, a flat batch of strings
    [Hashing(NumBins = 2)]
    public static partial void FarmhashWireFlat2(ReadOnlySpan<string> values, Span<long> bins);

    // hashing-farmhash-int-2d-3: num_bins=3, integer input
    [Hashing(NumBins = 3)]
    public static partial long FarmhashInt2d3(long value);

    // hashing-siphash-wire-133-137-2: num_bins=2, salt=[133, 137]
    [Hashing(NumBins = 2, SaltPair = new long[] { 133, 137 })]
    public static partial long SiphashWire133137x2(string value);

    // hashing-siphash-wire-211-137-2: num_bins=2, salt=[211, 137]
    [Hashing(NumBins = 2, SaltPair = new long[] { 211, 137 })]
    public static partial long SiphashWire211137x2(string value);

    // hashing-siphash-int-133-137-3: num_bins=3, salt=[133, 137], integer input
    [Hashing(NumBins = 3, SaltPair = new long[] { 133, 137 })]
    public static partial long SiphashInt133137x3(long value);

    // hashing-farmhash-sparse-mask-omar-3: num_bins=3, mask_value="omar" (applied to the sparse values)
    [Hashing(NumBins = 3, MaskValue = "omar")]
    public static partial long FarmhashSparseMaskOmar3(ReadOnlySpan<byte> utf8);

    // hashing-one-hot-int-3: num_bins=3, output_mode="one_hot", integer input
    [Hashing(NumBins = 3, OutputMode = OutputMode.OneHot)]
    public static partial void OneHotInt3(long value, Span<float> output);

    // hashing-multi-hot-int-3: num_bins=3, output_mode="multi_hot", integer input
    [Hashing(NumBins = 3, OutputMode = OutputMode.MultiHot)]
    public static partial void MultiHotInt3(ReadOnlySpan<long> values, Span<float> output);

    // hashing-count-int-1d-3 and hashing-count-int-2d-3: num_bins=3, output_mode="count", integer input
    [Hashing(NumBins = 3, OutputMode = OutputMode.Count)]
    public static partial void CountInt3(ReadOnlySpan<long> values, Span<float> output);

    // hashing-list-input-2: num_bins=2, a flat batch of integers
    [Hashing(NumBins = 2)]
    public static partial void ListInput2(ReadOnlySpan<long> values, Span<long> bins);

    // hashing-list-input-2d-multiple-2: num_bins=2, integer input
    [Hashing(NumBins = 2)]
    public static partial long ListInput2dMultiple2(long value);
}
