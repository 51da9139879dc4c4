namespace PrepGen.Parity.Tests.Layers;

/// <summary>Layers from the Keras guide and docstrings, and extra calling shapes, all generated.</summary>
public static partial class GuideLayers
{
    /// <summary>StringLookup docstring: vocabulary a, b, c, d with num_oov_indices=2.</summary>
    [StringLookup(Vocabulary = new[] { "a", "b", "c", "d" }, NumOovIndices = 2)]
    public static partial long TwoOov(string value);

    /// <summary>tf.strings.to_hash_bucket_fast(x, 3) is Hashing(num_bins=3) without a salt.</summary>
    [Hashing(NumBins = 3)]
    public static partial long HashBucketFast3(string value);

    /// <summary>The guide's hashing trick: Hashing(num_bins=64, salt=1337) ...</summary>
    [Hashing(NumBins = 64, Salt = 1337)]
    public static partial void TrickHash(ReadOnlySpan<long> values, Span<long> bins);

    /// <summary>... then CategoryEncoding(num_tokens=64, output_mode="multi_hot").</summary>
    [CategoryEncoding(NumTokens = 64, OutputMode = OutputMode.MultiHot)]
    public static partial void TrickEncode(ReadOnlySpan<long> values, Span<float> output);

    // Non-ASCII tokens through the UTF-16 and UTF-8 entry points of one vocabulary.
    [StringLookup(Vocabulary = new[] { "café", "東京", "😀", "naïve", "a" })]
    public static partial long WorldString(string value);

    [StringLookup(Vocabulary = new[] { "café", "東京", "😀", "naïve", "a" })]
    public static partial long WorldChars(ReadOnlySpan<char> value);

    [StringLookup(Vocabulary = new[] { "café", "東京", "😀", "naïve", "a" })]
    public static partial long WorldUtf8(ReadOnlySpan<byte> utf8);

    [StringLookup(Vocabulary = new[] { "café", "東京", "😀", "naïve", "a" })]
    public static partial void WorldBatch(ReadOnlySpan<string> values, Span<long> indices);

    [StringLookup(Vocabulary = new[] { "café", "東京", "😀", "naïve", "a" }, OutputMode = OutputMode.OneHot)]
    public static partial void WorldOneHotChars(ReadOnlySpan<char> value, Span<float> output);

    [StringLookup(Vocabulary = new[] { "café", "東京", "😀", "naïve", "a" }, OutputMode = OutputMode.OneHot)]
    public static partial void WorldOneHotUtf8(ReadOnlySpan<byte> utf8, Span<float> output);

    // Hashing of non-ASCII strings, FarmHash and SipHash, through the three entry points.
    [Hashing(NumBins = 1 << 20)]
    public static partial long FarmString(string value);

    [Hashing(NumBins = 1 << 20)]
    public static partial long FarmChars(ReadOnlySpan<char> value);

    [Hashing(NumBins = 1 << 20)]
    public static partial long FarmUtf8(ReadOnlySpan<byte> utf8);

    [Hashing(NumBins = 1 << 20, SaltPair = new long[] { 133, 137 })]
    public static partial long SipString(string value);

    [Hashing(NumBins = 1 << 20, SaltPair = new long[] { 133, 137 })]
    public static partial long SipChars(ReadOnlySpan<char> value);

    [Hashing(NumBins = 1 << 20, SaltPair = new long[] { 133, 137 })]
    public static partial long SipUtf8(ReadOnlySpan<byte> utf8);

    [Hashing(NumBins = 1 << 20)]
    public static partial long FarmLong(long value);

    // NumOovIndices = 0: an OOV value is an error, as in Keras.
    [StringLookup(Vocabulary = new[] { "a", "b", "c" }, NumOovIndices = 0)]
    public static partial long StringNoOov(string value);

    [StringLookup(Vocabulary = new[] { "a", "b", "c" }, NumOovIndices = 0)]
    public static partial long StringNoOovUtf8(ReadOnlySpan<byte> utf8);

    [IntegerLookup(Vocabulary = new long[] { 1, 2, 3 }, NumOovIndices = 0)]
    public static partial void IntegerNoOovBatch(ReadOnlySpan<long> values, Span<long> indices);

    // Extra shapes: int return, integer batch lookups, string one-hot hashing.
    [IntegerLookup(Vocabulary = new long[] { 1, 2, 3, 4 })]
    public static partial int IntegerInt(long value);

    [IntegerLookup(Vocabulary = new long[] { 7, 8, 9 }, OutputMode = OutputMode.TfIdf, IdfWeights = new[] { 0.5, 1.5, 2.5 })]
    public static partial void IntegerTfIdf(ReadOnlySpan<long> values, Span<float> output);

    [Hashing(NumBins = 5, OutputMode = OutputMode.OneHot)]
    public static partial void HashOneHotUtf8(ReadOnlySpan<byte> utf8, Span<float> output);

    [HashedCrossing(NumBins = 16)]
    public static partial long CrossThree(string a, long b, string c);
}

/// <summary>Scalar form of the guide's hashing trick layer.</summary>
public static partial class GuideLayers
{
    [Hashing(NumBins = 64, Salt = 1337)]
    public static partial long TrickHashOne(long value);
}

/// <summary>Mask handling (docs/keras-semantics.md, "Hashing" and "Lookup: forward lookup, mask and OOV").</summary>
public static partial class GuideLayers
{
    [Hashing(NumBins = 3, MaskValue = 0)]
    public static partial long HashMaskZero(long value);

    [IntegerLookup(Vocabulary = new long[] { 1, 2 }, MaskToken = 0, OutputMode = OutputMode.OneHot)]
    public static partial void IntegerMaskOneHot(long value, Span<float> output);
}
