using System.Text;
using PrepGen.Text;
using L = PrepGen.Parity.Tests.Layers.TextDifferentialLayers;

namespace PrepGen.Parity.Tests;

/// <summary>
/// Generated TextVectorization layers against the reference tokenizer (<see cref="TextTokenizer"/>) for every
/// Standardize x Split x ngram setting, on random Unicode documents and random invalid UTF-8: the string,
/// ReadOnlySpan&lt;char&gt; and ReadOnlySpan&lt;byte&gt; entry points agree with each other and with the reference
/// tokens mapped through the vocabulary (Int: index = position in ["", "[UNK]"] + vocabulary, OOV 1, "" 0;
/// Count: a bincount with OOV at 0 and "" dropped).
/// </summary>
public sealed class TextDifferentialTests
{
    private const int Documents = 250;
    private const int InvalidDocuments = 100;
    private const int Capacity = 1 << 15;
    private const long LongSentinel = -5555;

    private static readonly string[] Vocabulary = StateFiles.ReadVocabulary("textdiff-vocab.txt");

    // Byte-exact keys: each UTF-8 byte is one Latin-1 char.
    private static readonly Dictionary<string, int> Positions = Vocabulary
        .Select((token, i) => (Key: Key(Encoding.UTF8.GetBytes(token)), i))
        .ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);

    private static readonly Config[] Configs =
    {
        new("LpsWsU", Standardize.LowerAndStripPunctuation, Split.Whitespace, new[] { 1 }, L.LpsWsUString, L.LpsWsUChars, L.LpsWsUUtf8, L.LpsWsUCount),
        new("LpsWsN2", Standardize.LowerAndStripPunctuation, Split.Whitespace, new[] { 1, 2 }, L.LpsWsN2String, L.LpsWsN2Chars, L.LpsWsN2Utf8, L.LpsWsN2Count),
        new("LpsWsW23", Standardize.LowerAndStripPunctuation, Split.Whitespace, new[] { 2, 3 }, L.LpsWsW23String, L.LpsWsW23Chars, L.LpsWsW23Utf8, L.LpsWsW23Count),
        new("LpsChU", Standardize.LowerAndStripPunctuation, Split.Character, new[] { 1 }, L.LpsChUString, L.LpsChUChars, L.LpsChUUtf8, L.LpsChUCount),
        new("LpsChN2", Standardize.LowerAndStripPunctuation, Split.Character, new[] { 1, 2 }, L.LpsChN2String, L.LpsChN2Chars, L.LpsChN2Utf8, L.LpsChN2Count),
        new("LpsChW23", Standardize.LowerAndStripPunctuation, Split.Character, new[] { 2, 3 }, L.LpsChW23String, L.LpsChW23Chars, L.LpsChW23Utf8, L.LpsChW23Count),
        new("LpsNoU", Standardize.LowerAndStripPunctuation, Split.None, new[] { 1 }, L.LpsNoUString, L.LpsNoUChars, L.LpsNoUUtf8, L.LpsNoUCount),
        new("LpsNoN2", Standardize.LowerAndStripPunctuation, Split.None, new[] { 1, 2 }, L.LpsNoN2String, L.LpsNoN2Chars, L.LpsNoN2Utf8, L.LpsNoN2Count),
        new("LpsNoW23", Standardize.LowerAndStripPunctuation, Split.None, new[] { 2, 3 }, L.LpsNoW23String, L.LpsNoW23Chars, L.LpsNoW23Utf8, L.LpsNoW23Count),
        new("LowWsU", Standardize.Lower, Split.Whitespace, new[] { 1 }, L.LowWsUString, L.LowWsUChars, L.LowWsUUtf8, L.LowWsUCount),
        new("LowWsN2", Standardize.Lower, Split.Whitespace, new[] { 1, 2 }, L.LowWsN2String, L.LowWsN2Chars, L.LowWsN2Utf8, L.LowWsN2Count),
        new("LowWsW23", Standardize.Lower, Split.Whitespace, new[] { 2, 3 }, L.LowWsW23String, L.LowWsW23Chars, L.LowWsW23Utf8, L.LowWsW23Count),
        new("LowChU", Standardize.Lower, Split.Character, new[] { 1 }, L.LowChUString, L.LowChUChars, L.LowChUUtf8, L.LowChUCount),
        new("LowChN2", Standardize.Lower, Split.Character, new[] { 1, 2 }, L.LowChN2String, L.LowChN2Chars, L.LowChN2Utf8, L.LowChN2Count),
        new("LowChW23", Standardize.Lower, Split.Character, new[] { 2, 3 }, L.LowChW23String, L.LowChW23Chars, L.LowChW23Utf8, L.LowChW23Count),
        new("LowNoU", Standardize.Lower, Split.None, new[] { 1 }, L.LowNoUString, L.LowNoUChars, L.LowNoUUtf8, L.LowNoUCount),
        new("LowNoN2", Standardize.Lower, Split.None, new[] { 1, 2 }, L.LowNoN2String, L.LowNoN2Chars, L.LowNoN2Utf8, L.LowNoN2Count),
        new("LowNoW23", Standardize.Lower, Split.None, new[] { 2, 3 }, L.LowNoW23String, L.LowNoW23Chars, L.LowNoW23Utf8, L.LowNoW23Count),
        new("StrWsU", Standardize.StripPunctuation, Split.Whitespace, new[] { 1 }, L.StrWsUString, L.StrWsUChars, L.StrWsUUtf8, L.StrWsUCount),
        new("StrWsN2", Standardize.StripPunctuation, Split.Whitespace, new[] { 1, 2 }, L.StrWsN2String, L.StrWsN2Chars, L.StrWsN2Utf8, L.StrWsN2Count),
        new("StrWsW23", Standardize.StripPunctuation, Split.Whitespace, new[] { 2, 3 }, L.StrWsW23String, L.StrWsW23Chars, L.StrWsW23Utf8, L.StrWsW23Count),
        new("StrChU", Standardize.StripPunctuation, Split.Character, new[] { 1 }, L.StrChUString, L.StrChUChars, L.StrChUUtf8, L.StrChUCount),
        new("StrChN2", Standardize.StripPunctuation, Split.Character, new[] { 1, 2 }, L.StrChN2String, L.StrChN2Chars, L.StrChN2Utf8, L.StrChN2Count),
        new("StrChW23", Standardize.StripPunctuation, Split.Character, new[] { 2, 3 }, L.StrChW23String, L.StrChW23Chars, L.StrChW23Utf8, L.StrChW23Count),
        new("StrNoU", Standardize.StripPunctuation, Split.None, new[] { 1 }, L.StrNoUString, L.StrNoUChars, L.StrNoUUtf8, L.StrNoUCount),
        new("StrNoN2", Standardize.StripPunctuation, Split.None, new[] { 1, 2 }, L.StrNoN2String, L.StrNoN2Chars, L.StrNoN2Utf8, L.StrNoN2Count),
        new("StrNoW23", Standardize.StripPunctuation, Split.None, new[] { 2, 3 }, L.StrNoW23String, L.StrNoW23Chars, L.StrNoW23Utf8, L.StrNoW23Count),
        new("NonWsU", Standardize.None, Split.Whitespace, new[] { 1 }, L.NonWsUString, L.NonWsUChars, L.NonWsUUtf8, L.NonWsUCount),
        new("NonWsN2", Standardize.None, Split.Whitespace, new[] { 1, 2 }, L.NonWsN2String, L.NonWsN2Chars, L.NonWsN2Utf8, L.NonWsN2Count),
        new("NonWsW23", Standardize.None, Split.Whitespace, new[] { 2, 3 }, L.NonWsW23String, L.NonWsW23Chars, L.NonWsW23Utf8, L.NonWsW23Count),
        new("NonChU", Standardize.None, Split.Character, new[] { 1 }, L.NonChUString, L.NonChUChars, L.NonChUUtf8, L.NonChUCount),
        new("NonChN2", Standardize.None, Split.Character, new[] { 1, 2 }, L.NonChN2String, L.NonChN2Chars, L.NonChN2Utf8, L.NonChN2Count),
        new("NonChW23", Standardize.None, Split.Character, new[] { 2, 3 }, L.NonChW23String, L.NonChW23Chars, L.NonChW23Utf8, L.NonChW23Count),
        new("NonNoU", Standardize.None, Split.None, new[] { 1 }, L.NonNoUString, L.NonNoUChars, L.NonNoUUtf8, L.NonNoUCount),
        new("NonNoN2", Standardize.None, Split.None, new[] { 1, 2 }, L.NonNoN2String, L.NonNoN2Chars, L.NonNoN2Utf8, L.NonNoN2Count),
        new("NonNoW23", Standardize.None, Split.None, new[] { 2, 3 }, L.NonNoW23String, L.NonNoW23Chars, L.NonNoW23Utf8, L.NonNoW23Count),
    };

    public delegate int StringIds(string text, Span<long> tokenIds);

    public delegate int CharsIds(ReadOnlySpan<char> text, Span<long> tokenIds);

    public delegate int Utf8Ids(ReadOnlySpan<byte> text, Span<long> tokenIds);

    public delegate void Utf8Count(ReadOnlySpan<byte> text, Span<float> output);

    public static TheoryData<string> ConfigNames => new(Configs.Select(c => c.Name));

    [Fact]
    public void The_table_covers_every_setting_once()
    {
        Assert.Equal(4 * 3 * 3, Configs.Length);
        Assert.Equal(Configs.Length, Configs.Select(c => (c.Standardize, c.Split, string.Join(",", c.Widths))).Distinct().Count());
        Assert.DoesNotContain("", Vocabulary);
        Assert.Equal(Vocabulary.Length, Vocabulary.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(ConfigNames))]
    public void Entry_points_agree_with_the_reference_on_random_text(string name)
    {
        Config config = Configs.Single(c => c.Name == name);
        var random = new Random(StableSeed(name)); // not the vocabulary's seed: its documents are new, some tokens miss
        int intHits = 0, intMisses = 0, longDocuments = 0;
        for (int d = 0; d < Documents; d++)
        {
            string text = RandomText.Document(random);
            byte[] utf8 = Encoding.UTF8.GetBytes(text);
            longDocuments += utf8.Length > 4096 ? 1 : 0; // past TextVectorizer's stack buffers: the rented path
            List<byte[]> tokens = TextTokenizer.Tokenize(utf8, config.Standardize, config.Split, config.Widths);
            long[] expected = tokens.Select(IntIndex).ToArray();
            intHits += expected.Count(i => i >= 2);
            intMisses += expected.Count(i => i == 1);

            string where = $"{name}, document {d} \"{Escape(text)}\"";
            AssertIds(expected, Run(o => config.String(text, o)), where + " (string)");
            AssertIds(expected, Run(o => config.Chars(text.AsSpan(), o)), where + " (ReadOnlySpan<char>)");
            AssertIds(expected, Run(o => config.Utf8(utf8, o)), where + " (ReadOnlySpan<byte>)");
            AssertCounts(tokens, config, utf8, where);
        }

        if (config.Split == Split.None && !config.Widths.Contains(1))
        {
            // One token per document: no n-gram of width 2 or more exists (Keras: preserve_short_sequences=False).
            Assert.True(intHits == 0 && intMisses == 0, $"{name}: Split.None without unigrams gave tokens");
        }
        else
        {
            Assert.True(intHits > 0 && intMisses > 0, $"{name}: {intHits} vocabulary hits and {intMisses} OOV tokens; both must occur");
        }
        Assert.True(longDocuments > 0, $"{name}: no document over 4 KB was drawn");
    }

    [Theory]
    [InlineData("LpsWsU")]
    [InlineData("LowWsU")]
    [InlineData("StrWsU")]
    [InlineData("NonWsU")]
    public void Whitespace_unigrams_agree_with_the_reference_at_every_length_around_the_64_byte_blocks(string name)
    {
        // The unigram whitespace split works in 64-byte blocks: every length from 0 to 260 bytes, from an alphabet
        // of letters, capitals, punctuation, whitespace and a 2-byte letter, so tokens, punctuation and whitespace
        // runs start and end on every side of each block edge (and texts of exactly 64, 128, 192 and 256 bytes).
        Config config = Configs.Single(c => c.Name == name);
        string[] pieces = ["a", "B", "foo", "Bar", "baz", " ", " ", "  ", "\t", ",", "--", "'", "\u00e9", "x.y"];
        var random = new Random(StableSeed(name) + 64);
        for (int length = 0; length <= 260; length++)
        {
            for (int sample = 0; sample < 4; sample++)
            {
                var builder = new StringBuilder();
                while (Encoding.UTF8.GetByteCount(builder.ToString()) < length)
                {
                    builder.Append(pieces[random.Next(pieces.Length)]);
                }

                byte[] utf8 = Encoding.UTF8.GetBytes(builder.ToString());
                utf8 = utf8.AsSpan(0, Math.Min(utf8.Length, length)).ToArray(); // may cut the 2-byte letter: invalid UTF-8 is still text
                long[] expected = TextTokenizer.Tokenize(utf8, config.Standardize, config.Split, config.Widths).Select(IntIndex).ToArray();
                AssertIds(expected, Run(o => config.Utf8(utf8, o)), $"{name}, {length} bytes \"{Escape(Encoding.UTF8.GetString(utf8))}\"");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ConfigNames))]
    public void Utf8_entry_point_agrees_with_the_reference_on_invalid_utf8(string name)
    {
        // A string cannot hold these bytes, so only the ReadOnlySpan<byte> entry point is compared.
        Config config = Configs.Single(c => c.Name == name);
        var random = new Random(StableSeed(name) + 1);
        for (int d = 0; d < InvalidDocuments; d++)
        {
            byte[] utf8 = RandomText.InvalidUtf8(random);
            Assert.False(System.Text.Unicode.Utf8.IsValid(utf8));
            List<byte[]> tokens = TextTokenizer.Tokenize(utf8, config.Standardize, config.Split, config.Widths);
            string where = $"{name}, invalid document {d} [{Convert.ToHexString(utf8)}]";
            AssertIds(tokens.Select(IntIndex).ToArray(), Run(o => config.Utf8(utf8, o)), where + " (ReadOnlySpan<byte>)");
            AssertCounts(tokens, config, utf8, where);
        }
    }

    [Fact]
    public void Invalid_utf8_split_by_character_becomes_replacement_character_tokens()
    {
        // tf.strings.unicode_split(errors="replace"): each maximal ill-formed subsequence is one U+FFFD token.
        // Vocabulary { "\uFFFD", "a" }: U+FFFD is 2, "a" is 3, anything else 1.
        byte[] text = { (byte)'a', 0xFF, 0xC3, (byte)'a', 0xE6, 0x9D, 0xEF, 0xBF, 0xBD, (byte)'b', 0xF0, 0x9F, 0x98 };
        var ids = new long[16];
        int count = Layers.TextVectorizationLayers.ReplacementCharacter(text, ids);
        Assert.Equal(new long[] { 3, 2, 2, 3, 2, 2, 1, 2 }, ids[..count]);
        List<byte[]> reference = TextTokenizer.Tokenize(text, Standardize.None, Split.Character, new[] { 1 });
        Assert.Equal(count, reference.Count);
    }

    private static (int Count, long[] Ids) Run(Func<long[], int> call)
    {
        var destination = new long[Capacity];
        destination.AsSpan().Fill(LongSentinel);
        return (call(destination), destination);
    }

    private static void AssertIds(long[] expected, (int Count, long[] Ids) actual, string where)
    {
        Assert.True(expected.Length < Capacity, where + ": document too long for the test buffer");
        Assert.True(actual.Count == expected.Length, $"{where}: returned {actual.Count} tokens, the reference has {expected.Length}");
        long[] ids = actual.Ids[..expected.Length];
        Assert.True(expected.AsSpan().SequenceEqual(ids), $"{where}: ids [{string.Join(",", ids)}], reference [{string.Join(",", expected)}]");
        Assert.True(actual.Ids[expected.Length] == LongSentinel, $"{where}: wrote past the document's tokens");
    }

    private static void AssertCounts(List<byte[]> tokens, Config config, byte[] utf8, string where)
    {
        int width = Vocabulary.Length + 1;
        var expected = new float[width];
        foreach (byte[] token in tokens)
        {
            if (token.Length > 0)
            {
                expected[Positions.TryGetValue(Key(token), out int i) ? i + 1 : 0]++;
            }
        }

        var actual = new float[width + 1];
        actual[width] = -1f;
        config.Count(utf8, actual);
        Assert.True(actual[width] == -1f, where + " (Count): wrote past the width");
        if (!expected.AsSpan().SequenceEqual(actual.AsSpan(0, width)))
        {
            int at = Enumerable.Range(0, width).First(i => expected[i] != actual[i]);
            Assert.Fail($"{where} (Count): index {at} is {actual[at]}, the reference bincount has {expected[at]}");
        }
    }

    private static long IntIndex(byte[] token) =>
        token.Length == 0 ? 0 : Positions.TryGetValue(Key(token), out int i) ? i + 2 : 1;

    private static string Key(byte[] utf8) => Encoding.Latin1.GetString(utf8);

    private static int StableSeed(string name) => name.Aggregate(17, (h, c) => unchecked((h * 31) + c));

    private static string Escape(string text) =>
        text.Length > 120 ? Escape(text[..120]) + $"... ({text.Length} chars)" : string.Concat(text.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:x4}" : c.ToString()));

    private sealed record Config(string Name, Standardize Standardize, Split Split, int[] Widths, StringIds String, CharsIds Chars, Utf8Ids Utf8, Utf8Count Count);
}
