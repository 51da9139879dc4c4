using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using PrepGen.Runtime;

namespace PrepGen.Generator.State;

/// <summary>
/// What binding needs of a token list, computed once per content: the tokens, their hash (the identity of the
/// table built from them), the repeats Keras rejects, and the UTF-8 sizes the table layout limits. A layer that
/// reads a 200,000-line vocabulary file then binds in time independent of its length (but for the reserved-token
/// scan), and several layers over one file share one copy.
/// </summary>
internal sealed class TokenFacts
{
    /// <summary>At most this many repeats are kept: a broken 10^6-line file must not flood the error list.</summary>
    public const int MaxReported = 20;

    private TokenFacts(string[] tokens, string hash, (int First, int Repeat)[] duplicates, int minKeyBytes, int maxKeyBytes, int longest, long keyBlobBytes)
    {
        Tokens = tokens;
        Hash = hash;
        Duplicates = duplicates;
        MinKeyBytes = minKeyBytes;
        MaxKeyBytes = maxKeyBytes;
        Longest = longest;
        KeyBlobBytes = keyBlobBytes;
    }

    /// <summary>The tokens in file order (the caller must not change the array).</summary>
    public string[] Tokens { get; }

    /// <summary><see cref="VocabularyText.TokenHash"/> of the tokens.</summary>
    public string Hash { get; }

    /// <summary>Up to <see cref="MaxReported"/> repeated tokens: (index of the first occurrence, index of the repeat).</summary>
    public IReadOnlyList<(int First, int Repeat)> Duplicates { get; }

    /// <summary>The shortest and longest token in UTF-8 bytes (the length range a lookup checks before probing).</summary>
    public int MinKeyBytes { get; }

    public int MaxKeyBytes { get; }

    /// <summary>The index of the longest token (the one a PG0300 names).</summary>
    public int Longest { get; }

    /// <summary>The size of the key blob a compiled table stores (each token after its length bytes).</summary>
    public long KeyBlobBytes { get; }

    public static TokenFacts Of(string[] tokens) => Of(tokens, tokens);

    /// <summary>Facts of <paramref name="tokens"/>, whose identity (hash, repeats) is that of <paramref name="canonical"/>: the same list for strings, the invariant text of each integer for integers.</summary>
    public static TokenFacts Of(string[] tokens, string[] canonical)
    {
        var duplicates = new List<(int, int)>();
        var seen = new Dictionary<string, int>(canonical.Length, StringComparer.Ordinal);
        int min = tokens.Length == 0 ? 0 : int.MaxValue;
        int max = 0;
        int longest = 0;
        long blob = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            if (seen.TryGetValue(canonical[i], out int first))
            {
                if (duplicates.Count < MaxReported)
                {
                    duplicates.Add((first, i));
                }
            }
            else
            {
                seen.Add(canonical[i], i);
            }

            int bytes = Encoding.UTF8.GetByteCount(tokens[i]);
            min = Math.Min(min, bytes);
            if (bytes > max)
            {
                max = bytes;
                longest = i;
            }

            blob += KeyBlob.LengthBytes(Math.Min(bytes, 0xFFFFFE)) + bytes;
        }

        return new TokenFacts(tokens, VocabularyText.TokenHash(canonical), duplicates.ToArray(), min, max, longest, blob);
    }

    /// <summary>Integer facts: the values and their facts (hash and repeats over the invariant text), or the lines that are not integers.</summary>
    public static IntegerFacts Integers(string[] lines)
    {
        var values = new long[lines.Length];
        var bad = new List<int>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (!long.TryParse(lines[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out values[i]) && bad.Count < MaxReported)
            {
                bad.Add(i);
            }
        }

        if (bad.Count > 0)
        {
            return new IntegerFacts(values, null, bad.ToArray());
        }

        var canonical = new string[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            canonical[i] = values[i].ToString(CultureInfo.InvariantCulture);
        }

        return new IntegerFacts(values, Of(canonical), Array.Empty<int>());
    }
}

/// <summary>A vocabulary file read as 64-bit integers: the values and their facts, or the lines that did not parse.</summary>
internal sealed class IntegerFacts
{
    public IntegerFacts(long[] values, TokenFacts? facts, int[] badLines)
    {
        Values = values;
        Facts = facts;
        BadLines = badLines;
    }

    public long[] Values { get; }

    /// <summary>Facts over the invariant text of each value; null when some line is not an integer.</summary>
    public TokenFacts? Facts { get; }

    /// <summary>Up to <see cref="TokenFacts.MaxReported"/> 0-based lines that are not 64-bit integers.</summary>
    public IReadOnlyList<int> BadLines { get; }
}
