using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

namespace PrepGen.Adapt;

/// <summary>
/// Counts string tokens by their UTF-8 bytes without an object per token: an open-addressing table (linear probing)
/// of slots pointing into a dense entry array. A token of up to 16 bytes lives in its entry's two words; a longer one
/// in a byte arena of 1 MiB pages. Strings are made only when the vocabulary is learned or the counts exported.
/// Results equal <see cref="TokenCounter{TToken}"/> with <see cref="Utf8OrdinalComparer"/>: Keras orders tokens by
/// their bytes, and every token here is valid UTF-8 (a string's own encoding, or bytes the caller checked).
/// </summary>
internal sealed class Utf8TokenCounter : ITokenCounts<string>
{
    private const int ShortToken = 16;
    private const int PageSize = 1 << 20;

    // A token this long gets a page of its own rather than wasting the rest of the current one.
    private const int OwnPage = PageSize / 8;

    // Slots never run fuller than half: a probe then reads about 1.5 slots on a hit.
    private const int InitialSlots = 1 << 10;

    // A slot holds the high half of its token's hash beside the entry index: most mismatches never read the entry.
    private const ulong TagMask = 0xFFFF_FFFF_0000_0000UL;

    // Per process, so that no fixed input collides in every run; results never depend on it (learned tokens are sorted).
    private static readonly ulong Seed = (ulong)Random.Shared.NextInt64() | 1;

    private readonly bool _countDocuments;
    private readonly List<byte[]> _pages = [];
    private ulong[] _slots = new ulong[InitialSlots]; // (the hash's high 32 bits) | (entry index + 1); 0 = free
    private Entry[] _entries = new Entry[InitialSlots / 2];
    private int _count;
    private int _page = -1; // the page short-lived long tokens are appended to
    private int _pageUsed;
    private long _documents;
    private long _version;
    private byte[] _transcoded = new byte[256]; // string tokens in UTF-8

    public Utf8TokenCounter(bool countDocuments) => _countDocuments = countDocuments;

    public bool CountsDocuments => _countDocuments;

    public long Documents => _documents;

    public long Version => _version;

    public int DistinctTokens => _count;

    /// <summary>Opens the next document and returns its stamp for <see cref="Add"/>.</summary>
    public long NextDocument()
    {
        _version++;
        return _documents++;
    }

    /// <summary>Counts one occurrence of <paramref name="utf8"/> (valid UTF-8) in the document <see cref="NextDocument"/> opened.</summary>
    public void Add(ReadOnlySpan<byte> utf8, long document)
    {
        ref Entry entry = ref Get(utf8);
        entry.Count++;
        if (_countDocuments && entry.LastDocument != document)
        {
            entry.LastDocument = document;
            entry.DocumentCount++;
        }
    }

    public void AddDocument(ReadOnlySpan<string> tokens)
    {
        long document = NextDocument();
        foreach (string token in tokens)
        {
            Add(Transcode(token), document);
        }
    }

    public void Merge(ITokenCounts<string> other)
    {
        if (other is not Utf8TokenCounter counter || other.CountsDocuments != _countDocuments)
        {
            throw new ArgumentException("Both adapters must use the same output mode (tf-idf counts documents).", nameof(other));
        }

        // Stamps stay below the merged document total, so future documents never collide with them.
        Span<byte> buffer = stackalloc byte[ShortToken];
        for (int i = 0; i < counter._count; i++)
        {
            ref Entry theirs = ref counter._entries[i];
            ref Entry ours = ref Get(counter.Key(ref theirs, buffer));
            ours.Count += theirs.Count;
            ours.DocumentCount += theirs.DocumentCount;
        }

        _documents += counter._documents;
        _version++;
    }

    public void AddCounts(string token, long count, long documentCount)
    {
        ref Entry entry = ref Get(Transcode(token));
        entry.Count += count;
        entry.DocumentCount += documentCount;
        _version++;
    }

    public void AddDocuments(long documents)
    {
        _documents += documents;
        _version++;
    }

