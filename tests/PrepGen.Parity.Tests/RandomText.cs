using System.Text;

namespace PrepGen.Parity.Tests;

/// <summary>
/// Random documents for the TextVectorization differential tests: ASCII words in several cases, words with
/// ASCII punctuation, Greek, emoji, combining marks, NBSP and U+3000 inside words, separated by spaces, tabs,
/// \r\n, \v, \f; plus empty documents, punctuation-only documents, single words (so whole-document tokens of
/// Split.None hit the vocabulary) and documents longer than 2 KB. The committed vocabulary
/// state/textdiff-vocab.txt was written from a sample of this generator (seed <see cref="VocabularySeed"/>):
/// every distinct token (all Standardize x Split x ngram settings; no "", "[UNK]", \n, \r, U+FFFD (PG0104 rejects it in files), or token over 40 bytes)
/// of the first 100 documents of at most 200 characters, each kept with probability 1/2 (seed + 1), in first-seen order.
/// </summary>
internal static class RandomText
{
    public const int VocabularySeed = 20261125;

    private static readonly string[] Words =
    {
        "the", "The", "THE", "brain", "Brain", "sky", "Sky", "is", "wider", "than", "foo", "bar", "baz", "qux",
        "hello,", "World!", "don't", "a.b", "e-mail", "(x)", "[UNK]", "100%", "$5", "naïve", "café", "cafe\u0301",
        "Ἀχιλλεύς", "ξεῖν᾽,", "μῆνιν", "ἄειδε", "😀", "👍🏽", "東京", "日本語", "a\u00a0b", "x\u3000y", "É", "Ωmega",
        "\ufffd", "a", "I", "z",
    };

    private static readonly string[] Separators = { " ", " ", " ", "  ", "\t", "\r\n", "\n", "\v", "\f", " \t ", "\u00a0", "\u3000" };

    private static readonly string[] Punctuation = { "!", ".", ",", "...", "?!", "--", "@#$", "'", "\"", "\\", "{}", "~" };

    /// <summary>One random document (valid UTF-16, hence valid UTF-8).</summary>
    public static string Document(Random random)
    {
        int kind = random.Next(20);
        switch (kind)
        {
            case 0:
                return "";
            case 1:
                return string.Concat(Enumerable.Range(0, random.Next(1, 6)).Select(_ => Punctuation[random.Next(Punctuation.Length)]));
            case 2:
            case 3:
                return Words[random.Next(Words.Length)];
            case 4:
                return Words[random.Next(Words.Length)] + Separators[random.Next(Separators.Length)];
            case 5:
                return Join(random, 2100 / 4, 4000 / 4); // > 2 KB of UTF-8 with any mix of words
            default:
                return Join(random, 1, 12);
        }
    }

    /// <summary>A random byte string, mostly ASCII words and whitespace, with invalid UTF-8 sequences mixed in.</summary>
    public static byte[] InvalidUtf8(Random random)
    {
        var bytes = new List<byte>();
        int parts = random.Next(1, random.Next(10) == 0 ? 600 : 12);
        for (int p = 0; p < parts; p++)
        {
            switch (random.Next(12))
            {
                case 0: bytes.Add((byte)random.Next(0x80, 0x100)); break; // any high byte, usually invalid alone
                case 1: bytes.AddRange(new byte[] { 0xC3 }); break; // truncated 2-byte sequence
                case 2: bytes.AddRange(new byte[] { 0xE6, 0x9D }); break; // truncated 3-byte sequence
                case 3: bytes.AddRange(new byte[] { 0xF0, 0x9F, 0x98 }); break; // truncated 4-byte sequence
                case 4: bytes.AddRange(new byte[] { 0xC0, 0x80 }); break; // overlong NUL
                case 5: bytes.AddRange(new byte[] { 0xED, 0xA0, 0x80 }); break; // UTF-16 surrogate
                case 6: bytes.AddRange(new byte[] { 0xF5, 0x80, 0x80, 0x80 }); break; // beyond U+10FFFF
                case 7: bytes.Add(0xFF); break;
                default:
                    bytes.AddRange(Encoding.UTF8.GetBytes(Words[random.Next(Words.Length)]));
                    break;
            }

            bytes.AddRange(Encoding.UTF8.GetBytes(Separators[random.Next(Separators.Length)]));
        }

        // Make sure the string really is invalid.
        bytes.Insert(random.Next(bytes.Count + 1), 0xFF); // never valid in UTF-8
        return bytes.ToArray();
    }

    private static string Join(Random random, int minWords, int maxWords)
    {
        var text = new StringBuilder();
        int count = random.Next(minWords, maxWords + 1);
        if (random.Next(4) == 0)
        {
            text.Append(Separators[random.Next(Separators.Length)]);
        }

        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                text.Append(Separators[random.Next(Separators.Length)]);
            }

            text.Append(random.Next(8) == 0 ? Punctuation[random.Next(Punctuation.Length)] : Words[random.Next(Words.Length)]);
        }

        if (random.Next(4) == 0)
        {
            text.Append(Separators[random.Next(Separators.Length)]);
        }

        return text.ToString();
    }
}
