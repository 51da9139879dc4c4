using System.Text;
using System.Text.Json;
using PrepGen.Text;

namespace PrepGen.Runtime.Tests.Adapt;

public class TextTokenizerTests
{
    private static readonly int[] Unigrams = [1];

    [Fact]
    public void Punctuation_is_exactly_python_string_punctuation()
    {
        const string punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
        Assert.Equal(32, punctuation.Length);
        for (int b = 0; b < 256; b++)
        {
            Assert.Equal(punctuation.Contains((char)b, StringComparison.Ordinal) && b < 128, TextTokenizer.IsAsciiPunctuation((byte)b));
        }
    }

    [Fact]
    public void Whitespace_is_exactly_ascii_isspace()
    {
        for (int b = 0; b < 256; b++)
        {
            Assert.Equal(b is ' ' or '\t' or '\n' or '\v' or '\f' or '\r', TextTokenizer.IsAsciiWhitespace((byte)b));
        }
    }

    [Theory]
    [InlineData("michig@n", "michign")] // docs/keras-semantics.md, "TextVectorization: standardize": deleted, no space inserted
    [InlineData("Hello, World!.", "hello world")]
    [InlineData("ÉCOLE", "École")] // only ASCII A-Z lowercase; É stays
    [InlineData("«Ἀθῆναι»…", "«Ἀθῆναι»…")] // Unicode punctuation is not removed
    [InlineData("a-b_c", "abc")]
    public void Lower_and_strip_punctuation(string input, string expected) =>
        Assert.Equal(expected, Standardize(input, PrepGen.Standardize.LowerAndStripPunctuation));

    [Fact]
    public void Each_standardize_mode_does_only_its_part()
    {
        Assert.Equal("hello, world!", Standardize("Hello, World!", PrepGen.Standardize.Lower));
        Assert.Equal("Hello World", Standardize("Hello, World!", PrepGen.Standardize.StripPunctuation));
        Assert.Equal("Hello, World!", Standardize("Hello, World!", PrepGen.Standardize.None));
    }

    [Fact]
    public void Whitespace_split_uses_ascii_runs_and_drops_the_ends()
    {
        Assert.Equal(["a", "b", "c", "d"], Tokens(" \ta\tb\n\v c\f\rd  ", PrepGen.Split.Whitespace));
        Assert.Empty(Tokens("", PrepGen.Split.Whitespace));
        Assert.Empty(Tokens(" \t\r\n ", PrepGen.Split.Whitespace));
    }

    [Fact]
    public void Non_ascii_spaces_do_not_split()
    {
        Assert.Equal(["a\u00A0b", "c\u2003d"], Tokens("a\u00A0b c\u2003d", PrepGen.Split.Whitespace));
    }

    [Fact]
    public void Character_split_gives_one_token_per_code_point()
    {
        Assert.Equal(["a", " ", "😀", "É", "b"], Tokens("a 😀Éb", PrepGen.Split.Character));
    }

    [Fact]
    public void Character_split_turns_each_invalid_sequence_into_one_replacement_character()
    {
        // unicode_split(errors="replace") decodes with ICU, which replaces each maximal ill-formed subpart.
        byte[] input = [(byte)'a', 0xFF, (byte)'b', 0xE2, 0x82, (byte)'c', 0xF0, 0x9F, 0x98, 0x80];
        List<byte[]> tokens = TextTokenizer.Tokenize(input, PrepGen.Standardize.None, PrepGen.Split.Character, Unigrams);
        byte[] fffd = [0xEF, 0xBF, 0xBD];
        Assert.Equal([[(byte)'a'], fffd, [(byte)'b'], fffd, [(byte)'c'], [0xF0, 0x9F, 0x98, 0x80]], tokens);

        var ranges = new List<Range>();
        TextTokenizer.SplitRanges(input, PrepGen.Split.Character, ranges);
        Assert.Equal([0..1, 1..2, 2..3, 3..5, 5..6, 6..10], ranges);
    }

    [Fact]
    public void No_split_keeps_the_whole_text_even_when_empty()
    {
        Assert.Equal(["a b  c"], Tokens("a b  c", PrepGen.Split.None));
        Assert.Equal([""], Tokens("", PrepGen.Split.None));
    }

