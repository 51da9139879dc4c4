using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace PrepGen.Runtime;

/// <summary>
/// The whitespace split of a layer without n-grams, 64 bytes at a time: vector compares classify each byte as
/// whitespace or punctuation (two 64-bit masks) and lowercase the block into the output in place of the input;
/// token bounds are then the mask's edges, found a bit at a time. A token is looked up where it lies, so the
/// bytes are not copied again; only a token holding punctuation is compacted, in its own range. The same
/// tokens as <see cref="SplitWhitespace"/>: Keras strips before it splits, and punctuation and whitespace are
/// disjoint, so a token is a maximal run of non-whitespace bytes without its punctuation, dropped when nothing is left.
/// </summary>
public static partial class TextVectorizer
{
    private const int Block = 64;

    /// <summary>Standardizes <paramref name="text"/> into <paramref name="output"/> (same length) and writes each token's range; returns the count.</summary>
    private static int SplitWords(ReadOnlySpan<byte> text, Span<byte> output, Span<int> ranges, bool lower, bool strip)
    {
        Span<byte> tail = stackalloc byte[Block];
        int tokens = 0;
        int start = -1; // the open token's first byte
        bool punctuation = false; // whether the open token has punctuation so far
        ulong previousWhitespace = 1; // the byte before the block: the text starts after whitespace
        for (int at = 0; at < text.Length; at += Block)
        {
            int length = Math.Min(Block, text.Length - at);
            ulong whitespace, punct;
            if (length == Block)
            {
                whitespace = Classify(ref Unsafe.AsRef(in text[at]), ref output[at], lower, strip, out punct);
            }
            else
            {
                // The last, partial block: padded with spaces, which also close its last token.
                tail.Fill((byte)' ');
                text.Slice(at).CopyTo(tail);
                whitespace = Classify(ref tail[0], ref tail[0], lower, strip, out punct);
                tail.Slice(0, length).CopyTo(output.Slice(at));
            }

            ulong after = (whitespace << 1) | previousWhitespace; // bit i: byte i - 1 is whitespace
            ulong starts = ~whitespace & after;
            ulong ends = whitespace & ~after;

            // Starts and ends alternate: take them in pairs, so no branch asks which kind the next edge is.
            while (true)
            {
                if (start < 0)
                {
                    if (starts == 0)
                    {
                        break;
                    }

                    start = at + BitOperations.TrailingZeroCount(starts);
                    starts &= starts - 1;
                    punctuation = false;
                }

                if (ends == 0)
                {
                    punctuation |= (punct & Bits(Math.Max(start - at, 0), Block)) != 0; // the token goes on in the next block
                    break;
                }

                int end = at + BitOperations.TrailingZeroCount(ends);
                ends &= ends - 1;
                if (start >= at)
                {
                    // Within this block, the mask says where the punctuation is: most English tokens only have it at
                    // their ends ("end.", "(so", "'quoted'"), which moves the bounds and copies nothing.
                    ulong local = (punct >> (start - at)) & Bits(0, end - start);
                    if (local != 0)
                    {
                        Trim(output, local, ref start, ref end);
                    }
                }
                else if (punctuation || (punct & Bits(0, end - at)) != 0)
                {
                    end = Compact(output, start, end);
                }

                if (end > start)
                {
                    ranges[2 * tokens] = start;
                    ranges[(2 * tokens) + 1] = end;
                    tokens++;
                }

                start = -1;
            }

            previousWhitespace = whitespace >> (Block - 1);
        }

        // A token still open ends the text (a text of whole blocks has no padding to close it).
        if (start >= 0)
        {
            int end = punctuation ? Compact(output, start, text.Length) : text.Length;
            if (end > start)
            {
                ranges[2 * tokens] = start;
                ranges[(2 * tokens) + 1] = end;
                tokens++;
            }
        }

        return tokens;
    }

    /// <summary>
    /// Drops the punctuation of the token output[start..end) whose punctuation bits (bit i: byte start + i) are
    /// <paramref name="local"/>: leading and trailing runs by moving the bounds, any left inside by <see cref="Compact"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Trim(Span<byte> output, ulong local, ref int start, ref int end)
    {
        int length = end - start;
        int lead = BitOperations.TrailingZeroCount(~local);
        if (lead >= length)
        {
            end = start; // all punctuation: no token
            return;
        }

        int trail = BitOperations.LeadingZeroCount(~(local << (Block - length)));
        bool inside = (local & Bits(lead, length - trail)) != 0;
        start += lead;
        end -= trail;
        if (inside)
        {
            end = Compact(output, start, end);
        }
    }

    /// <summary>Removes the punctuation of the token output[start..end) in place; returns its new end (start when nothing is left).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Compact(Span<byte> output, int start, int end)
    {
        int written = start;
        for (int i = start; i < end; i++)
        {
            byte b = output[i];
            if (!IsPunctuation(b))
            {
                output[written++] = b;
            }
        }

        return written;
    }

    /// <summary>Bits [from, to) of a 64-bit mask.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Bits(int from, int to) => (to == Block ? ulong.MaxValue : (1UL << to) - 1) & (ulong.MaxValue << from);

