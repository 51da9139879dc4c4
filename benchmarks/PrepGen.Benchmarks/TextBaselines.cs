using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace PrepGen.Benchmarks;

/// <summary>
/// Hand-written equivalents of Keras TextVectorization(standardize="lower_and_strip_punctuation",
/// split="whitespace") over a vocabulary file: ids 0 = padding, 1 = OOV, 2.. = tokens in file order.
/// </summary>
public sealed partial class TextBaselines
{
    /// <summary>Keras's DEFAULT_STRIP_REGEX punctuation class: string.punctuation.</summary>
    [GeneratedRegex(@"[!""#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~]")]
    private static partial Regex Punctuation();

    private readonly Dictionary<string, int> _dictionary;
    private readonly FrozenDictionary<string, int> _frozen;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _span;

    public TextBaselines(string[] vocabulary)
    {
        _dictionary = new Dictionary<string, int>(vocabulary.Length, StringComparer.Ordinal);
        for (int i = 0; i < vocabulary.Length; i++)
        {
            _dictionary[vocabulary[i]] = i + 2;
        }

        _frozen = _dictionary.ToFrozenDictionary(StringComparer.Ordinal);
        _span = _frozen.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int VocabularySize => _dictionary.Count;

    /// <summary>(a) What a user writes today: ToLowerInvariant, Regex strip, Split, Dictionary.</summary>
    public int IdiomaticIds(string document, Span<long> ids)
    {
        string clean = Punctuation().Replace(document.ToLowerInvariant(), "");
        string[] tokens = clean.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < tokens.Length; i++)
        {
            ids[i] = _dictionary.TryGetValue(tokens[i], out int id) ? id : 1;
        }

        return tokens.Length;
    }

    /// <summary>(a) tf-idf: the same tokens, counts into a new vector, times idf (index 0 = OOV).</summary>
    public float[] IdiomaticTfIdf(string document, float[] idf)
    {
        string clean = Punctuation().Replace(document.ToLowerInvariant(), "");
        string[] tokens = clean.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var vector = new float[idf.Length];
        foreach (string token in tokens)
        {
            vector[_dictionary.TryGetValue(token, out int id) ? id - 1 : 0] += 1;
        }

        for (int i = 0; i < vector.Length; i++)
        {
            vector[i] *= idf[i];
        }

        return vector;
    }

    /// <summary>(b) Tuned: one pass over the chars, ASCII lower + strip into a stack buffer, FrozenDictionary alternate lookup.</summary>
    public int TunedIds(ReadOnlySpan<char> document, Span<long> ids)
    {
        Span<char> token = stackalloc char[64];
        int length = 0;
        int count = 0;
        foreach (char c in document)
        {
            if (char.IsWhiteSpace(c))
            {
                // A token of punctuation only is empty after stripping: Keras's split drops it.
                if (length > 0)
                {
                    ids[count++] = Lookup(token, length);
                    length = 0;
                }

                continue;
            }

            if (char.IsAsciiLetterUpper(c))
            {
                if (length < token.Length)
                {
                    token[length] = (char)(c | 0x20);
                }

                length++;
            }
            else if (!IsPunctuation(c))
            {
                if (length < token.Length)
                {
                    token[length] = char.ToLowerInvariant(c);
                }

                length++;
            }
        }

        if (length > 0)
        {
            ids[count++] = Lookup(token, length);
        }

        return count;
    }

    /// <summary>(b) tf-idf: tuned ids, counts into the caller's vector, then idf on the touched slots only.</summary>
    public void TunedTfIdf(ReadOnlySpan<char> document, Span<float> output, ReadOnlySpan<float> idf)
    {
        Span<long> ids = stackalloc long[document.Length / 2 + 1];
        int count = TunedIds(document, ids);
        output[..idf.Length].Clear();
        for (int i = 0; i < count; i++)
        {
            output[(int)ids[i] - 1] += 1;
        }

        // Each touched slot once: count * idf, as Keras (float32), flagged by its sign until all are done.
        for (int i = 0; i < count; i++)
        {
            int slot = (int)ids[i] - 1;
            float v = output[slot];
            if (v > 0)
            {
                output[slot] = -(v * idf[slot]);
            }
        }

        for (int i = 0; i < count; i++)
        {
            int slot = (int)ids[i] - 1;
            output[slot] = Math.Abs(output[slot]);
        }
    }

    private long Lookup(ReadOnlySpan<char> buffer, int length) =>
        length > buffer.Length ? 1 : _span.TryGetValue(buffer[..length], out int id) ? id : 1;

    private static bool IsPunctuation(char c) => c < 128 && char.IsAsciiLetterOrDigit(c) == false && c > ' ' && c != 127;
}
