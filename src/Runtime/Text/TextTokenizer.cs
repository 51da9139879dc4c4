// The reference TextVectorization tokenizer: standardize -> split -> ngrams, exactly as Keras on the
// TensorFlow backend. It favours clarity over speed because faster paths are tested against it.
// Every step works on UTF-8 bytes, as TensorFlow's string ops do.
using System;
using System.Collections.Generic;
using System.Text;

namespace PrepGen.Text;

/// <summary>Keras <c>TextVectorization</c> preprocessing (standardize, split, ngrams) on UTF-8 bytes.</summary>
public static class TextTokenizer
{
    /// <summary>The UTF-8 bytes of U+FFFD, the token TensorFlow's <c>unicode_split</c> gives for an invalid sequence.</summary>
    public static ReadOnlySpan<byte> ReplacementCharacter => [0xEF, 0xBF, 0xBD];

    /// <summary>True for the 32 ASCII characters of Python's <c>string.punctuation</c>.</summary>
    public static bool IsAsciiPunctuation(byte b) =>
        (b >= (byte)'!' && b <= (byte)'/') || (b >= (byte)':' && b <= (byte)'@')
        || (b >= (byte)'[' && b <= (byte)'`') || (b >= (byte)'{' && b <= (byte)'~');

    /// <summary>True for C's ASCII <c>isspace</c> set: space, \t, \n, \v, \f, \r.</summary>
    public static bool IsAsciiWhitespace(byte b) => b == (byte)' ' || (b >= (byte)'\t' && b <= (byte)'\r');

    /// <summary>
    /// Standardizes <paramref name="utf8"/> into <paramref name="destination"/> and returns the length
    /// written. Lowercasing touches ASCII A-Z only (<c>tf.strings.lower</c>); stripping deletes the ASCII
    /// punctuation bytes without inserting anything (the Keras regex). Both are byte-wise, so the result
    /// is never longer than the input.
    /// </summary>
    public static int Standardize(ReadOnlySpan<byte> utf8, Standardize mode, Span<byte> destination)
    {
        if (destination.Length < utf8.Length)
        {
            throw new ArgumentException("The destination must be at least as long as the input.", nameof(destination));
        }

        bool lower = mode is PrepGen.Standardize.LowerAndStripPunctuation or PrepGen.Standardize.Lower;
        bool strip = mode is PrepGen.Standardize.LowerAndStripPunctuation or PrepGen.Standardize.StripPunctuation;
        int written = 0;
        foreach (byte b in utf8)
        {
            if (strip && IsAsciiPunctuation(b))
            {
                continue;
            }

            destination[written++] = lower && b >= (byte)'A' && b <= (byte)'Z' ? (byte)(b | 0x20) : b;
        }

        return written;
    }

    /// <summary>Standardizes <paramref name="utf8"/> into a new array (see the span overload).</summary>
    public static byte[] Standardize(ReadOnlySpan<byte> utf8, Standardize mode)
    {
        var buffer = new byte[utf8.Length];
        return buffer.AsSpan(0, Standardize(utf8, mode, buffer)).ToArray();
    }

