using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace PrepGen.Adapt;

/// <summary>
/// Counts string tokens by their UTF-8 bytes without an object per token: one open-addressing table (linear probing)
/// of 32-byte slots, each holding its token's count and, for a token of up to 16 bytes, the token itself; a longer
/// token's bytes lie in an arena of 1 MiB pages. A hit reads one slot (a cache line, shared with a neighbour) and
/// never follows a pointer, which is what the count costs on a vocabulary too big for the L2 cache. Strings are made
/// only when the vocabulary is learned or the counts exported (Utf8TokenCounter.Order.cs); how a token is held and
/// hashed is in Utf8TokenCounter.Keys.cs. Results equal
/// <see cref="TokenCounter{TToken}"/> with <see cref="Utf8OrdinalComparer"/>: Keras orders tokens by their bytes,
/// and every token here is valid UTF-8 (a string's own encoding, or bytes the caller checked).
/// </summary>
internal sealed partial class Utf8TokenCounter : ITokenCounts<string>
{
    private const int ShortToken = 16;
    private const int PageSize = 1 << 20;

    // A token this long gets a page of its own rather than wasting the rest of the current one.
    private const int OwnPage = PageSize / 8;

    private const int InitialSlots = 1 << 10;

    // Per process, so that no fixed input collides in every run; results never depend on it (learned tokens are sorted).
    private static readonly ulong Seed = (ulong)Random.Shared.NextInt64() | 1;

    private readonly bool _countDocuments;
    private readonly List<byte[]> _pages = [];
    private Slot[] _slotStore = new Slot[InitialSlots]; // the table is _slotStore[_slotBase .. _slotBase + _capacity) (HugePages)
    private int _slotBase;
    private int _capacity = InitialSlots;
    private Tally[] _tallies; // per slot, only when counting documents: kept apart so that plain counting never reads them
    private int _count;
    private int _page = -1; // the page long tokens are appended to
    private int _pageUsed;
    private long _documents;
    private long _version;
    private byte[] _transcoded = new byte[256]; // string tokens in UTF-8
    private Hashed[] _hashed = new Hashed[256]; // AddNgrams: the document's hashed ngrams

    public Utf8TokenCounter(bool countDocuments)
    {
        _countDocuments = countDocuments;
        _tallies = countDocuments ? new Tally[InitialSlots] : [];
    }

    public bool CountsDocuments => _countDocuments;

    public long Documents => _documents;

    public long Version => _version;

    /// <summary>Opens the next document and returns its stamp for <see cref="Add"/>.</summary>
    public long NextDocument()
    {
        _version++;
        return _documents++;
    }

    /// <summary>Counts one occurrence of <paramref name="utf8"/> (valid UTF-8) in the document <see cref="NextDocument"/> opened.</summary>
    public void Add(ReadOnlySpan<byte> utf8, long document) => Count(Get(utf8), document);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Count(int slot, long document)
    {
        SlotAt(slot).Count++;
        if (_countDocuments)
        {
            ref Tally tally = ref _tallies[slot];
            if (tally.LastDocument != document)
            {
                tally.LastDocument = document;
                tally.DocumentCount++;
            }
        }
    }

    /// <summary>
    /// Counts the ngrams of one width in the document <see cref="NextDocument"/> opened: ngram i is
    /// <c>text[ranges[2i]..ranges[2(i + width - 1) + 1]]</c> (tokens laid out as <see cref="PrepGen.Runtime.TextVectorizer"/>
    /// lays them).
    /// </summary>
    public void AddNgrams(ReadOnlySpan<byte> text, ReadOnlySpan<int> ranges, int tokens, int width, long document) =>
        AddAll(text, ranges, tokens - width + 1, width, document, documentStep: 0);

    /// <summary>Counts <paramref name="count"/> values, each a document of its own: value i is <c>utf8[ranges[2i]..ranges[2i + 1]]</c> (valid UTF-8).</summary>
    public void AddValues(ReadOnlySpan<byte> utf8, ReadOnlySpan<int> ranges, int count)
    {
        long first = _documents;
        _documents += count;
        _version++;
        AddAll(utf8, ranges, count, 1, first, documentStep: 1);
    }

