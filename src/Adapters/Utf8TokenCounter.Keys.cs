using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text.Unicode;

namespace PrepGen.Adapt;

/// <summary>How a token is held: its words and hash, a long token's place in the arena, a string token's UTF-8.</summary>
internal sealed partial class Utf8TokenCounter
{
    /// <summary>Copies a long token into the arena; returns where it lies, (page &lt;&lt; 32) | offset.</summary>
    private ulong Store(ReadOnlySpan<byte> utf8)
    {
        int page, offset;
        if (utf8.Length >= OwnPage)
        {
            _pages.Add(utf8.ToArray());
            (page, offset) = (_pages.Count - 1, 0);
        }
        else
        {
            if (_page < 0 || _pageUsed + utf8.Length > PageSize)
            {
                _pages.Add(new byte[PageSize]);
                _page = _pages.Count - 1;
                _pageUsed = 0;
            }

            utf8.CopyTo(_pages[_page].AsSpan(_pageUsed));
            (page, offset) = (_page, _pageUsed);
            _pageUsed += utf8.Length;
        }

        return ((ulong)(uint)page << 32) | (uint)offset;
    }

    private ReadOnlySpan<byte> LongToken(ulong location, int length) => _pages[(int)(location >> 32)].AsSpan((int)(uint)location, length);

    /// <summary>The bytes of the token in <paramref name="slot"/>; a short one is written into <paramref name="buffer"/> (16 bytes).</summary>
    private ReadOnlySpan<byte> Key(int slot, Span<byte> buffer)
    {
        ref Slot s = ref SlotAt(slot);
        int length = s.Length - 1;
        if (length > ShortToken)
        {
            return LongToken(s.Tail, length);
        }

        BinaryPrimitives.WriteUInt64LittleEndian(buffer, s.Head);
        BinaryPrimitives.WriteUInt64LittleEndian(buffer.Slice(8), s.Tail);
        return buffer.Slice(0, length);
    }

    /// <summary>
    /// The token's first 16 bytes as two little-endian words, zero-padded: the whole token when it is at most 16 bytes
    /// long (compared word by word, never byte by byte); a longer token's first and last 8 bytes, for the hash.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Words(ReadOnlySpan<byte> utf8, out ulong head, out ulong tail)
    {
        int n = utf8.Length;
        if (n >= 8)
        {
            head = BinaryPrimitives.ReadUInt64LittleEndian(utf8);
            ulong last = BinaryPrimitives.ReadUInt64LittleEndian(utf8.Slice(n - 8));
            tail = n > ShortToken ? last : n > 8 ? last >> ((16 - n) * 8) : 0; // bytes 8..n-1 of a short token
        }
        else if (n >= 4)
        {
            // Two overlapping loads put every byte in its place; the overlap holds the same bytes twice.
            head = BinaryPrimitives.ReadUInt32LittleEndian(utf8) | ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(utf8.Slice(n - 4)) << ((n - 4) * 8));
            tail = 0;
        }
        else
        {
            head = n == 0 ? 0 : utf8[0] | ((ulong)utf8[n / 2] << (n / 2 * 8)) | ((ulong)utf8[n - 1] << ((n - 1) * 8));
            tail = 0;
        }
    }

    /// <summary>
    /// 32 bits of hash: one 64x64->128-bit multiply folded (wyhash's mum) for a short token, one more per 16 bytes of a
    /// longer one. Not a fixed function of the input (the seed is per process), so results may not depend on it, and do not.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(ReadOnlySpan<byte> utf8, ulong head, ulong tail)
    {
        const ulong K0 = 0xa0761d6478bd642fUL, K1 = 0xe7037ed1a0b428dbUL, K2 = 0x8ebc6af09c88c6e3UL;
        int n = utf8.Length;
        ulong h = Mum(head ^ Seed ^ K0, tail ^ ((ulong)n * K1));
        if (n > ShortToken)
        {
            for (int i = 8; i + 16 <= n; i += 16)
            {
                h = Mum(h ^ BinaryPrimitives.ReadUInt64LittleEndian(utf8.Slice(i)) ^ K2, BinaryPrimitives.ReadUInt64LittleEndian(utf8.Slice(i + 8)) ^ K0);
            }

            h = Mum(h ^ BinaryPrimitives.ReadUInt64LittleEndian(utf8.Slice(n - 16)) ^ K1, BinaryPrimitives.ReadUInt64LittleEndian(utf8.Slice(n - 8)) ^ K2);
        }

        return (uint)h ^ (uint)(h >> 32);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mum(ulong a, ulong b)
    {
        ulong high = Math.BigMul(a, b, out ulong low);
        return high ^ low;
    }

    /// <summary>A string token's UTF-8 bytes, in a buffer reused until the next call; an unpaired surrogate has none (Keras takes bytes).</summary>
    private ReadOnlySpan<byte> Transcode(string token) =>
        TryTranscode(token, out ReadOnlySpan<byte> utf8)
            ? utf8
            : throw new ArgumentException($"The token \"{(token.Length > 40 ? token[..40] + "..." : token)}\" holds an unpaired surrogate, which has no UTF-8 form; Keras counts tokens as UTF-8 bytes.");

    private bool TryTranscode(string token, out ReadOnlySpan<byte> utf8)
    {
        ArgumentNullException.ThrowIfNull(token);
        Utf8Capacity.Fit(ref _transcoded, token, "token");

        OperationStatus status = Utf8.FromUtf16(token, _transcoded, out _, out int written, replaceInvalidSequences: false);
        utf8 = _transcoded.AsSpan(0, written);
        return status == OperationStatus.Done;
    }
}
