using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;

namespace PrepGen.Adapt;

/// <summary>The counts in token order: where strings are made, once per token.</summary>
internal sealed partial class Utf8TokenCounter
{
    public List<(string Token, long Count, long DocumentCount)> SortedEntries()
    {
        ArraySegment<Ranked> ranked = Rank(excluded: [], byCount: false);
        var entries = new List<(string Token, long Count, long DocumentCount)>(ranked.Count);
        Span<byte> buffer = stackalloc byte[ShortToken];
        foreach (Ranked r in ranked)
        {
            entries.Add((Encoding.UTF8.GetString(Key(r.Slot, buffer)), SlotAt(r.Slot).Count, DocumentCount(r.Slot)));
        }

        return entries;
    }

    public List<(string Token, long DocumentCount)> Learn(IReadOnlyList<string> excluded, int? maxLearned)
    {
        ArraySegment<Ranked> ranked = Learned(excluded, maxLearned);
        var learned = new List<(string, long)>(ranked.Count);
        Span<byte> buffer = stackalloc byte[ShortToken];
        for (int i = 0; i < ranked.Count; i++)
        {
            learned.Add((Encoding.UTF8.GetString(Key(ranked[i].Slot, buffer)), DocumentCount(ranked[i].Slot)));
        }

        return learned;
    }

    public LearnedLines? LearnLines(IReadOnlyList<string> excluded, int? maxLearned)
    {
        ArraySegment<Ranked> ranked = Learned(excluded, maxLearned);
        int keep = ranked.Count;
        long size = keep;
        for (int i = 0; i < keep; i++)
        {
            size += SlotAt(ranked[i].Slot).Length - 1;
        }

        if (size > Array.MaxLength)
        {
            return null; // more than one array holds: the string path reports it
        }

        // Both written once from end to end: on huge pages where large (HugePages); document counts only for tf-idf.
        byte[] store = HugePages.Allocate<byte>((int)size, out int first);
        Span<byte> file = store.AsSpan(first, (int)size);
        long[] documentCounts = _countDocuments ? new long[keep] : [];
        Span<byte> buffer = stackalloc byte[ShortToken];
        int at = 0;
        for (int i = 0; i < keep; i++)
        {
            ReadOnlySpan<byte> token = Key(ranked[i].Slot, buffer);
            token.CopyTo(file[at..]);
            at += token.Length;
            file[at++] = (byte)'\n';
            if (_countDocuments)
            {
                documentCounts[i] = DocumentCount(ranked[i].Slot);
            }
        }

        return new LearnedLines(store.AsMemory(first, (int)size), keep, documentCounts);
    }

    /// <summary>The learned tokens' ranks: Keras's order, at most <paramref name="maxLearned"/>.</summary>
    private ArraySegment<Ranked> Learned(IReadOnlyList<string> excluded, int? maxLearned)
    {
        ArraySegment<Ranked> ranked = Rank(excluded, byCount: true);
        return maxLearned is int cap ? ranked[..Math.Clamp(cap, 0, ranked.Count)] : ranked;
    }

    private long DocumentCount(int slot) => _countDocuments ? _tallies[slot].DocumentCount : 0;

    /// <summary>
    /// The tokens in Keras's order (<paramref name="byCount"/>: count descending, ties by bytes descending) or by bytes
    /// ascending, without <paramref name="excluded"/>. Sorted on (count, first 8 bytes read big-endian) as two integers,
    /// so a large vocabulary sorts with inlined integer compares and without reading most token bytes; only the runs
    /// that tie on both are then sorted on their whole bytes.
    /// </summary>
    private ArraySegment<Ranked> Rank(IReadOnlyList<string> excluded, bool byCount)
    {
        var skip = new List<int>(excluded.Count); // a special token or two: a list beats a hash set per slot
        foreach (string special in excluded)
        {
            if (TryTranscode(special, out ReadOnlySpan<byte> utf8) && Find(utf8) is int slot and >= 0 && !skip.Contains(slot))
            {
                skip.Add(slot);
            }
        }

        // Descending order is the ascending order of the complemented keys. A large vocabulary's array is written once
        // from end to end: on huge pages where it can (HugePages; 433k tokens are 10 MB).
        ulong flip = byCount ? ulong.MaxValue : 0;
        int total = _count - skip.Count;
        Ranked[] store = HugePages.Allocate<Ranked>(total, out int first);
        Span<Ranked> ranked = store.AsSpan(first, total);
        ReadOnlySpan<int> skipped = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(skip);
        int n = 0;
        Span<Slot> slots = Slots;
        for (int i = 0; i < slots.Length; i++)
        {
            if (slots[i].Length != 0 && !skipped.Contains(i))
            {
                ranked[n++] = new Ranked(byCount ? ~(ulong)slots[i].Count : 0, BinaryPrimitives.ReverseEndianness(slots[i].Head) ^ flip, i);
            }
        }

        ranked.Sort();
        var bytes = new ByteOrder(this, descending: byCount);
        for (int start = 0; start < ranked.Length;)
        {
            int end = start + 1;
            while (end < ranked.Length && ranked[end].CompareTo(ranked[start]) == 0)
            {
                end++;
            }

            if (end - start > 1)
            {
                ranked.Slice(start, end - start).Sort(bytes);
            }

            start = end;
        }

        return new ArraySegment<Ranked>(store, first, total);
    }

    /// <summary>A token's sort keys: its count and its first 8 bytes, each complemented for a descending order.</summary>
    private readonly record struct Ranked(ulong Count, ulong Prefix, int Slot) : IComparable<Ranked>
    {
        public int CompareTo(Ranked other) => Count != other.Count ? Count.CompareTo(other.Count) : Prefix.CompareTo(other.Prefix);
    }

    /// <summary>The whole bytes, for tokens that tie on count and first 8 bytes: byte order, as numpy sorts Keras's bytes tokens.</summary>
    private readonly struct ByteOrder(Utf8TokenCounter counter, bool descending) : IComparer<Ranked>
    {
        public int Compare(Ranked x, Ranked y)
        {
            Span<byte> a = stackalloc byte[ShortToken];
            Span<byte> b = stackalloc byte[ShortToken];
            int order = counter.Key(x.Slot, a).SequenceCompareTo(counter.Key(y.Slot, b));
            return descending ? -order : order;
        }
    }
}