    public List<(string Token, long Count, long DocumentCount)> SortedEntries()
    {
        Ranked[] ranked = Rank(excluded: [], byCount: false);
        var entries = new List<(string Token, long Count, long DocumentCount)>(ranked.Length);
        Span<byte> buffer = stackalloc byte[ShortToken];
        foreach (Ranked r in ranked)
        {
            ref Entry entry = ref _entries[r.Index];
            entries.Add((Encoding.UTF8.GetString(Key(ref entry, buffer)), entry.Count, entry.DocumentCount));
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
            ref Entry entry = ref _entries[ranked[i].Index];
            learned.Add((Encoding.UTF8.GetString(Key(ref entry, buffer)), entry.DocumentCount));
        }

        return learned;
    }

    /// <summary>
    /// The entries in Keras's order (<paramref name="byCount"/>: count descending, ties by bytes descending) or by bytes
    /// ascending, leaving out <paramref name="excluded"/>. Sorted on (count, first 8 bytes big-endian) and the whole
    /// bytes only for ties, so a large vocabulary sorts without touching most token bytes.
    /// </summary>
    private Ranked[] Rank(IReadOnlyList<string> excluded, bool byCount)
    {
        var skip = new HashSet<int>();
        foreach (string special in excluded)
        {
            if (TryTranscode(special, out ReadOnlySpan<byte> utf8) && Find(utf8) is int index and >= 0)
            {
                skip.Add(index);
            }
        }

        var ranked = new Ranked[_count - skip.Count];
        int n = 0;
        for (int i = 0; i < _count; i++)
        {
            if (!skip.Contains(i))
            {
                ranked[n++] = new Ranked(byCount ? _entries[i].Count : 0, BinaryPrimitives.ReverseEndianness(_entries[i].Head), i);
            }
        }

        ranked.AsSpan().Sort(new RankOrder(this, descending: byCount));
        return ranked;
    }

    /// <summary>The entry of <paramref name="utf8"/>, added with no counts when new.</summary>
    private ref Entry Get(ReadOnlySpan<byte> utf8)
    {
        Words(utf8, out ulong head, out ulong tail);
        ulong hash = Hash(utf8, head, tail);
        int index = Probe(utf8, head, tail, hash, out int free);
        return ref index >= 0 ? ref _entries[index] : ref Insert(utf8, head, tail, hash, free);
    }

    /// <summary>The index of the entry of <paramref name="utf8"/>, or -1.</summary>
    private int Find(ReadOnlySpan<byte> utf8)
    {
        Words(utf8, out ulong head, out ulong tail);
        return Probe(utf8, head, tail, Hash(utf8, head, tail), out _);
    }

    /// <summary>The entry index of the token, or -1 and the free slot where it would go.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Probe(ReadOnlySpan<byte> utf8, ulong head, ulong tail, ulong hash, out int free)
    {
        ulong tag = hash & TagMask;
        ulong[] slots = _slots;
        int mask = slots.Length - 1;
        int i = (int)hash & mask;
        while (true)
        {
            ulong slot = slots[i];
            if (slot == 0)
            {
                free = i;
                return -1;
            }

            if ((slot & TagMask) == tag)
            {
                int index = (int)(uint)slot - 1;
                ref Entry entry = ref _entries[index];
                if (entry.Length == utf8.Length && entry.Head == head && entry.Tail == tail
                    && (utf8.Length <= ShortToken || _pages[entry.Page].AsSpan(entry.Offset, entry.Length).SequenceEqual(utf8)))
                {
                    free = -1;
                    return index;
                }
            }

            i = (i + 1) & mask;
        }
    }

