namespace PrepGen.Parity.Tests.Layers;

/// <summary>
/// The Keras guide's TextVectorization examples (docs/keras-semantics.md, "The preprocessing guide's examples"), compiled from state files that
/// PrepGen.Adapt.TextVectorizationAdapter wrote (TextGuideTests checks that it still writes exactly these).
/// </summary>
public static partial class TextGuideLayers
{
    // Adapted on the four "Brain" lines, output_mode="int".
    [TextVectorization(VocabularyFile = "state/brain-int.txt")]
    public static partial int BrainInt(string text, Span<long> tokenIds);

    // Adapted with output_mode="multi_hot", ngrams=2 (41 entries).
    [TextVectorization(VocabularyFile = "state/brain-bigram.txt", OutputMode = OutputMode.MultiHot, Ngrams = 2)]
    public static partial void BrainBigramMultiHot(string text, Span<float> output);

    // Adapted with output_mode="tf_idf", ngrams=2: the same vocabulary plus idf weights.
    [TextVectorization(VocabularyFile = "state/brain-bigram.txt", IdfWeightsFile = "state/brain-bigram-idf.txt", OutputMode = OutputMode.TfIdf, Ngrams = 2)]
    public static partial void BrainBigramTfIdf(ReadOnlySpan<char> text, Span<float> output);

    // Adapted on the eight Greek lines (Odyssey XIX), output_mode="int".
    [TextVectorization(VocabularyFile = "state/greek-int.txt")]
    public static partial int GreekInt(ReadOnlySpan<byte> text, Span<long> tokenIds);
}
