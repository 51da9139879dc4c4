using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace PrepGen.Runtime;

/// <summary>
/// A minimal perfect hash table over UTF-8 keys (see docs/design.md, "Lookup tables"). The generator finds
/// the hash at compile time and emits two byte tables as <c>"..."u8</c> literals (RVA data):
/// <list type="bullet">
/// <item><c>pilots</c>: one printable byte per bucket, the perturbation that sends the bucket's keys to free slots;</item>
/// <item><c>keys</c>: the tokens in id order, each after its length (<see cref="KeyBlob"/>).</item>
/// </list>
/// <see cref="Build"/> turns them into the slot array once, when the layer is first used: hashing every
/// key with the compile-time pilots is linear and cheap, while emitting the slots as C# would cost the
/// compiler far more than the keys themselves. A slot is three words (24 bytes): a short key's two hash
/// <see cref="TableHash.Words"/> (a longer key's offset in <c>keys</c>), then its length and id. Keys of at
/// most <see cref="TableHash.ShortKeyBytes"/> bytes are compared through the words already computed for the
/// hash, so a probe reads one pilot byte and one slot and never touches the key bytes.
/// </summary>
/// <remarks>For PrepGen's generated code; not for direct use.</remarks>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static unsafe class StringTable
{
    /// <summary><see cref="FindAscii"/>'s answer for a key with a non-ASCII char: only its UTF-8 bytes can say.</summary>
    public const int NotAscii = -2;

    private const int SlotBytes = SlotLayout.Words * sizeof(ulong);

    /// <summary>
    /// Builds the slot array of a table from the generator's data; returns its address. The memory lives
    /// as long as the process, like the RVA data it is built from (one table per generated layer type).
    /// </summary>
    /// <exception cref="InvalidOperationException">The data was built by a different PrepGen version.</exception>
    public static nint Build(ulong seed, uint slotCount, ReadOnlySpan<byte> pilots, ReadOnlySpan<byte> keys, int keyCount)
    {
        nuint bytes = (nuint)slotCount * SlotBytes;
        void* slots = NativeMemory.AlignedAlloc(bytes, 64);
        try
        {
            SlotLayout.Fill(new Span<ulong>(slots, checked((int)(slotCount * SlotLayout.Words))), seed, pilots, keys, keyCount);
        }
        catch
        {
            NativeMemory.AlignedFree(slots);
            throw;
        }

        return (nint)slots;
    }

    /// <summary>The id of <paramref name="key"/>, or -1 when it is not in the table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Find(ReadOnlySpan<byte> key, ulong seed, ReadOnlySpan<byte> pilots, nint slots, uint slotCount, ReadOnlySpan<byte> keys) =>
        Find(key, seed, pilots, slots, slotCount, keys, default(Unguarded));

    /// <summary>
    /// <see cref="FindAscii{TGuard}"/> for a table whose bytes are all trusted (a compiled table: RVA data and slots built in memory).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int FindAscii(ReadOnlySpan<char> key, ulong seed, ReadOnlySpan<byte> pilots, nint slots, uint slotCount, ReadOnlySpan<byte> keys) =>
        FindAscii(key, seed, pilots, slots, slotCount, keys, default(Unguarded));

    /// <summary>
    /// <see cref="Find(ReadOnlySpan{byte}, ulong, ReadOnlySpan{byte}, nint, uint, ReadOnlySpan{byte})"/> that lets
    /// <paramref name="guard"/> vouch for each slot and key range before the probe reads it (a mapped table's blocks).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Find<TGuard>(ReadOnlySpan<byte> key, ulong seed, ReadOnlySpan<byte> pilots, nint slots, uint slotCount, ReadOnlySpan<byte> keys, TGuard guard)
        where TGuard : struct, ITableGuard
    {
        if (key.Length <= TableHash.ShortKeyBytes)
        {
            TableHash.Words(key, out ulong a, out ulong b);
            return Match(ref Slot(TableHash.HashWords(a, b, key.Length, seed), pilots, slots, slotCount, guard), a, b, key.Length);
        }

        return FindLong(key, seed, pilots, slots, slotCount, keys, guard);
    }

    /// <summary>
    /// <see cref="Find{TGuard}"/> for a UTF-16 key without transcoding: ASCII chars are narrowed in registers. Returns
    /// <see cref="NotAscii"/> for a key with any other char (the caller transcodes it and calls <c>Find</c>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int FindAscii<TGuard>(ReadOnlySpan<char> key, ulong seed, ReadOnlySpan<byte> pilots, nint slots, uint slotCount, ReadOnlySpan<byte> keys, TGuard guard)
        where TGuard : struct, ITableGuard
    {
        if (key.Length <= TableHash.ShortKeyBytes)
        {
            if (!TableHash.AsciiWords(key, out ulong a, out ulong b))
            {
                return NotAscii;
            }

            return Match(ref Slot(TableHash.HashWords(a, b, key.Length, seed), pilots, slots, slotCount, guard), a, b, key.Length);
        }

        return FindAsciiLong(key, seed, pilots, slots, slotCount, keys, guard);
    }

    private static int FindLong<TGuard>(ReadOnlySpan<byte> key, ulong seed, ReadOnlySpan<byte> pilots, nint slots, uint slotCount, ReadOnlySpan<byte> keys, TGuard guard)
        where TGuard : struct, ITableGuard
    {
        ref ulong e = ref Slot(TableHash.Hash(key, seed), pilots, slots, slotCount, guard);
        ulong meta = Unsafe.Add(ref e, 2);
        return (uint)meta == (uint)key.Length && Stored(keys, ref e, key.Length, guard).SequenceEqual(key) ? (int)(meta >> 32) : -1;
    }

    private static int FindAsciiLong<TGuard>(ReadOnlySpan<char> key, ulong seed, ReadOnlySpan<byte> pilots, nint slots, uint slotCount, ReadOnlySpan<byte> keys, TGuard guard)
        where TGuard : struct, ITableGuard
    {
        if (!Ascii.IsValid(key))
        {
            return NotAscii;
        }

        ref ulong e = ref Slot(TableHash.HashAscii(key, seed), pilots, slots, slotCount, guard);
        ulong meta = Unsafe.Add(ref e, 2);
        return (uint)meta == (uint)key.Length && Ascii.Equals(Stored(keys, ref e, key.Length, guard), key) ? (int)(meta >> 32) : -1;
    }

    /// <summary>
    /// The stored bytes of the slot's key. The offset is checked against the key blob: a mapped table's slots
    /// come from a file, and a damaged offset must not read outside the mapping.
    /// </summary>
    private static ReadOnlySpan<byte> Stored<TGuard>(ReadOnlySpan<byte> keys, ref ulong e, int length, TGuard guard)
        where TGuard : struct, ITableGuard
    {
        if (e > (ulong)keys.Length || (ulong)length > (ulong)keys.Length - e)
        {
            ThrowDamaged(e, length, keys.Length);
        }

        guard.Keys(e, length);

        return MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref MemoryMarshal.GetReference(keys), (nint)e), length);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowDamaged(ulong offset, int length, int keysLength) =>
        throw new System.IO.InvalidDataException(
            "PrepGen: a lookup table is damaged: a slot points at key bytes " + offset + ".." + (offset + (ulong)length) + " of a " + keysLength + "-byte key blob.");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref ulong Slot<TGuard>(ulong h, ReadOnlySpan<byte> pilots, nint slots, uint slotCount, TGuard guard)
        where TGuard : struct, ITableGuard
    {
        byte pilot = Unsafe.Add(ref MemoryMarshal.GetReference(pilots), (nint)TableHash.Bucket(h, (uint)pilots.Length));
        uint slot = TableHash.Slot(h, pilot, slotCount);
        guard.Slot(slot);
        return ref Unsafe.AsRef<ulong>((void*)(slots + ((nint)slot * SlotBytes)));
    }

    /// <summary>A short key matches when its words and length equal the slot's (they hold every byte of it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Match(ref ulong e, ulong a, ulong b, int length)
    {
        ulong meta = Unsafe.Add(ref e, 2);
        return ((e ^ a) | (Unsafe.Add(ref e, 1) ^ b) | ((uint)meta ^ (uint)length)) == 0 ? (int)(meta >> 32) : -1;
    }
}