    [Fact]
    public void Ngrams_come_width_by_width_joined_with_one_space()
    {
        List<string> tokens = TextTokenizer.Tokenize("a b c", PrepGen.Standardize.None, PrepGen.Split.Whitespace, TextTokenizer.NgramWidths(2, null));
        Assert.Equal(["a", "b", "c", "a b", "b c"], tokens);
        tokens = TextTokenizer.Tokenize("a b c", PrepGen.Standardize.None, PrepGen.Split.Whitespace, TextTokenizer.NgramWidths(0, [2, 3]));
        Assert.Equal(["a b", "b c", "a b c"], tokens);
    }

    [Fact]
    public void A_row_shorter_than_a_width_gives_no_ngrams_of_that_width()
    {
        Assert.Equal(["a"], TextTokenizer.Tokenize("a", PrepGen.Standardize.None, PrepGen.Split.Whitespace, TextTokenizer.NgramWidths(3, null)));
        Assert.Empty(TextTokenizer.Tokenize("a b", PrepGen.Standardize.None, PrepGen.Split.Whitespace, [3]));
    }

    [Fact]
    public void Ngram_options_are_validated()
    {
        Assert.Throws<ArgumentException>(() => TextTokenizer.NgramWidths(2, [1, 2]));
        Assert.Throws<ArgumentException>(() => TextTokenizer.NgramWidths(-1, null));
        Assert.Equal([1, 2, 3], TextTokenizer.NgramWidths(3, null));
        Assert.Equal([1], TextTokenizer.NgramWidths(0, null));
    }

    public static TheoryData<string> FixedVocabularyIntVectors()
    {
        var data = new TheoryData<string>();
        foreach (JsonElement v in KerasVectors.Vectors.Where(v => v.GetProperty("layer").GetString() == "TextVectorization"
            && v.GetProperty("state").TryGetProperty("vocabulary", out _)
            && (v.Config("output_mode")?.GetString() ?? "int") == "int"))
        {
            data.Add(v.Id());
        }

        return data;
    }

    // The Keras vectors with a given vocabulary pin standardize and split; lookup is done by hand here.
    [Theory]
    [MemberData(nameof(FixedVocabularyIntVectors))]
    public void Tokens_match_the_keras_vectors_with_a_given_vocabulary(string id)
    {
        JsonElement vector = KerasVectors.ById(id);
        var vocabulary = new List<string> { "", "[UNK]" };
        vocabulary.AddRange(vector.GetProperty("state").GetProperty("vocabulary").EnumerateArray().Select(e => e.GetString()!));
        PrepGen.Standardize standardize = vector.Config("standardize") switch
        {
            null => PrepGen.Standardize.LowerAndStripPunctuation,
            { ValueKind: JsonValueKind.Null } => PrepGen.Standardize.None,
            { } s => s.GetString() switch
            {
                "lower" => PrepGen.Standardize.Lower,
                "strip_punctuation" => PrepGen.Standardize.StripPunctuation,
                _ => PrepGen.Standardize.LowerAndStripPunctuation,
            },
        };
        PrepGen.Split split = vector.Config("split") switch
        {
            null => PrepGen.Split.Whitespace,
            { ValueKind: JsonValueKind.Null } => PrepGen.Split.None,
            { } s => s.GetString() == "character" ? PrepGen.Split.Character : PrepGen.Split.Whitespace,
        };
        int length = vector.Config("output_sequence_length")?.GetInt32() ?? 0;
        bool ragged = vector.Config("ragged")?.GetBoolean() ?? false;

        var texts = vector.GetProperty("input").EnumerateArray()
            .Select(e => e.ValueKind == JsonValueKind.Array ? e[0].GetString()! : e.GetString()!).ToList();
        var rows = texts.Select(t => TextTokenizer.Tokenize(t, standardize, split, Unigrams)
            .Select(token => (long)Math.Max(vocabulary.IndexOf(token, 2), token.Length == 0 ? 0 : 1)).ToList()).ToList();
        int width = length > 0 ? length : rows.Max(r => r.Count);
        for (int r = 0; r < rows.Count; r++)
        {
            var row = rows[r].Take(width).ToList();
            if (!ragged)
            {
                row.AddRange(Enumerable.Repeat(0L, width - row.Count));
            }

            Assert.Equal(vector.GetProperty("expected")[r].EnumerateArray().Select(e => e.GetInt64()), row);
        }
    }

    private static string Standardize(string text, PrepGen.Standardize mode) =>
        Encoding.UTF8.GetString(TextTokenizer.Standardize(Encoding.UTF8.GetBytes(text), mode));

    private static List<string> Tokens(string text, PrepGen.Split split) =>
        TextTokenizer.Tokenize(text, PrepGen.Standardize.None, split, Unigrams);
}
