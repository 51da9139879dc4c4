namespace PrepGen.Parity.Tests.Layers;

/// <summary>
/// TextVectorization layers for the differential tests: every Standardize x Split x ngram setting (none,
/// Ngrams = 2, NgramWidths = {2, 3}) over one vocabulary file, through the string, ReadOnlySpan&lt;char&gt; and
/// ReadOnlySpan&lt;byte&gt; Int entry points and a Count layer. Written by a script; the table in
/// TextDifferentialTests lists the same layers.
/// </summary>
public static partial class TextDifferentialLayers
{
    private const string Vocab = "state/textdiff-vocab.txt";

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.LowerAndStripPunctuation, Split = Split.Whitespace)]
    public static partial int LpsWsUString(string text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.LowerAndStripPunctuation, Split = Split.Whitespace)]
    public static partial int LpsWsUChars(ReadOnlySpan<char> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.LowerAndStripPunctuation, Split = Split.Whitespace)]
    public static partial int LpsWsUUtf8(ReadOnlySpan<byte> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.LowerAndStripPunctuation, Split = Split.Whitespace, OutputMode = OutputMode.Count)]
    public static partial void LpsWsUCount(ReadOnlySpan<byte> text, Span<float> output);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.LowerAndStripPunctuation, Split = Split.Whitespace, Ngrams = 2)]
    public static partial int LpsWsN2String(string text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.LowerAndStripPunctuation, Split = Split.Whitespace, Ngrams = 2)]
    public static partial int LpsWsN2Chars(ReadOnlySpan<char> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.LowerAndStripPunctuation, Split = Split.Whitespace, Ngrams = 2)]
    public static partial int LpsWsN2Utf8(ReadOnlySpan<byte> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.LowerAndStripPunctuation, Split = Split.Whitespace, Ngrams = 2, OutputMode = OutputMode.Count)]
    public static partial void LpsWsN2Count(ReadOnlySpan<byte> text, Span<float> output);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.LowerAndStripPunctuation, Split = Split.Whitespace, NgramWidths = new[] { 2, 3 })]
    public static partial int LpsWsW23String(string text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.LowerAndStripPunctuation, Split = Split.Whitespace, NgramWidths = new[] { 2, 3 })]
    public static partial int LpsWsW23Chars(ReadOnlySpan<char> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.LowerAndStripPunctuation, Split = Split.Whitespace, NgramWidths = new[] { 2, 3 })]
    public static partial int LpsWsW23Utf8(ReadOnlySpan<byte> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.LowerAndStripPunctuation, Split = Split.Whitespace, NgramWidths = new[] { 2, 3 }, OutputMode = OutputMode.Count)]
    public static partial void LpsWsW23Count(ReadOnlySpan<byte> text, Span<float> output);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.LowerAndStripPunctuation, Split = Split.Character)]
    public static partial int LpsChUString(string text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.LowerAndStripPunctuation, Split = Split.Character)]
    public static partial int LpsChUChars(ReadOnlySpan<char> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.LowerAndStripPunctuation, Split = Split.Character)]
    public static partial int LpsChUUtf8(ReadOnlySpan<byte> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.LowerAndStripPunctuation, Split = Split.Character, OutputMode = OutputMode.Count)]
    public static partial void LpsChUCount(ReadOnlySpan<byte> text, Span<float> output);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.LowerAndStripPunctuation, Split = Split.Character, Ngrams = 2)]
    public static partial int LpsChN2String(string text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.LowerAndStripPunctuation, Split = Split.Character, Ngrams = 2)]
    public static partial int LpsChN2Chars(ReadOnlySpan<char> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.LowerAndStripPunctuation, Split = Split.Character, Ngrams = 2)]
    public static partial int LpsChN2Utf8(ReadOnlySpan<byte> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.LowerAndStripPunctuation, Split = Split.Character, Ngrams = 2, OutputMode = OutputMode.Count)]
    public static partial void LpsChN2Count(ReadOnlySpan<byte> text, Span<float> output);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.LowerAndStripPunctuation, Split = Split.Character, NgramWidths = new[] { 2, 3 })]
    public static partial int LpsChW23String(string text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.LowerAndStripPunctuation, Split = Split.Character, NgramWidths = new[] { 2, 3 })]
    public static partial int LpsChW23Chars(ReadOnlySpan<char> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.LowerAndStripPunctuation, Split = Split.Character, NgramWidths = new[] { 2, 3 })]
    public static partial int LpsChW23Utf8(ReadOnlySpan<byte> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.LowerAndStripPunctuation, Split = Split.Character, NgramWidths = new[] { 2, 3 }, OutputMode = OutputMode.Count)]
    public static partial void LpsChW23Count(ReadOnlySpan<byte> text, Span<float> output);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.LowerAndStripPunctuation, Split = Split.None)]
    public static partial int LpsNoUString(string text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.LowerAndStripPunctuation, Split = Split.None)]
    public static partial int LpsNoUChars(ReadOnlySpan<char> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.LowerAndStripPunctuation, Split = Split.None)]
    public static partial int LpsNoUUtf8(ReadOnlySpan<byte> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.LowerAndStripPunctuation, Split = Split.None, OutputMode = OutputMode.Count)]
    public static partial void LpsNoUCount(ReadOnlySpan<byte> text, Span<float> output);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.LowerAndStripPunctuation, Split = Split.None, Ngrams = 2)]
    public static partial int LpsNoN2String(string text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.LowerAndStripPunctuation, Split = Split.None, Ngrams = 2)]
    public static partial int LpsNoN2Chars(ReadOnlySpan<char> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.LowerAndStripPunctuation, Split = Split.None, Ngrams = 2)]
    public static partial int LpsNoN2Utf8(ReadOnlySpan<byte> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.LowerAndStripPunctuation, Split = Split.None, Ngrams = 2, OutputMode = OutputMode.Count)]
    public static partial void LpsNoN2Count(ReadOnlySpan<byte> text, Span<float> output);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.LowerAndStripPunctuation, Split = Split.None, NgramWidths = new[] { 2, 3 })]
    public static partial int LpsNoW23String(string text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.LowerAndStripPunctuation, Split = Split.None, NgramWidths = new[] { 2, 3 })]
    public static partial int LpsNoW23Chars(ReadOnlySpan<char> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.LowerAndStripPunctuation, Split = Split.None, NgramWidths = new[] { 2, 3 })]
    public static partial int LpsNoW23Utf8(ReadOnlySpan<byte> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.LowerAndStripPunctuation, Split = Split.None, NgramWidths = new[] { 2, 3 }, OutputMode = OutputMode.Count)]
    public static partial void LpsNoW23Count(ReadOnlySpan<byte> text, Span<float> output);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.Lower, Split = Split.Whitespace)]
    public static partial int LowWsUString(string text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.Lower, Split = Split.Whitespace)]
    public static partial int LowWsUChars(ReadOnlySpan<char> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.Lower, Split = Split.Whitespace)]
    public static partial int LowWsUUtf8(ReadOnlySpan<byte> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.Lower, Split = Split.Whitespace, OutputMode = OutputMode.Count)]
    public static partial void LowWsUCount(ReadOnlySpan<byte> text, Span<float> output);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.Lower, Split = Split.Whitespace, Ngrams = 2)]
    public static partial int LowWsN2String(string text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.Lower, Split = Split.Whitespace, Ngrams = 2)]
    public static partial int LowWsN2Chars(ReadOnlySpan<char> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.Lower, Split = Split.Whitespace, Ngrams = 2)]
    public static partial int LowWsN2Utf8(ReadOnlySpan<byte> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.Lower, Split = Split.Whitespace, Ngrams = 2, OutputMode = OutputMode.Count)]
    public static partial void LowWsN2Count(ReadOnlySpan<byte> text, Span<float> output);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.Lower, Split = Split.Whitespace, NgramWidths = new[] { 2, 3 })]
    public static partial int LowWsW23String(string text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.Lower, Split = Split.Whitespace, NgramWidths = new[] { 2, 3 })]
    public static partial int LowWsW23Chars(ReadOnlySpan<char> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.Lower, Split = Split.Whitespace, NgramWidths = new[] { 2, 3 })]
    public static partial int LowWsW23Utf8(ReadOnlySpan<byte> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.Lower, Split = Split.Whitespace, NgramWidths = new[] { 2, 3 }, OutputMode = OutputMode.Count)]
    public static partial void LowWsW23Count(ReadOnlySpan<byte> text, Span<float> output);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.Lower, Split = Split.Character)]
    public static partial int LowChUString(string text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.Lower, Split = Split.Character)]
    public static partial int LowChUChars(ReadOnlySpan<char> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.Lower, Split = Split.Character)]
    public static partial int LowChUUtf8(ReadOnlySpan<byte> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.Lower, Split = Split.Character, OutputMode = OutputMode.Count)]
    public static partial void LowChUCount(ReadOnlySpan<byte> text, Span<float> output);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.Lower, Split = Split.Character, Ngrams = 2)]
    public static partial int LowChN2String(string text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.Lower, Split = Split.Character, Ngrams = 2)]
    public static partial int LowChN2Chars(ReadOnlySpan<char> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.Lower, Split = Split.Character, Ngrams = 2)]
    public static partial int LowChN2Utf8(ReadOnlySpan<byte> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.Lower, Split = Split.Character, Ngrams = 2, OutputMode = OutputMode.Count)]
    public static partial void LowChN2Count(ReadOnlySpan<byte> text, Span<float> output);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.Lower, Split = Split.Character, NgramWidths = new[] { 2, 3 })]
    public static partial int LowChW23String(string text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.Lower, Split = Split.Character, NgramWidths = new[] { 2, 3 })]
    public static partial int LowChW23Chars(ReadOnlySpan<char> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.Lower, Split = Split.Character, NgramWidths = new[] { 2, 3 })]
    public static partial int LowChW23Utf8(ReadOnlySpan<byte> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.Lower, Split = Split.Character, NgramWidths = new[] { 2, 3 }, OutputMode = OutputMode.Count)]
    public static partial void LowChW23Count(ReadOnlySpan<byte> text, Span<float> output);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.Lower, Split = Split.None)]
    public static partial int LowNoUString(string text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.Lower, Split = Split.None)]
    public static partial int LowNoUChars(ReadOnlySpan<char> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.Lower, Split = Split.None)]
    public static partial int LowNoUUtf8(ReadOnlySpan<byte> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.Lower, Split = Split.None, OutputMode = OutputMode.Count)]
    public static partial void LowNoUCount(ReadOnlySpan<byte> text, Span<float> output);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.Lower, Split = Split.None, Ngrams = 2)]
    public static partial int LowNoN2String(string text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.Lower, Split = Split.None, Ngrams = 2)]
    public static partial int LowNoN2Chars(ReadOnlySpan<char> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.Lower, Split = Split.None, Ngrams = 2)]
    public static partial int LowNoN2Utf8(ReadOnlySpan<byte> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.Lower, Split = Split.None, Ngrams = 2, OutputMode = OutputMode.Count)]
    public static partial void LowNoN2Count(ReadOnlySpan<byte> text, Span<float> output);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.Lower, Split = Split.None, NgramWidths = new[] { 2, 3 })]
    public static partial int LowNoW23String(string text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.Lower, Split = Split.None, NgramWidths = new[] { 2, 3 })]
    public static partial int LowNoW23Chars(ReadOnlySpan<char> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.Lower, Split = Split.None, NgramWidths = new[] { 2, 3 })]
    public static partial int LowNoW23Utf8(ReadOnlySpan<byte> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.Lower, Split = Split.None, NgramWidths = new[] { 2, 3 }, OutputMode = OutputMode.Count)]
    public static partial void LowNoW23Count(ReadOnlySpan<byte> text, Span<float> output);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.StripPunctuation, Split = Split.Whitespace)]
    public static partial int StrWsUString(string text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.StripPunctuation, Split = Split.Whitespace)]
    public static partial int StrWsUChars(ReadOnlySpan<char> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.StripPunctuation, Split = Split.Whitespace)]
    public static partial int StrWsUUtf8(ReadOnlySpan<byte> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.StripPunctuation, Split = Split.Whitespace, OutputMode = OutputMode.Count)]
    public static partial void StrWsUCount(ReadOnlySpan<byte> text, Span<float> output);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.StripPunctuation, Split = Split.Whitespace, Ngrams = 2)]
    public static partial int StrWsN2String(string text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.StripPunctuation, Split = Split.Whitespace, Ngrams = 2)]
    public static partial int StrWsN2Chars(ReadOnlySpan<char> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.StripPunctuation, Split = Split.Whitespace, Ngrams = 2)]
    public static partial int StrWsN2Utf8(ReadOnlySpan<byte> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.StripPunctuation, Split = Split.Whitespace, Ngrams = 2, OutputMode = OutputMode.Count)]
    public static partial void StrWsN2Count(ReadOnlySpan<byte> text, Span<float> output);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.StripPunctuation, Split = Split.Whitespace, NgramWidths = new[] { 2, 3 })]
    public static partial int StrWsW23String(string text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.StripPunctuation, Split = Split.Whitespace, NgramWidths = new[] { 2, 3 })]
    public static partial int StrWsW23Chars(ReadOnlySpan<char> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.StripPunctuation, Split = Split.Whitespace, NgramWidths = new[] { 2, 3 })]
    public static partial int StrWsW23Utf8(ReadOnlySpan<byte> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.StripPunctuation, Split = Split.Whitespace, NgramWidths = new[] { 2, 3 }, OutputMode = OutputMode.Count)]
    public static partial void StrWsW23Count(ReadOnlySpan<byte> text, Span<float> output);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.StripPunctuation, Split = Split.Character)]
    public static partial int StrChUString(string text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.StripPunctuation, Split = Split.Character)]
    public static partial int StrChUChars(ReadOnlySpan<char> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.StripPunctuation, Split = Split.Character)]
    public static partial int StrChUUtf8(ReadOnlySpan<byte> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.StripPunctuation, Split = Split.Character, OutputMode = OutputMode.Count)]
    public static partial void StrChUCount(ReadOnlySpan<byte> text, Span<float> output);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.StripPunctuation, Split = Split.Character, Ngrams = 2)]
    public static partial int StrChN2String(string text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.StripPunctuation, Split = Split.Character, Ngrams = 2)]
    public static partial int StrChN2Chars(ReadOnlySpan<char> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.StripPunctuation, Split = Split.Character, Ngrams = 2)]
    public static partial int StrChN2Utf8(ReadOnlySpan<byte> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.StripPunctuation, Split = Split.Character, Ngrams = 2, OutputMode = OutputMode.Count)]
    public static partial void StrChN2Count(ReadOnlySpan<byte> text, Span<float> output);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.StripPunctuation, Split = Split.Character, NgramWidths = new[] { 2, 3 })]
    public static partial int StrChW23String(string text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.StripPunctuation, Split = Split.Character, NgramWidths = new[] { 2, 3 })]
    public static partial int StrChW23Chars(ReadOnlySpan<char> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.StripPunctuation, Split = Split.Character, NgramWidths = new[] { 2, 3 })]
    public static partial int StrChW23Utf8(ReadOnlySpan<byte> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.StripPunctuation, Split = Split.Character, NgramWidths = new[] { 2, 3 }, OutputMode = OutputMode.Count)]
    public static partial void StrChW23Count(ReadOnlySpan<byte> text, Span<float> output);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.StripPunctuation, Split = Split.None)]
    public static partial int StrNoUString(string text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.StripPunctuation, Split = Split.None)]
    public static partial int StrNoUChars(ReadOnlySpan<char> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.StripPunctuation, Split = Split.None)]
    public static partial int StrNoUUtf8(ReadOnlySpan<byte> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.StripPunctuation, Split = Split.None, OutputMode = OutputMode.Count)]
    public static partial void StrNoUCount(ReadOnlySpan<byte> text, Span<float> output);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.StripPunctuation, Split = Split.None, Ngrams = 2)]
    public static partial int StrNoN2String(string text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.StripPunctuation, Split = Split.None, Ngrams = 2)]
    public static partial int StrNoN2Chars(ReadOnlySpan<char> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.StripPunctuation, Split = Split.None, Ngrams = 2)]
    public static partial int StrNoN2Utf8(ReadOnlySpan<byte> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.StripPunctuation, Split = Split.None, Ngrams = 2, OutputMode = OutputMode.Count)]
    public static partial void StrNoN2Count(ReadOnlySpan<byte> text, Span<float> output);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.StripPunctuation, Split = Split.None, NgramWidths = new[] { 2, 3 })]
    public static partial int StrNoW23String(string text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.StripPunctuation, Split = Split.None, NgramWidths = new[] { 2, 3 })]
    public static partial int StrNoW23Chars(ReadOnlySpan<char> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.StripPunctuation, Split = Split.None, NgramWidths = new[] { 2, 3 })]
    public static partial int StrNoW23Utf8(ReadOnlySpan<byte> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.StripPunctuation, Split = Split.None, NgramWidths = new[] { 2, 3 }, OutputMode = OutputMode.Count)]
    public static partial void StrNoW23Count(ReadOnlySpan<byte> text, Span<float> output);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.None, Split = Split.Whitespace)]
    public static partial int NonWsUString(string text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.None, Split = Split.Whitespace)]
    public static partial int NonWsUChars(ReadOnlySpan<char> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.None, Split = Split.Whitespace)]
    public static partial int NonWsUUtf8(ReadOnlySpan<byte> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.None, Split = Split.Whitespace, OutputMode = OutputMode.Count)]
    public static partial void NonWsUCount(ReadOnlySpan<byte> text, Span<float> output);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.None, Split = Split.Whitespace, Ngrams = 2)]
    public static partial int NonWsN2String(string text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.None, Split = Split.Whitespace, Ngrams = 2)]
    public static partial int NonWsN2Chars(ReadOnlySpan<char> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.None, Split = Split.Whitespace, Ngrams = 2)]
    public static partial int NonWsN2Utf8(ReadOnlySpan<byte> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.None, Split = Split.Whitespace, Ngrams = 2, OutputMode = OutputMode.Count)]
    public static partial void NonWsN2Count(ReadOnlySpan<byte> text, Span<float> output);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.None, Split = Split.Whitespace, NgramWidths = new[] { 2, 3 })]
    public static partial int NonWsW23String(string text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.None, Split = Split.Whitespace, NgramWidths = new[] { 2, 3 })]
    public static partial int NonWsW23Chars(ReadOnlySpan<char> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.None, Split = Split.Whitespace, NgramWidths = new[] { 2, 3 })]
    public static partial int NonWsW23Utf8(ReadOnlySpan<byte> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.None, Split = Split.Whitespace, NgramWidths = new[] { 2, 3 }, OutputMode = OutputMode.Count)]
    public static partial void NonWsW23Count(ReadOnlySpan<byte> text, Span<float> output);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.None, Split = Split.Character)]
    public static partial int NonChUString(string text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.None, Split = Split.Character)]
    public static partial int NonChUChars(ReadOnlySpan<char> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.None, Split = Split.Character)]
    public static partial int NonChUUtf8(ReadOnlySpan<byte> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.None, Split = Split.Character, OutputMode = OutputMode.Count)]
    public static partial void NonChUCount(ReadOnlySpan<byte> text, Span<float> output);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.None, Split = Split.Character, Ngrams = 2)]
    public static partial int NonChN2String(string text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.None, Split = Split.Character, Ngrams = 2)]
    public static partial int NonChN2Chars(ReadOnlySpan<char> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.None, Split = Split.Character, Ngrams = 2)]
    public static partial int NonChN2Utf8(ReadOnlySpan<byte> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.None, Split = Split.Character, Ngrams = 2, OutputMode = OutputMode.Count)]
    public static partial void NonChN2Count(ReadOnlySpan<byte> text, Span<float> output);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.None, Split = Split.Character, NgramWidths = new[] { 2, 3 })]
    public static partial int NonChW23String(string text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.None, Split = Split.Character, NgramWidths = new[] { 2, 3 })]
    public static partial int NonChW23Chars(ReadOnlySpan<char> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.None, Split = Split.Character, NgramWidths = new[] { 2, 3 })]
    public static partial int NonChW23Utf8(ReadOnlySpan<byte> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.None, Split = Split.Character, NgramWidths = new[] { 2, 3 }, OutputMode = OutputMode.Count)]
    public static partial void NonChW23Count(ReadOnlySpan<byte> text, Span<float> output);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.None, Split = Split.None)]
    public static partial int NonNoUString(string text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.None, Split = Split.None)]
    public static partial int NonNoUChars(ReadOnlySpan<char> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.None, Split = Split.None)]
    public static partial int NonNoUUtf8(ReadOnlySpan<byte> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.None, Split = Split.None, OutputMode = OutputMode.Count)]
    public static partial void NonNoUCount(ReadOnlySpan<byte> text, Span<float> output);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.None, Split = Split.None, Ngrams = 2)]
    public static partial int NonNoN2String(string text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.None, Split = Split.None, Ngrams = 2)]
    public static partial int NonNoN2Chars(ReadOnlySpan<char> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.None, Split = Split.None, Ngrams = 2)]
    public static partial int NonNoN2Utf8(ReadOnlySpan<byte> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.None, Split = Split.None, Ngrams = 2, OutputMode = OutputMode.Count)]
    public static partial void NonNoN2Count(ReadOnlySpan<byte> text, Span<float> output);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.None, Split = Split.None, NgramWidths = new[] { 2, 3 })]
    public static partial int NonNoW23String(string text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.None, Split = Split.None, NgramWidths = new[] { 2, 3 })]
    public static partial int NonNoW23Chars(ReadOnlySpan<char> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.None, Split = Split.None, NgramWidths = new[] { 2, 3 })]
    public static partial int NonNoW23Utf8(ReadOnlySpan<byte> text, Span<long> tokenIds);

    [TextVectorization(VocabularyFile = Vocab, Standardize = Standardize.None, Split = Split.None, NgramWidths = new[] { 2, 3 }, OutputMode = OutputMode.Count)]
    public static partial void NonNoW23Count(ReadOnlySpan<byte> text, Span<float> output);
}