    /// <summary>
    /// Appends the byte ranges of the tokens of <paramref name="text"/> to <paramref name="ranges"/>.
    /// Whitespace: maximal runs of non-<see cref="IsAsciiWhitespace"/> bytes (<c>tf.strings.split</c>).
    /// Character: one range per code point; an invalid UTF-8 sequence (a maximal ill-formed subpart)
    /// is one range standing for U+FFFD (<c>tf.strings.unicode_split</c> with errors="replace").
    /// None: the whole text, even when empty.
    /// </summary>
    public static void SplitRanges(ReadOnlySpan<byte> text, Split split, List<Range> ranges)
    {
        switch (split)
        {
            case PrepGen.Split.Whitespace:
                int i = 0;
                while (i < text.Length)
                {
                    while (i < text.Length && IsAsciiWhitespace(text[i]))
                    {
                        i++;
                    }

                    int start = i;
                    while (i < text.Length && !IsAsciiWhitespace(text[i]))
                    {
                        i++;
                    }

                    if (i > start)
                    {
                        ranges.Add(new Range(start, i));
                    }
                }

                break;
            case PrepGen.Split.Character:
                int offset = 0;
                while (offset < text.Length)
                {
                    System.Text.Rune.DecodeFromUtf8(text.Slice(offset), out _, out int consumed);
                    ranges.Add(new Range(offset, offset + consumed));
                    offset += consumed;
                }

                break;
            case PrepGen.Split.None:
                ranges.Add(new Range(0, text.Length));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(split));
        }
    }

    /// <summary>
    /// The bytes of one split token: the range itself, except that a Character-split range holding an
    /// invalid UTF-8 sequence becomes U+FFFD.
    /// </summary>
    public static byte[] TokenBytes(ReadOnlySpan<byte> text, Range range, Split split)
    {
        ReadOnlySpan<byte> token = text[range];
        if (split == PrepGen.Split.Character
            && System.Text.Rune.DecodeFromUtf8(token, out _, out _) != System.Buffers.OperationStatus.Done)
        {
            return ReplacementCharacter.ToArray();
        }

        return token.ToArray();
    }

    /// <summary>
    /// The widest ngram the adapters accept. Keras has no bound but memory: widths 1..n over a document of t tokens
    /// make about n * t ngrams of up to n tokens each, so n = 64 already costs ~n^2 / 2 = 2,048 token copies per
    /// token of input, and <c>Ngrams = int.MaxValue</c> cannot even list its widths.
    /// </summary>
    internal const int MaxNgramWidth = 64;

    /// <summary>
    /// The ngram widths Keras uses: <paramref name="ngrams"/> = n means 1..n; explicit
    /// <paramref name="widths"/> are used as given; neither means plain tokens (width 1).
    /// </summary>
    public static int[] NgramWidths(int ngrams, IReadOnlyList<int>? widths)
    {
        if (ngrams != 0 && widths is { Count: > 0 })
        {
            throw new ArgumentException("Set either Ngrams or NgramWidths, not both.");
        }

        if (widths is { Count: > 0 })
        {
            var copy = new int[widths.Count];
            for (int i = 0; i < copy.Length; i++)
            {
                copy[i] = widths[i] is > 0 and <= MaxNgramWidth ? widths[i] : throw new ArgumentException($"Ngram widths must be between 1 and {MaxNgramWidth} (got {widths[i]}).");
            }

            return copy;
        }

        if (ngrams < 0 || ngrams > MaxNgramWidth)
        {
            throw new ArgumentException($"Ngrams must be between 0 and {MaxNgramWidth} (got {ngrams}).");
        }

        int n = Math.Max(ngrams, 1);
        var result = new int[n];
        for (int i = 0; i < n; i++)
        {
            result[i] = i + 1;
        }

        return result;
    }

    /// <summary>
    /// Joins <paramref name="tokens"/> into ngrams of each width in turn, with one space between tokens
    /// (<c>tf.strings.ngrams</c>, no padding): all w1-grams, then all w2-grams, and so on. A row shorter
    /// than a width yields no ngrams of that width.
    /// </summary>
    public static List<byte[]> Ngrams(IReadOnlyList<byte[]> tokens, IReadOnlyList<int> widths)
    {
        var result = new List<byte[]>();
        foreach (int width in widths)
        {
            for (int start = 0; start + width <= tokens.Count; start++)
            {
                if (width == 1)
                {
                    result.Add(tokens[start]);
                    continue;
                }

                int length = width - 1;
                for (int k = 0; k < width; k++)
                {
                    length += tokens[start + k].Length;
                }

                var gram = new byte[length];
                int at = 0;
                for (int k = 0; k < width; k++)
                {
                    if (k > 0)
                    {
                        gram[at++] = (byte)' ';
                    }

                    tokens[start + k].CopyTo(gram, at);
                    at += tokens[start + k].Length;
                }

                result.Add(gram);
            }
        }

        return result;
    }

    /// <summary>The full pipeline on UTF-8 input: standardize, split, then ngrams; tokens as UTF-8 bytes.</summary>
    public static List<byte[]> Tokenize(ReadOnlySpan<byte> utf8, Standardize standardize, Split split, IReadOnlyList<int> ngramWidths)
    {
        byte[] text = Standardize(utf8, standardize);
        var ranges = new List<Range>();
        SplitRanges(text, split, ranges);
        var tokens = new List<byte[]>(ranges.Count);
        foreach (Range range in ranges)
        {
            tokens.Add(TokenBytes(text, range, split));
        }

        return Ngrams(tokens, ngramWidths);
    }

    /// <summary>The full pipeline on a string: its UTF-8 encoding is tokenized and each token decoded.</summary>
    public static List<string> Tokenize(string text, Standardize standardize, Split split, IReadOnlyList<int> ngramWidths)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<byte[]> tokens = Tokenize(Encoding.UTF8.GetBytes(text), standardize, split, ngramWidths);
        var result = new List<string>(tokens.Count);
        foreach (byte[] token in tokens)
        {
            result.Add(Encoding.UTF8.GetString(token));
        }

        return result;
    }
}
