namespace PrepGen.Parity.Tests.Layers;

/// <summary>Keras IntegerLookup vectors with a given vocabulary (list or file).</summary>
public static partial class IntegerLookupLayers
{
    // integerlookup-fixed-vocab: vocabulary 1, 2, 3, 4
    [IntegerLookup(Vocabulary = new long[] { 1, 2, 3, 4 }, OutputMode = OutputMode.Int)]
    public static partial void FixedVocab(ReadOnlySpan<long> values, Span<long> indices);

    // integerlookup-one-hot-rank2: output_mode="one_hot", vocabulary 1, 2, 3
    [IntegerLookup(Vocabulary = new long[] { 1, 2, 3 }, OutputMode = OutputMode.OneHot)]
    public static partial void OneHotRank2(long value, Span<float> output);

    // integerlookup-mask-0: mask_token=0, vocabulary 1, 2, 3
    [IntegerLookup(Vocabulary = new long[] { 1, 2, 3 }, OutputMode = OutputMode.Int, MaskToken = 0)]
    public static partial long Mask0(long value);

    // integerlookup-invert: invert=True, vocabulary 10, 20, 30
    [IntegerLookup(Vocabulary = new long[] { 10, 20, 30 }, Invert = true)]
    public static partial long Invert(long index);

    // integerlookup-no-oov: num_oov_indices=0, vocabulary 1, 2, 3
    [IntegerLookup(Vocabulary = new long[] { 1, 2, 3 }, NumOovIndices = 0, OutputMode = OutputMode.Int)]
    public static partial long NoOov(long value);

    // integerlookup-vocab-file: the file holds 10, 20, 30
    [IntegerLookup(VocabularyFile = "state/integerlookup-vocab-file.txt", OutputMode = OutputMode.Int)]
    public static partial long VocabFile(long value);

    // integerlookup-oov-farmhash-4: num_oov_indices=4, oov_method="farmhash", vocabulary 10, 20, 30
    [IntegerLookup(Vocabulary = new long[] { 10, 20, 30 }, NumOovIndices = 4, OovMethod = OovMethod.FarmHash)]
    public static partial long OovFarmhash4(long value);

    // integerlookup-sparse-multi-hot: output_mode="multi_hot" (sparse=True: compared as the dense view), vocabulary 1, 2, 3
    [IntegerLookup(Vocabulary = new long[] { 1, 2, 3 }, OutputMode = OutputMode.MultiHot)]
    public static partial void SparseMultiHot(ReadOnlySpan<long> values, Span<float> output);
}
