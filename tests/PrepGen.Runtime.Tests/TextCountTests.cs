using System.Text;

namespace PrepGen.Runtime.Tests;

/// <summary>
/// Issue 11: a document with more n-grams than an int holds (tens of millions of tokens, 64 widths) is
/// "destination too short", not an IndexOutOfRangeException after the int count wrapped.
/// </summary>
public class TextCountTests
{
    /// <summary>Widths 1..64 over whitespace tokens; every n-gram is id 7.</summary>
    private readonly struct Wide : ITextLayer
    {
        private static readonly int[] Widths = Enumerable.Range(1, 64).ToArray();

        public static Standardize Standardize => Standardize.None;

        public static Split Split => Split.Whitespace;

        public static ReadOnlySpan<int> NgramWidths => Widths;

        public static long IndexOf(ReadOnlySpan<byte> utf8) => 7;

        public static long IndexOf(ReadOnlySpan<char> value) => 7;
    }

    // 34M one-letter tokens: 64 * 34M - 2016 = 2,175,997,984 n-grams > int.MaxValue.
    private const int Tokens = 34_000_000;

    private static byte[] Document()
    {
        var bytes = new byte[Tokens * 2];
        for (int i = 0; i < bytes.Length; i += 2)
        {
            bytes[i] = (byte)'a';
            bytes[i + 1] = (byte)' ';
        }

        return bytes;
    }

    [Fact]
    public void More_ngrams_than_an_int_holds_are_destination_too_short_or_truncated()
    {
        byte[] document = Document();
        var ids = new long[16];
        var ex = Assert.Throws<ArgumentException>(() => TextVectorizer.Indices<Wide>(document, ids, sequenceLength: 0));
        Assert.Contains("2,175,997,984 tokens", ex.Message, StringComparison.Ordinal);
        Assert.All(ids, id => Assert.Equal(0, id)); // nothing written before the check

        // With a sequence length the first ids are written at once and the count saturates.
        Assert.Equal(int.MaxValue, TextVectorizer.Indices<Wide>(document, ids, sequenceLength: 8));
        Assert.Equal([7, 7, 7, 7, 7, 7, 7, 7, 0, 0, 0, 0, 0, 0, 0, 0], ids);
    }

    [Fact]
    public void Counts_below_the_limit_are_unchanged()
    {
        // 10 tokens, widths 1..64: 10 + 9 + ... + 1 = 55 n-grams (widths above 10 give none).
        var ids = new long[60];
        byte[] small = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("a ", 10)));
        Assert.Equal(55, TextVectorizer.Indices<Wide>(small, ids, sequenceLength: 0));
        Assert.All(ids.Take(55), id => Assert.Equal(7, id));
        Assert.Throws<ArgumentException>(() => TextVectorizer.Indices<Wide>(small, new long[54], sequenceLength: 0));
        Assert.Equal(55, TextVectorizer.Indices<Wide>(small, ids, sequenceLength: 60));
        Assert.All(ids.Skip(55), id => Assert.Equal(0, id));
    }
}