    /// <summary>
    /// Classifies and standardizes 64 bytes: writes them to <paramref name="destination"/> (lowercased when
    /// <paramref name="lower"/>; it may be <paramref name="source"/> itself), returns the whitespace mask and sets
    /// the punctuation mask (zero unless <paramref name="strip"/>); bit i is byte i.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Classify(ref byte source, ref byte destination, bool lower, bool strip, out ulong punct)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<byte> a = Vector256.LoadUnsafe(ref source);
            Vector256<byte> b = Vector256.LoadUnsafe(ref source, 32);
            punct = strip ? Punctuation(a).ExtractMostSignificantBits() | ((ulong)Punctuation(b).ExtractMostSignificantBits() << 32) : 0;
            ulong whitespace = Whitespace(a).ExtractMostSignificantBits() | ((ulong)Whitespace(b).ExtractMostSignificantBits() << 32);
            (lower ? Lower(a) : a).StoreUnsafe(ref destination);
            (lower ? Lower(b) : b).StoreUnsafe(ref destination, 32);
            return whitespace;
        }

        if (Vector128.IsHardwareAccelerated)
        {
            Vector128<byte> a = Vector128.LoadUnsafe(ref source);
            Vector128<byte> b = Vector128.LoadUnsafe(ref source, 16);
            Vector128<byte> c = Vector128.LoadUnsafe(ref source, 32);
            Vector128<byte> d = Vector128.LoadUnsafe(ref source, 48);
            punct = strip ? Mask(Punctuation(a), Punctuation(b), Punctuation(c), Punctuation(d)) : 0;
            ulong whitespace = Mask(Whitespace(a), Whitespace(b), Whitespace(c), Whitespace(d));
            (lower ? Lower(a) : a).StoreUnsafe(ref destination);
            (lower ? Lower(b) : b).StoreUnsafe(ref destination, 16);
            (lower ? Lower(c) : c).StoreUnsafe(ref destination, 32);
            (lower ? Lower(d) : d).StoreUnsafe(ref destination, 48);
            return whitespace;
        }

        ulong ws = 0;
        punct = 0;
        for (int i = 0; i < Block; i++)
        {
            byte x = Unsafe.Add(ref source, i);
            ws |= IsWhitespace(x) ? 1UL << i : 0;
            punct |= strip && IsPunctuation(x) ? 1UL << i : 0;
            Unsafe.Add(ref destination, i) = lower && (uint)(x - 'A') <= 'Z' - 'A' ? (byte)(x | 0x20) : x;
        }

        return ws;
    }

    private static ulong Mask(Vector128<byte> a, Vector128<byte> b, Vector128<byte> c, Vector128<byte> d) =>
        a.ExtractMostSignificantBits() | ((ulong)b.ExtractMostSignificantBits() << 16) | ((ulong)c.ExtractMostSignificantBits() << 32) | ((ulong)d.ExtractMostSignificantBits() << 48);

    // The byte sets of IsWhitespace, IsPunctuation and A-Z as unsigned range compares (x - low <= high - low).
    private static Vector256<byte> Whitespace(Vector256<byte> v) =>
        Vector256.Equals(v, Vector256.Create((byte)' ')) | Vector256.LessThanOrEqual(v - Vector256.Create((byte)'\t'), Vector256.Create((byte)('\r' - '\t')));

    private static Vector256<byte> Punctuation(Vector256<byte> v) =>
        Vector256.LessThanOrEqual(v - Vector256.Create((byte)'!'), Vector256.Create((byte)('/' - '!')))
        | Vector256.LessThanOrEqual(v - Vector256.Create((byte)':'), Vector256.Create((byte)('@' - ':')))
        | Vector256.LessThanOrEqual(v - Vector256.Create((byte)'['), Vector256.Create((byte)('`' - '[')))
        | Vector256.LessThanOrEqual(v - Vector256.Create((byte)'{'), Vector256.Create((byte)('~' - '{')));

    private static Vector256<byte> Lower(Vector256<byte> v) =>
        v | (Vector256.LessThanOrEqual(v - Vector256.Create((byte)'A'), Vector256.Create((byte)('Z' - 'A'))) & Vector256.Create((byte)0x20));

    private static Vector128<byte> Whitespace(Vector128<byte> v) =>
        Vector128.Equals(v, Vector128.Create((byte)' ')) | Vector128.LessThanOrEqual(v - Vector128.Create((byte)'\t'), Vector128.Create((byte)('\r' - '\t')));

    private static Vector128<byte> Punctuation(Vector128<byte> v) =>
        Vector128.LessThanOrEqual(v - Vector128.Create((byte)'!'), Vector128.Create((byte)('/' - '!')))
        | Vector128.LessThanOrEqual(v - Vector128.Create((byte)':'), Vector128.Create((byte)('@' - ':')))
        | Vector128.LessThanOrEqual(v - Vector128.Create((byte)'['), Vector128.Create((byte)('`' - '[')))
        | Vector128.LessThanOrEqual(v - Vector128.Create((byte)'{'), Vector128.Create((byte)('~' - '{')));

    private static Vector128<byte> Lower(Vector128<byte> v) =>
        v | (Vector128.LessThanOrEqual(v - Vector128.Create((byte)'A'), Vector128.Create((byte)('Z' - 'A'))) & Vector128.Create((byte)0x20));
}
