// Compiled into BOTH the generator (netstandard2.0, linked) and the runtime (net10.0): the generator
// builds perfect-hash tables with these functions and the runtime probes them with the same ones, so
// the two can never drift. This hash is ours, chosen for speed; Keras's own hashes (FarmHash, SipHash)
// define outputs and live in PrepGen.Hashing.
using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
#if NET
using System.Runtime.Intrinsics;
#endif

namespace PrepGen.Runtime;

/// <summary>The seeded 64-bit hash and the bucket/slot math of PrepGen's perfect-hash tables.</summary>
public static class TableHash
{
    private const ulong P1 = 0x9E3779B97F4A7C15UL;
    private const ulong P2 = 0xC2B2AE3D27D4EB4FUL;
    private const ulong P3 = 0x165667B19E3779F9UL;
    private const ulong PilotMul = 0xFF51AFD7ED558CCDUL;
    private const ulong SlotMul = 0xC4CEB9FE1A85EC53UL;

    /// <summary>Keys of at most this many bytes hash from two words that hold every byte (see <see cref="Words"/>).</summary>
    public const int ShortKeyBytes = 16;

    /// <summary>Hashes a key's UTF-8 bytes with a table seed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Hash(ReadOnlySpan<byte> key, ulong seed)
    {
        int len = key.Length;
        if (len <= ShortKeyBytes)
        {
            Words(key, out ulong a, out ulong b);
            return HashWords(a, b, len, seed);
        }

        ulong h = seed ^ ((ulong)len * P1);
        int i = 0;
        for (; i + 16 < len; i += 16)
        {
            h = Mix(h, BinaryPrimitives.ReadUInt64LittleEndian(key.Slice(i)), BinaryPrimitives.ReadUInt64LittleEndian(key.Slice(i + 8)));
        }

        // The last 16 bytes, overlapping the loop's tail when len is not a multiple of 16.
        h = Mix(h, BinaryPrimitives.ReadUInt64LittleEndian(key.Slice(len - 16)), BinaryPrimitives.ReadUInt64LittleEndian(key.Slice(len - 8)));
        return Finish(h);
    }

    /// <summary>
    /// The two words a key of at most <see cref="ShortKeyBytes"/> bytes hashes from. Together with the length
    /// they hold every byte of the key (8-16 bytes: the first and last eight; 4-7: the first and last four;
    /// 1-3: first, middle and last byte), so tables store them in the slot and compare them instead of the key.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Words(ReadOnlySpan<byte> key, out ulong a, out ulong b)
    {
        int len = key.Length;
        if (len >= 8)
        {
            a = BinaryPrimitives.ReadUInt64LittleEndian(key);
            b = BinaryPrimitives.ReadUInt64LittleEndian(key.Slice(len - 8));
        }
        else if (len >= 4)
        {
            a = BinaryPrimitives.ReadUInt32LittleEndian(key);
            b = BinaryPrimitives.ReadUInt32LittleEndian(key.Slice(len - 4));
        }
        else if (len > 0)
        {
            a = key[0] | ((ulong)key[len >> 1] << 8) | ((ulong)key[len - 1] << 16);
            b = 0;
        }
        else
        {
            a = 0;
            b = 0;
        }
    }

