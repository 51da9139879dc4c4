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
        Ranked[] ranked = Rank(excluded: [], byCount: false);
        var entries = new List<(string Token, long Count, long DocumentCount)>(ranked.Length);
        Span<byte> buffer = stackalloc byte[ShortToken];
        foreach (Ranked r in ranked)
        {
            entries.Add((Encoding.UTF8.GetString(Key(r.Slot, buffer)), _slots[r.Slot].Count, DocumentCount(r.Slot)));
        }

        return entries;
    }

    public List<(string Token, long DocumentCount)> Learn(IReadOnlyList<string> excluded, int? maxLearned)
    {
        Ranked[] ranked = Rank(excluded, byCount: true);
        int keep = maxLearned is int cap ? Math.Clamp(cap, 0, ranked.Length) : ranked.Length;
        var learned = new List<(string, long)>(keep);
        Span<byte> buffer = stackalloc byte[ShortToken];
        for (int i = 0; i < keep; i++)
        {
            learned.Add((Encoding.UTF8.GetString(Key(ranked[i].Slot, buffer)), DocumentCount(ranked[i].Slot)));
        }

        return learned;
    }

    private long DocumentCount(int slot) => _countDocuments ? _tallies[slot].DocumentCount : 0;

    /// <summary>
    /// The tokens in Keras's order (<paramref name="byCount"/>: count descending, ties by bytes descending) or by bytes
    /// ascending, without <paramref name="excluded"/>. Sorted on (count, first 8 bytes read big-endian), so a large
    /// vocabulary sorts without reading most token bytes; only ties on both compare the whole bytes.
    /// </summary>
    private Ranked[] Rank(IReadOnlyList<string> excluded, bool byCount)
    {
        var skip = new HashSet<int>();
        foreach (string special in excluded)
        {
            if (TryTranscode(special, out ReadOnlySpan<byte> utf8) && Find(utf8) is int slot and >= 0)
            {
                skip.Add(slot);
            }
        }

        var ranked = new Ranked[_count - skip.Count];
        int n = 0;
        for (int i = 0; i < _slots.Length; i++)
        {
            if (_slots[i].Length != 0 && !skip.Contains(i))
            {
                ranked[n++] = new Ranked(byCount ? _slots[i].Count : 0, BinaryPrimitives.ReverseEndianness(_slots[i].Head), i);
            }
        }

        ranked.AsSpan().Sort(new RankOrder(this, descending: byCount));
        return ranked;
    }

    private readonly record struct Ranked(long Count, ulong Prefix, int Slot);

    /// <summary>Count, then the first 8 bytes, then the whole bytes: byte order, as numpy sorts Keras's bytes tokens.</summary>
    private readonly struct RankOrder(Utf8TokenCounter counter, bool descending) : IComparer<Ranked>
    {
        public int Compare(Ranked x, Ranked y)
        {
            int order = x.Count != y.Count ? x.Count.CompareTo(y.Count)
                : x.Prefix != y.Prefix ? x.Prefix.CompareTo(y.Prefix)
                : Bytes(x.Slot, y.Slot);
            return descending ? -order : order;
        }

        private int Bytes(int x, int y)
        {
            Span<byte> a = stackalloc byte[ShortToken];
            Span<byte> b = stackalloc byte[ShortToken];
            return counter.Key(x, a).SequenceCompareTo(counter.Key(y, b));
        }
    }
}
