namespace PrepGen.Parity.Tests.Layers;

/// <summary>
/// Keras IndexLookup vectors (index_lookup_test.py), through the StringLookup and IntegerLookup engines:
/// max_tokens=7, num_oov_indices=1, mask_token="", oov_token="[OOV]" unless noted.
/// </summary>
public static partial class IndexLookupLayers
{
    // indexlookup-k3-output-int-batch
    [StringLookup(Vocabulary = new[] { "one", "two", "three" }, MaxTokens = 7, NumOovIndices = 1, MaskToken = "", OovToken = "[OOV]",
        OutputMode = OutputMode.Int)]
    public static partial void OutputIntBatch(ReadOnlySpan<string> values, Span<long> indices);

    // indexlookup-k3-output-multi-hot
    [StringLookup(Vocabulary = new[] { "one", "two", "three" }, MaxTokens = 7, NumOovIndices = 1, MaskToken = "", OovToken = "[OOV]",
        OutputMode = OutputMode.MultiHot)]
    public static partial void OutputMultiHot(ReadOnlySpan<string> values, Span<float> output);

    // indexlookup-k3-output-one-hot
    [StringLookup(Vocabulary = new[] { "one", "two", "three" }, MaxTokens = 7, NumOovIndices = 1, MaskToken = "", OovToken = "[OOV]",
        OutputMode = OutputMode.OneHot)]
    public static partial void OutputOneHot(string value, Span<float> output);

    // indexlookup-k3-output-count-batch
    [StringLookup(Vocabulary = new[] { "one", "two", "three" }, MaxTokens = 7, NumOovIndices = 1, MaskToken = "", OovToken = "[OOV]",
        OutputMode = OutputMode.Count)]
    public static partial void OutputCountBatch(ReadOnlySpan<string> values, Span<float> output);

    // indexlookup-k3-output-tfidf and indexlookup-k3-output-tfidf-batch: idf_weights 0.1, 0.2, 0.3
    [StringLookup(Vocabulary = new[] { "one", "two", "three" }, MaxTokens = 7, NumOovIndices = 1, MaskToken = "", OovToken = "[OOV]",
        OutputMode = OutputMode.TfIdf, IdfWeights = new[] { 0.1, 0.2, 0.3 })]
    public static partial void OutputTfIdf(ReadOnlySpan<string> values, Span<float> output);

    // indexlookup-k3-invert
    [StringLookup(Vocabulary = new[] { "one", "two", "three" }, MaxTokens = 7, NumOovIndices = 1, MaskToken = "", OovToken = "[OOV]",
        Invert = true, OutputMode = OutputMode.Int)]
    public static partial string Invert(long index);

    // indexlookup-k3-pad-to-max-multi-hot: IntegerLookup engine, max_tokens=5, mask_token=0, oov_token=-1
    [IntegerLookup(Vocabulary = new long[] { 1, 2 }, MaxTokens = 5, NumOovIndices = 1, MaskToken = 0, OovToken = -1,
        PadToMaxTokens = true, OutputMode = OutputMode.MultiHot)]
    public static partial void PadToMaxMultiHot(ReadOnlySpan<long> values, Span<float> output);
}
