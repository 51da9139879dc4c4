using System;
using System.Threading;
using PrepGen.Runtime;

namespace PrepGen.Generator.Tables;

/// <summary>A built minimal-perfect-hash layout: a pilot per bucket and a slot per key.</summary>
internal sealed record PerfectHash(ulong Seed, byte[] Pilots, int SlotCount, int[] SlotOfKey);

/// <summary>
/// PTHash-style construction (see docs/design.md): keys hash to buckets; buckets, largest first, each
/// search for a one-byte pilot that sends all their keys to free slots. Deterministic: seeds come from a
/// fixed sequence, so the same vocabulary always yields the same table.
/// </summary>
internal static class PerfectHashBuilder
{
    private const int MaxAttempts = 64;

    /// <summary>
    /// Pilots are printable ASCII bytes, so the pilot table is emitted as one u8 literal with (almost) no
    /// escapes; the slot function takes the byte as it is.
    /// </summary>
    private const int FirstPilot = 0x20;

    private const int PilotEnd = 0x7F;

    /// <param name="hashAll">Hashes every key with a seed, in key order.</param>
    public static PerfectHash Build(int keyCount, Func<ulong, ulong[]> hashAll, CancellationToken cancellationToken)
    {
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ulong seed = SplitMix(0x5052_4550_4745_4E00UL + (ulong)attempt);
            ulong[] hashes = hashAll(seed);
            if (!AllDistinct(hashes))
            {
                continue;
            }

            // Looser parameters after repeated failures: more buckets (smaller) and more free slots.
            double lambda = attempt < 8 ? 3.0 : 2.0;
            double load = attempt < 8 ? 0.85 : 0.7;
            int buckets = Math.Max(1, (int)Math.Ceiling(keyCount / lambda));
            int slots = Math.Max(1, (int)Math.Ceiling(keyCount / load));
            if (TryPlace(hashes, buckets, slots, cancellationToken) is { } placed)
            {
                return new PerfectHash(seed, placed.Pilots, slots, placed.SlotOfKey);
            }
        }

        throw new InvalidOperationException("no perfect hash found after " + MaxAttempts + " seeds");
    }

    private static (byte[] Pilots, int[] SlotOfKey)? TryPlace(ulong[] hashes, int bucketCount, int slotCount, CancellationToken cancellationToken)
    {
        int n = hashes.Length;

        // Counting sort of keys by bucket.
        int[] start = new int[bucketCount + 1];
        uint[] bucketOf = new uint[n];
        for (int i = 0; i < n; i++)
        {
            bucketOf[i] = TableHash.Bucket(hashes[i], (uint)bucketCount);
            start[bucketOf[i] + 1]++;
        }

        for (int b = 0; b < bucketCount; b++)
        {
            start[b + 1] += start[b];
        }

        int[] keys = new int[n];
        int[] fill = (int[])start.Clone();
        for (int i = 0; i < n; i++)
        {
            keys[fill[bucketOf[i]]++] = i;
        }

        // Largest buckets first (ties by bucket index, for determinism).
        int[] order = new int[bucketCount];
        for (int b = 0; b < bucketCount; b++)
        {
            order[b] = b;
        }

        Array.Sort(order, (x, y) =>
        {
            int bySize = (start[y + 1] - start[y]).CompareTo(start[x + 1] - start[x]);
            return bySize != 0 ? bySize : x.CompareTo(y);
        });

        var pilots = new byte[bucketCount];
        for (int b = 0; b < bucketCount; b++)
        {
            pilots[b] = FirstPilot; // empty buckets too: the table stays printable
        }

        var slotOfKey = new int[n];
        var taken = new bool[slotCount];
        var candidate = new int[64];
        foreach (int bucket in order)
        {
            int size = start[bucket + 1] - start[bucket];
            if (size == 0)
            {
                break;
            }

            if (size > candidate.Length)
            {
                return null;
            }

            if ((bucket & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            bool placed = false;
            for (int pilot = FirstPilot; pilot < PilotEnd && !placed; pilot++)
            {
                placed = true;
                for (int k = 0; k < size && placed; k++)
                {
                    int slot = (int)TableHash.Slot(hashes[keys[start[bucket] + k]], (byte)pilot, (uint)slotCount);
                    placed = !taken[slot] && Array.IndexOf(candidate, slot, 0, k) < 0;
                    candidate[k] = slot;
                }

                if (placed)
                {
                    pilots[bucket] = (byte)pilot;
                    for (int k = 0; k < size; k++)
                    {
                        taken[candidate[k]] = true;
                        slotOfKey[keys[start[bucket] + k]] = candidate[k];
                    }
                }
            }

            if (!placed)
            {
                return null;
            }
        }

        return (pilots, slotOfKey);
    }

    private static bool AllDistinct(ulong[] hashes)
    {
        var sorted = (ulong[])hashes.Clone();
        Array.Sort(sorted);
        for (int i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] == sorted[i - 1])
            {
                return false;
            }
        }

        return true;
    }

    private static ulong SplitMix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
