using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PrepGen.Runtime;

/// <summary>
/// Probes a compile-time minimal perfect hash table over 64-bit integer keys. <c>slots</c> holds two
/// longs per slot, the key then its id (-1 when the slot is empty), so a probe reads one cache line.
/// </summary>
/// <remarks>For PrepGen's generated code; not for direct use.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Int64Table
{
    /// <summary>The id of <paramref name="key"/>, or -1 when it is not in the table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Find(long key, ulong seed, ReadOnlySpan<byte> pilots, ReadOnlySpan<long> slots)
    {
        ulong h = TableHash.Hash(key, seed);
        byte pilot = Unsafe.Add(ref MemoryMarshal.GetReference(pilots), (nint)TableHash.Bucket(h, (uint)pilots.Length));
        nint slot = (nint)TableHash.Slot(h, pilot, (uint)slots.Length / 2);
        ref long entry = ref Unsafe.Add(ref MemoryMarshal.GetReference(slots), slot * 2);
        long id = Unsafe.Add(ref entry, 1);
        return entry == key && id >= 0 ? (int)id : -1;
    }
}
