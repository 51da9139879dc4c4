// Compiled into BOTH the generator (netstandard2.0, linked) and the runtime: the generator writes key
// blobs and the runtime reads them with the same code.
using System;

namespace PrepGen.Runtime;

/// <summary>
/// The key blob of a lookup table: each key's UTF-8 bytes after its length. Every byte is ASCII or part of
/// a key, so the blob is valid UTF-8 and is emitted as one <c>"..."u8</c> literal; lengths up to 94 are one
/// printable byte (length + 0x20: <c>#the%cats</c>), longer ones <see cref="LongMarker"/> then four
/// 7-bit groups, little-endian.
/// </summary>
public static class KeyBlob
{
    /// <summary>The first printable byte: a key of length 0.</summary>
    public const byte ShortBase = 0x20;

    /// <summary>Marks a length written as four 7-bit groups.</summary>
    public const byte LongMarker = 0x7F;

    /// <summary>The largest length written as one byte.</summary>
    public const int MaxShortLength = LongMarker - 1 - ShortBase;

    /// <summary>The largest length a key may have (28 bits).</summary>
    public const int MaxLength = (1 << 28) - 1;

    /// <summary>The bytes <see cref="WriteLength"/> takes for a length.</summary>
    public static int LengthBytes(int length) => length <= MaxShortLength ? 1 : 5;

    /// <summary>Writes a key's length at <paramref name="pos"/> and advances it.</summary>
    public static void WriteLength(byte[] blob, ref int pos, int length)
    {
        if (length <= MaxShortLength)
        {
            blob[pos++] = (byte)(ShortBase + length);
            return;
        }

        blob[pos++] = LongMarker;
        for (int shift = 0; shift < 28; shift += 7)
        {
            blob[pos++] = (byte)((length >> shift) & 0x7F);
        }
    }

    /// <summary>Reads a key's length at <paramref name="pos"/> and advances it past the length.</summary>
    /// <exception cref="InvalidOperationException">The blob is not a key blob.</exception>
    public static int ReadLength(ReadOnlySpan<byte> blob, ref int pos)
    {
        byte first = blob[pos++];
        int length;
        if (first == LongMarker)
        {
            length = blob[pos] | (blob[pos + 1] << 7) | (blob[pos + 2] << 14) | (blob[pos + 3] << 21);
            pos += 4;
        }
        else
        {
            length = first - ShortBase;
        }

        if (length < 0 || length > blob.Length - pos)
        {
            throw new InvalidOperationException("PrepGen: a lookup table's key blob is malformed at byte " + pos + ".");
        }

        return length;
    }
}
