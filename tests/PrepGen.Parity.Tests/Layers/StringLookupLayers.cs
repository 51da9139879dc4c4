namespace PrepGen.Parity.Tests.Layers;

/// <summary>Keras StringLookup vectors with a given vocabulary (list or file).</summary>
public static partial class StringLookupLayers
{
    // stringlookup-fixed-vocab: vocabulary a, b, c
    [StringLookup(Vocabulary = new[] { "a", "b", "c" }, OutputMode = OutputMode.Int)]
    public static partial void FixedVocab(ReadOnlySpan<string> values, Span<long> indices);

    // stringlookup-fixed-vocab-2d: vocabulary a, b, c, d (the guide's example)
    [StringLookup(Vocabulary = new[] { "a", "b", "c", "d" })]
    public static partial void FixedVocab2d(ReadOnlySpan<string> values, Span<long> indices);

    // stringlookup-vocab-file-special-tokens: the file holds a, b, c; get_vocabulary() is checked by inverting 0..4
    [StringLookup(VocabularyFile = "state/stringlookup-vocab-file-special-tokens.txt", OutputMode = OutputMode.Int,
        OovToken = "[OOV]", MaskToken = "[MASK]", Invert = true)]
    public static partial string VocabFileSpecialTokensInverse(long index);

    // The forward layer over the same file (index layout check).
    [StringLookup(VocabularyFile = "state/stringlookup-vocab-file-special-tokens.txt", OutputMode = OutputMode.Int,
        OovToken = "[OOV]", MaskToken = "[MASK]")]
    public static partial long VocabFileSpecialTokens(string value);

    // stringlookup-invert-basic: invert=True, vocabulary a, b, c
    [StringLookup(Vocabulary = new[] { "a", "b", "c" }, Invert = true)]
    public static partial string InvertBasic(long index);

    // stringlookup-multi-hot: output_mode="multi_hot", vocabulary a, b
    [StringLookup(Vocabulary = new[] { "a", "b" }, OutputMode = OutputMode.MultiHot)]
    public static partial void MultiHot(ReadOnlySpan<string> values, Span<float> output);

    // stringlookup-mask-basic: mask_token="[MASK]", vocabulary a
    [StringLookup(Vocabulary = new[] { "a" }, MaskToken = "[MASK]")]
    public static partial long MaskBasic(string value);
}