    /// <summary>
    /// The hash of a short key from its <see cref="Words"/> and length: one 64x64->128-bit multiply of the
    /// keyed words, folded (wyhash's "mum"). A probe's latency chain is hash -> pilot -> slot, so the short
    /// path spends one multiply here instead of a multi-round mix; the table builder retries another seed if
    /// two keys ever collide.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong HashWords(ulong a, ulong b, int length, ulong seed)
    {
        ulong hi = MultiplyHigh(a ^ seed ^ P1, b ^ ((seed << 32) | (seed >> 32)) ^ ((ulong)length * P2), out ulong lo);
        return hi ^ lo;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MultiplyHigh(ulong x, ulong y, out ulong low)
    {
#if NET
        return Math.BigMul(x, y, out low);
#else
        ulong x0 = (uint)x, x1 = x >> 32, y0 = (uint)y, y1 = y >> 32;
        ulong p00 = x0 * y0, p01 = x0 * y1, p10 = x1 * y0, p11 = x1 * y1;
        ulong middle = (p00 >> 32) + (uint)p01 + (uint)p10;
        low = (middle << 32) | (uint)p00;
        return p11 + (p01 >> 32) + (p10 >> 32) + (middle >> 32);
#endif
    }

#if NET
    /// <summary>
    /// <see cref="Hash(ReadOnlySpan{byte}, ulong)"/> of the UTF-8 bytes of an ASCII UTF-16 key, computed from
    /// the chars directly (each char narrowed in registers): no transcoding buffer, so consecutive lookups
    /// stay independent. For a non-ASCII key the value is meaningless (chars are truncated to bytes); callers
    /// only trust a match after comparing the key.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong HashAscii(ReadOnlySpan<char> key, ulong seed)
    {
        int len = key.Length;
        if (len <= ShortKeyBytes)
        {
            AsciiWords(key, out ulong a, out ulong b);
            return HashWords(a, b, len, seed);
        }

        ulong h = seed ^ ((ulong)len * P1);
        int i = 0;
        for (; i + 16 < len; i += 16)
        {
            h = Mix(h, Narrow8(key, i), Narrow8(key, i + 8));
        }

        h = Mix(h, Narrow8(key, len - 16), Narrow8(key, len - 8));
        return Finish(h);
    }

    /// <summary>
    /// <see cref="Words"/> of the UTF-8 bytes of a UTF-16 key of at most <see cref="ShortKeyBytes"/> chars,
    /// read from the chars; false (words meaningless) when a char is not ASCII. The ASCII test rides on
    /// the same loads, so an ASCII key costs no second pass.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AsciiWords(ReadOnlySpan<char> key, out ulong a, out ulong b)
    {
        int len = key.Length;
        ref ushort first = ref Unsafe.As<char, ushort>(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(key));
        if (len >= 8)
        {
            var x = Vector128.LoadUnsafe(ref first);
            var y = Vector128.LoadUnsafe(ref first, (nuint)(len - 8));
            a = Vector128.ToScalar(Vector128.AsUInt64(Vector128.Narrow(x, x)));
            b = Vector128.ToScalar(Vector128.AsUInt64(Vector128.Narrow(y, y)));
            return ((x | y) & Vector128.Create((ushort)0xFF80)) == Vector128<ushort>.Zero;
        }

        if (len >= 4)
        {
            ulong x = Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<ushort, byte>(ref first));
            ulong y = Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<ushort, byte>(ref Unsafe.Add(ref first, len - 4)));
            a = Pack4(x);
            b = Pack4(y);
            return ((x | y) & 0xFF80_FF80_FF80_FF80UL) == 0;
        }

        if (len > 0)
        {
            uint c0 = first;
            uint c1 = Unsafe.Add(ref first, len >> 1);
            uint c2 = Unsafe.Add(ref first, len - 1);
            a = c0 | ((ulong)c1 << 8) | ((ulong)c2 << 16);
            b = 0;
            return (c0 | c1 | c2) < 0x80;
        }

        a = 0;
        b = 0;
        return true;
    }

    /// <summary>Four chars (one little-endian ulong) as the uint of their low bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Pack4(ulong w) => (w & 0xFF) | ((w >> 8) & 0xFF00) | ((w >> 16) & 0xFF0000) | ((w >> 24) & 0xFF000000);

    /// <summary>Eight ASCII chars as the little-endian ulong of their bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Narrow8(ReadOnlySpan<char> key, int start)
    {
        var chars = Vector128.LoadUnsafe(ref Unsafe.As<char, ushort>(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(key)), (nuint)start);
        return Vector128.ToScalar(Vector128.AsUInt64(Vector128.Narrow(chars, chars)));
    }
#endif

    /// <summary>Hashes an integer key (IntegerLookup tables) with a table seed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Hash(long key, ulong seed) => Finish(Mix(seed ^ unchecked(8UL * P1), (ulong)key, 0));

    /// <summary>The bucket of a hash: the high 32 bits scaled onto <paramref name="bucketCount"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Bucket(ulong hash, uint bucketCount) => (uint)(((hash >> 32) * bucketCount) >> 32);

    /// <summary>The slot a key lands in once its bucket's pilot is known.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Slot(ulong hash, byte pilot, uint slotCount)
    {
        ulong x = (hash ^ ((pilot + 1UL) * PilotMul)) * SlotMul;
        return (uint)(((x >> 32) * slotCount) >> 32);
    }

    /// <summary>The 8-bit tag stored beside a key's slot to reject most misses without reading the key.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte Tag(ulong hash) => (byte)hash;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong h, ulong a, ulong b)
    {
        h ^= a * P2;
        h = ((h << 31) | (h >> 33)) * P1;
        h ^= b * P3;
        h = ((h << 29) | (h >> 35)) * P2;
        return h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Finish(ulong h)
    {
        // MurmurHash3's fmix64: every input bit reaches every output bit.
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return h;
    }
}
