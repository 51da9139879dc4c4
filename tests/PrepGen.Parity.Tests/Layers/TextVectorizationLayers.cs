namespace PrepGen.Parity.Tests.Layers;

/// <summary>Keras TextVectorization vectors with a given vocabulary (list or file), plus the adapt vector's learned list.</summary>
public static partial class TextVectorizationLayers
{
    // textvec-adapt-seq4: max_tokens=5000, output_sequence_length=4, adapted on ["foo bar", "bar baz", "baz bada boom"].
    // This inline vocabulary was written from the vector's note (learned vocab ['', '[UNK]', 'baz', 'bar', 'foo',
    // 'boom', 'bada']); the runner asserts that PrepGen.Adapt.TextVectorizationAdapter reproduces it.
    [TextVectorization(MaxTokens = 5000, OutputSequenceLength = 4, Vocabulary = new[] { "baz", "bar", "foo", "boom", "bada" })]
    public static partial int AdaptSeq4(string text, Span<long> tokenIds);

    // textvec-fixed-vocab-seq4: max_tokens=5000, output_sequence_length=4, vocabulary baz, bar, foo
    [TextVectorization(MaxTokens = 5000, OutputMode = OutputMode.Int, OutputSequenceLength = 4, Vocabulary = new[] { "baz", "bar", "foo" })]
    public static partial int FixedVocabSeq4(ReadOnlySpan<char> text, Span<long> tokenIds);

    // The same layer, batch shape (row-major, 4 ids per document).
    [TextVectorization(MaxTokens = 5000, OutputMode = OutputMode.Int, OutputSequenceLength = 4, Vocabulary = new[] { "baz", "bar", "foo" })]
    public static partial void FixedVocabSeq4Batch(ReadOnlySpan<string> texts, Span<long> tokenIds);

    // textvec-ragged: ragged=True, vocabulary baz, bar, foo (no output_sequence_length)
    [TextVectorization(Vocabulary = new[] { "baz", "bar", "foo" })]
    public static partial int Ragged(ReadOnlySpan<byte> text, Span<long> tokenIds);

    // textvec-ragged-seq2: ragged=True, output_sequence_length=2 (truncates, never pads: the return value says how many are real)
    [TextVectorization(OutputSequenceLength = 2, Vocabulary = new[] { "baz", "bar", "foo" })]
    public static partial int RaggedSeq2(string text, Span<long> tokenIds);

    // textvec-multi-hot: output_mode="multi_hot", vocabulary foo, bar, baz (width 4: OOV + 3)
    [TextVectorization(OutputMode = OutputMode.MultiHot, Vocabulary = new[] { "foo", "bar", "baz" })]
    public static partial void MultiHot(string text, Span<float> output);

    // The same layer, batch shape (row-major, 4 floats per document).
    [TextVectorization(OutputMode = OutputMode.MultiHot, Vocabulary = new[] { "foo", "bar", "baz" })]
    public static partial void MultiHotBatch(ReadOnlySpan<string> texts, Span<float> output);

    // textvec-count: output_mode="count", vocabulary foo, bar, baz
    [TextVectorization(OutputMode = OutputMode.Count, Vocabulary = new[] { "foo", "bar", "baz" })]
    public static partial void Count(ReadOnlySpan<char> text, Span<float> output);

    // textvec-tfidf-given-idf: output_mode="tf_idf", vocabulary foo, bar, baz, idf 0.3, 0.5, 0.2 (OOV idf = their mean)
    [TextVectorization(OutputMode = OutputMode.TfIdf, Vocabulary = new[] { "foo", "bar", "baz" }, IdfWeights = new[] { 0.3, 0.5, 0.2 })]
    public static partial void TfIdf(ReadOnlySpan<byte> text, Span<float> output);

    // The same layer, batch shape.
    [TextVectorization(OutputMode = OutputMode.TfIdf, Vocabulary = new[] { "foo", "bar", "baz" }, IdfWeights = new[] { 0.3, 0.5, 0.2 })]
    public static partial void TfIdfBatch(ReadOnlySpan<string> texts, Span<float> output);

    // textvec-lower-strip-punct: standardize="lower_and_strip_punctuation"
    [TextVectorization(Standardize = Standardize.LowerAndStripPunctuation, Vocabulary = new[] { "hello", "world", "this", "is", "nice", "test" })]
    public static partial int LowerStripPunct(string text, Span<long> tokenIds);

    // textvec-lower-only: standardize="lower"
    [TextVectorization(Standardize = Standardize.Lower, Vocabulary = new[] { "hello,", "hello", "world", "this", "is", "nice", "test" })]
    public static partial int LowerOnly(ReadOnlySpan<char> text, Span<long> tokenIds);

    // textvec-char-split: split="character"
    [TextVectorization(Split = Split.Character, OutputMode = OutputMode.Int, Vocabulary = new[] { "a", "b", "c", "d", "e" })]
    public static partial int CharSplit(ReadOnlySpan<byte> text, Span<long> tokenIds);

    // textvec-strip-punct-only: standardize="strip_punctuation"
    [TextVectorization(Standardize = Standardize.StripPunctuation, Vocabulary = new[] { "Hello", "World", "Test" })]
    public static partial int StripPunctOnly(string text, Span<long> tokenIds);

    // textvec-no-standardize: standardize=None
    [TextVectorization(Standardize = Standardize.None, Vocabulary = new[] { "Hello", "world" })]
    public static partial int NoStandardize(ReadOnlySpan<char> text, Span<long> tokenIds);

    // textvec-no-split: split=None
    [TextVectorization(Split = Split.None, OutputMode = OutputMode.Int, Vocabulary = new[] { "foo", "bar", "baz" })]
    public static partial int NoSplit(ReadOnlySpan<byte> text, Span<long> tokenIds);

    // textvec-vocab-file: the vocabulary file "foo\nbar\nbaz\n" (state/textvec-vocab-file.txt)
    [TextVectorization(VocabularyFile = "state/textvec-vocab-file.txt", OutputMode = OutputMode.Int)]
    public static partial int VocabFile(string text, Span<long> tokenIds);

    // Not a Keras vector: U+FFFD as an inline vocabulary token, so invalid UTF-8 split by character (one
    // U+FFFD token per ill-formed subsequence, tf.strings.unicode_split errors="replace") can hit it.
    [TextVectorization(Split = Split.Character, Standardize = Standardize.None, Vocabulary = new[] { "\uFFFD", "a" })]
    public static partial int ReplacementCharacter(ReadOnlySpan<byte> text, Span<long> tokenIds);
}
