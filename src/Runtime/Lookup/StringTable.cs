using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PrepGen.Runtime;

/// <summary>
/// Probes a compile-time minimal perfect hash table over UTF-8 keys (see docs/design.md, "Lookup tables").
/// <para>Layout, all emitted as RVA data by the generator:</para>
/// <list type="bullet">
/// <item><c>pilots</c>: one byte per bucket.</item>
/// <item><c>entries</c>: one <see cref="ulong"/> per slot: bits 0-31 the key's offset in <c>blob</c>,
/// bits 32-55 the key's byte length, bits 56-63 an 8-bit hash tag; <see cref="ulong.MaxValue"/> when empty.</item>
/// <item><c>blob</c>: per key, its id in four 7-bit bytes (little-endian) then its UTF-8 bytes, so the
/// whole blob is valid UTF-8 and compiles as one <c>"..."u8</c> literal (far cheaper for the compiler
/// than an array initializer of millions of elements).</item>
/// </list>
/// </summary>
public static class StringTable
{
    /// <summary>An empty slot.</summary>
    public const ulong Empty = ulong.MaxValue;

    /// <summary>The id of <paramref name="key"/>, or -1 when it is not in the table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Find(ReadOnlySpan<byte> key, ulong seed, ReadOnlySpan<byte> pilots, ReadOnlySpan<ulong> entries, ReadOnlySpan<byte> blob)
    {
        ulong h = TableHash.Hash(key, seed);
        byte pilot = Unsafe.Add(ref MemoryMarshal.GetReference(pilots), (nint)TableHash.Bucket(h, (uint)pilots.Length));
        ulong e = Unsafe.Add(ref MemoryMarshal.GetReference(entries), (nint)TableHash.Slot(h, pilot, (uint)entries.Length));
        if ((uint)(e >> 32) != ((uint)key.Length | ((uint)TableHash.Tag(h) << 24)))
        {
            return -1;
        }

        // The generator guarantees offset + 4 + length lies inside the blob, so the slices cannot throw.
        int offset = (int)(uint)e;
        ref byte start = ref Unsafe.Add(ref MemoryMarshal.GetReference(blob), offset);
        if (!MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref start, 4), key.Length).SequenceEqual(key))
        {
            return -1;
        }

        return Id(ref start);
    }

    /// <summary>
    /// <see cref="Find"/> for a UTF-16 key, without transcoding: the hash narrows the chars in registers and
    /// the key check compares bytes with chars. Only an all-ASCII key can match (<see cref="System.Text.Ascii.Equals(ReadOnlySpan{byte}, ReadOnlySpan{char})"/>
    /// is false otherwise), so -1 means "not an ASCII key of the table": a non-ASCII key needs <see cref="Find"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int FindAscii(ReadOnlySpan<char> key, ulong seed, ReadOnlySpan<byte> pilots, ReadOnlySpan<ulong> entries, ReadOnlySpan<byte> blob)
    {
        ulong h = TableHash.HashAscii(key, seed);
        byte pilot = Unsafe.Add(ref MemoryMarshal.GetReference(pilots), (nint)TableHash.Bucket(h, (uint)pilots.Length));
        ulong e = Unsafe.Add(ref MemoryMarshal.GetReference(entries), (nint)TableHash.Slot(h, pilot, (uint)entries.Length));
        if ((uint)(e >> 32) != ((uint)key.Length | ((uint)TableHash.Tag(h) << 24)))
        {
            return -1;
        }

        ref byte start = ref Unsafe.Add(ref MemoryMarshal.GetReference(blob), (int)(uint)e);
        return System.Text.Ascii.Equals(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref start, 4), key.Length), key) ? Id(ref start) : -1;
    }

    /// <summary>A key's id: four 7-bit bytes, little-endian.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Id(ref byte start)
    {
        uint raw = Unsafe.ReadUnaligned<uint>(ref start);
        return (int)((raw & 0x7F) | ((raw >> 1) & 0x3F80) | ((raw >> 2) & 0x1FC000) | ((raw >> 3) & 0xFE00000));
    }
}