    /// <summary>
    /// Counts item i = <c>text[ranges[2i]..ranges[2(i + width - 1) + 1]]</c> in document <c>document + i * documentStep</c>.
    /// Hashes every item first and asks for its slot's cache line, then probes: the probes of a vocabulary larger than
    /// the L2 cache then find their lines arriving instead of waiting for each in turn.
    /// </summary>
    private unsafe void AddAll(ReadOnlySpan<byte> text, ReadOnlySpan<int> ranges, int count, int width, long document, int documentStep)
    {
        if (count <= 0)
        {
            return;
        }

        if (_hashed.Length < count)
        {
            _hashed = new Hashed[Math.Max(count, _hashed.Length * 2)];
        }

        Hashed[] hashed = _hashed;
        Span<Slot> slots = Slots;
        int mask = slots.Length - 1;
        for (int i = 0; i < count; i++)
        {
            ref Hashed key = ref hashed[i];
            ReadOnlySpan<byte> item = text[ranges[2 * i]..ranges[(2 * (i + width - 1)) + 1]];
            Words(item, out key.Head, out key.Tail);
            key.Hash = Hash(item, key.Head, key.Tail);
            key.Size = item.Length + 1;
            if (Sse.IsSupported)
            {
                Sse.Prefetch0(Unsafe.AsPointer(ref slots[(int)key.Hash & mask]));
            }
        }

        for (int i = 0; i < count; i++)
        {
            ref Hashed key = ref hashed[i];
            int slot = FindShort(ref key);
            if (slot < 0)
            {
                // New, or longer than 16 bytes: the general probe, which reads the bytes.
                ReadOnlySpan<byte> item = text[ranges[2 * i]..ranges[(2 * (i + width - 1)) + 1]];
                slot = Probe(item, key.Head, key.Tail, key.Hash, out bool found);
                slot = found ? slot : Insert(item, key.Head, key.Tail, key.Hash, slot);
            }

            Count(slot, document + ((long)i * documentStep));
        }
    }

    /// <summary>
    /// The slot of a token of up to 16 bytes already counted, else -1 (also for any longer token): a loop over the
    /// slots' words alone, small enough to keep its values in registers, which is most of what counting costs.
    /// </summary>
    private int FindShort(ref Hashed key)
    {
        if (key.Size > ShortToken + 1)
        {
            return -1;
        }

        Span<Slot> slots = Slots;
        int mask = slots.Length - 1;
        for (int i = (int)key.Hash & mask; ; i = (i + 1) & mask)
        {
            ref Slot slot = ref slots[i];
            if (slot.Hash == key.Hash && slot.Length == key.Size && slot.Head == key.Head && slot.Tail == key.Tail)
            {
                return i;
            }

            if (slot.Length == 0)
            {
                return -1;
            }
        }
    }

    public void AddDocument(ReadOnlySpan<string> tokens)
    {
        // Every token is checked before any is counted, so a refused document leaves no trace; only a surrogate can lack a UTF-8 form.
        foreach (string token in tokens)
        {
            ArgumentNullException.ThrowIfNull(token, nameof(tokens));
            if (token.AsSpan().ContainsAnyInRange('\ud800', '\udfff'))
            {
                Transcode(token);
            }
        }

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
        ReadOnlySpan<Slot> theirs = counter.Slots;
        for (int i = 0; i < theirs.Length; i++)
        {
            if (theirs[i].Length != 0)
            {
                AddCounts(counter.Key(i, buffer), theirs[i].Count, _countDocuments ? counter._tallies[i].DocumentCount : 0);
            }
        }

        _documents += counter._documents;
        _version++;
    }

    public void AddCounts(string token, long count, long documentCount)
    {
        AddCounts(Transcode(token), count, documentCount);
        _version++;
    }

    public void AddDocuments(long documents)
    {
        _documents += documents;
        _version++;
    }

    private void AddCounts(ReadOnlySpan<byte> utf8, long count, long documentCount)
    {
        int slot = Get(utf8);
        SlotAt(slot).Count += count;
        if (_countDocuments)
        {
            _tallies[slot].DocumentCount += documentCount;
        }
    }

