// Compiled into BOTH the runtime and the build task (linked): the slots of a compiled table are derived at
// first use and those of a mapped table at build time, by this one function.
using System;

namespace PrepGen.Runtime;

/// <summary>
/// Fills the slot array of a string table (see <see cref="StringTable"/>): three words per slot, a short
/// key's two <see cref="TableHash.Words"/> (a longer key's offset in the key blob), then its length and id.
/// </summary>
public static class SlotLayout
{
    /// <summary>Words per slot.</summary>
    public const int Words = 3;

    /// <summary>Places every key of <paramref name="keys"/> (a <see cref="KeyBlob"/>) in <paramref name="slots"/> (<see cref="Words"/> per slot).</summary>
    /// <exception cref="InvalidOperationException">The pilots do not place these keys: data from another PrepGen version.</exception>
    public static void Fill(Span<ulong> slots, ulong seed, ReadOnlySpan<byte> pilots, ReadOnlySpan<byte> keys, int keyCount)
    {
        uint slotCount = (uint)(slots.Length / Words);
        for (int s = 0; s < slots.Length; s += Words)
        {
            slots[s] = 0;
            slots[s + 1] = 0;
            slots[s + 2] = ulong.MaxValue; // a length no key has
        }

        int pos = 0;
        int id = 0;
        while (pos < keys.Length)
        {
            int length = KeyBlob.ReadLength(keys, ref pos);
            ReadOnlySpan<byte> key = keys.Slice(pos, length);
            ulong h = TableHash.Hash(key, seed);
            byte pilot = pilots[(int)TableHash.Bucket(h, (uint)pilots.Length)];
            int e = (int)TableHash.Slot(h, pilot, slotCount) * Words;
            if (slots[e + 2] != ulong.MaxValue)
            {
                throw Mismatch("keys " + (uint)(slots[e + 2] >> 32) + " and " + id + " share a slot");
            }

            if (length <= TableHash.ShortKeyBytes)
            {
                TableHash.Words(key, out slots[e], out slots[e + 1]);
            }
            else
            {
                slots[e] = (ulong)pos; // a long key is compared in the key blob
            }

            slots[e + 2] = (uint)length | ((ulong)(uint)id << 32);
            pos += length;
            id++;
        }

        if (id != keyCount)
        {
            throw Mismatch(id + " keys where " + keyCount + " were expected");
        }
    }

    private static InvalidOperationException Mismatch(string detail) => new(
        "PrepGen: this lookup table's data does not fit the PrepGen runtime in use (" + detail + "). " +
        "Rebuild the project with the same PrepGen package version for the generator and the runtime.");
}