    private ref Entry Insert(ReadOnlySpan<byte> utf8, ulong head, ulong tail, ulong hash, int slot)
    {
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _count * 2);
        }

        int index = _count++;
        ref Entry entry = ref _entries[index];
        entry = new Entry { Head = head, Tail = tail, Length = utf8.Length, Hash = (uint)hash, LastDocument = -1 };
        if (utf8.Length > ShortToken)
        {
            (entry.Page, entry.Offset) = Store(utf8);
        }

        _slots[slot] = (hash & TagMask) | (uint)(index + 1);
        if (_count > _slots.Length / 2)
        {
            Grow();
        }

        return ref entry;
    }

    private void Grow()
    {
        var slots = new ulong[_slots.Length * 2];
        int mask = slots.Length - 1;
        foreach (ulong slot in _slots)
        {
            if (slot != 0)
            {
                int i = (int)_entries[(int)(uint)slot - 1].Hash & mask;
                while (slots[i] != 0)
                {
                    i = (i + 1) & mask;
                }

                slots[i] = slot;
            }
        }

        _slots = slots;
    }

    private (int Page, int Offset) Store(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length >= OwnPage)
        {
            _pages.Add(utf8.ToArray());
            return (_pages.Count - 1, 0);
        }

        if (_page < 0 || _pageUsed + utf8.Length > PageSize)
        {
            _pages.Add(new byte[PageSize]);
            _page = _pages.Count - 1;
            _pageUsed = 0;
        }

        utf8.CopyTo(_pages[_page].AsSpan(_pageUsed));
        _pageUsed += utf8.Length;
        return (_page, _pageUsed - utf8.Length);
    }

    /// <summary>The token's bytes; a short one is written into <paramref name="buffer"/> (16 bytes).</summary>
    private ReadOnlySpan<byte> Key(ref Entry entry, Span<byte> buffer)
    {
        if (entry.Length > ShortToken)
        {
            return _pages[entry.Page].AsSpan(entry.Offset, entry.Length);
        }

        BinaryPrimitives.WriteUInt64LittleEndian(buffer, entry.Head);
        BinaryPrimitives.WriteUInt64LittleEndian(buffer.Slice(8), entry.Tail);
        return buffer.Slice(0, entry.Length);
    }

    /// <summary>
    /// The token's first 16 bytes as two little-endian words, zero-padded: the whole token when it is at most 16 bytes
    /// long (compared word by word, never byte by byte); a longer token's first and last 8 bytes, a quick filter.
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
    /// 64 bits of hash: one 64x64->128-bit multiply folded (wyhash's mum) for a short token, one per 16 bytes for a longer
    /// one. Not a fixed function of the input (the seed is per process), so results may not depend on it, and do not.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Hash(ReadOnlySpan<byte> utf8, ulong head, ulong tail)
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

        return h;
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
            : throw new ArgumentException($"The token \"{Shown(token)}\" holds an unpaired surrogate, which has no UTF-8 form; Keras counts tokens as UTF-8 bytes.");

    private bool TryTranscode(string token, out ReadOnlySpan<byte> utf8)
    {
        ArgumentNullException.ThrowIfNull(token);
        long most = token.Length * 3L;
        if (_transcoded.Length < most)
        {
            _transcoded = new byte[Math.Max(most, _transcoded.Length * 2L)];
        }

        OperationStatus status = Utf8.FromUtf16(token, _transcoded, out _, out int written, replaceInvalidSequences: false);
        utf8 = _transcoded.AsSpan(0, written);
        return status == OperationStatus.Done;
    }

    private static string Shown(string token) => token.Length > 40 ? token[..40] + "..." : token;

    private struct Entry
    {
        public ulong Head;
        public ulong Tail;
        public int Length;
        public uint Hash; // the low 32 bits, which place the slot
        public int Page;
        public int Offset;
        public long Count;
        public long DocumentCount;
        public long LastDocument;
    }

    private readonly record struct Ranked(long Count, ulong Prefix, int Index);

    /// <summary>Count (descending when ranking), then the first 8 bytes, then the whole bytes: byte order, as numpy sorts bytes.</summary>
    private readonly struct RankOrder(Utf8TokenCounter counter, bool descending) : IComparer<Ranked>
    {
        public int Compare(Ranked x, Ranked y)
        {
            int order = x.Count != y.Count ? x.Count.CompareTo(y.Count)
                : x.Prefix != y.Prefix ? x.Prefix.CompareTo(y.Prefix)
                : Bytes(x.Index, y.Index);
            return descending ? -order : order;
        }

        private int Bytes(int x, int y)
        {
            Span<byte> a = stackalloc byte[ShortToken];
            Span<byte> b = stackalloc byte[ShortToken];
            return counter.Key(ref counter._entries[x], a).SequenceCompareTo(counter.Key(ref counter._entries[y], b));
        }
    }
}