    /// <summary>The slot of <paramref name="utf8"/>, taken (with no counts) when the token is new.</summary>
    private int Get(ReadOnlySpan<byte> utf8)
    {
        Words(utf8, out ulong head, out ulong tail);
        uint hash = Hash(utf8, head, tail);
        int slot = Probe(utf8, head, tail, hash, out bool found);
        return found ? slot : Insert(utf8, head, tail, hash, slot);
    }

    /// <summary>The slot holding <paramref name="utf8"/>, or -1.</summary>
    private int Find(ReadOnlySpan<byte> utf8)
    {
        Words(utf8, out ulong head, out ulong tail);
        int slot = Probe(utf8, head, tail, Hash(utf8, head, tail), out bool found);
        return found ? slot : -1;
    }

    /// <summary>The slot holding the token (<paramref name="found"/>), or the free slot where it would go.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Probe(ReadOnlySpan<byte> utf8, ulong head, ulong tail, uint hash, out bool found)
    {
        Span<Slot> slots = Slots;
        int mask = slots.Length - 1;
        int size = utf8.Length + 1;
        int i = (int)hash & mask;
        while (true)
        {
            ref Slot slot = ref slots[i];
            if (slot.Length == 0)
            {
                found = false;
                return i;
            }

            if (slot.Hash == hash && slot.Length == size && slot.Head == head
                && (utf8.Length <= ShortToken ? slot.Tail == tail : LongToken(slot.Tail, utf8.Length).SequenceEqual(utf8)))
            {
                found = true;
                return i;
            }

            i = (i + 1) & mask;
        }
    }

    private int Insert(ReadOnlySpan<byte> utf8, ulong head, ulong tail, uint hash, int slot)
    {
        // A long token's slot keeps its first 8 bytes as a filter and where the arena holds all of it.
        SlotAt(slot) = new Slot { Head = head, Tail = utf8.Length <= ShortToken ? tail : Store(utf8), Length = utf8.Length + 1, Hash = hash };
        if (_countDocuments)
        {
            _tallies[slot] = new Tally { LastDocument = -1 };
        }

        // Never fuller than half: a hit then reads about 1.5 slots, a miss 2.5.
        if (++_count <= _capacity / 2)
        {
            return slot;
        }

        Grow();
        return Probe(utf8, head, tail, hash, out _);
    }

    private void Grow()
    {
        Slot[] oldStore = _slotStore;
        int oldBase = _slotBase;
        int oldCapacity = _capacity;
        Tally[] oldTallies = _tallies;
        _capacity = oldCapacity * 2;
        _slotStore = HugePages.Allocate<Slot>(_capacity, out _slotBase);
        _tallies = _countDocuments ? new Tally[_capacity] : [];
        Span<Slot> slots = Slots;
        int mask = _capacity - 1;
        for (int j = 0; j < oldCapacity; j++)
        {
            ref Slot moved = ref oldStore[oldBase + j];
            if (moved.Length != 0)
            {
                int i = (int)moved.Hash & mask;
                while (slots[i].Length != 0)
                {
                    i = (i + 1) & mask;
                }

                slots[i] = moved;
                if (_countDocuments)
                {
                    _tallies[i] = oldTallies[j];
                }
            }
        }
    }

    /// <summary>The table (see <see cref="HugePages"/>).</summary>
    private Span<Slot> Slots => _slotStore.AsSpan(_slotBase, _capacity);

    private ref Slot SlotAt(int slot) => ref _slotStore[_slotBase + slot];

    /// <summary>A table slot: 32 bytes, so a cache line holds two.</summary>
    private struct Slot
    {
        public ulong Head; // the token's first 8 bytes
        public ulong Tail; // bytes 8..15 of a short token; where a long token lies in the arena
        public long Count;
        public int Length; // the token's length + 1; 0 marks a free slot
        public uint Hash; // which places the slot; compared first
    }

    /// <summary>A token's words and hash, computed ahead of its probe.</summary>
    private struct Hashed
    {
        public ulong Head;
        public ulong Tail;
        public uint Hash;
        public int Size; // the length + 1, as a slot holds it
    }

    /// <summary>A slot's document frequency (tf-idf) and the last document that counted it.</summary>
    private struct Tally
    {
        public long DocumentCount;
        public long LastDocument;
    }
}
