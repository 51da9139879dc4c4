// Counts tokens in a dictionary keyed by the token objects. IntegerLookup counts with it; for strings it is the
// reference the byte counter (Utf8TokenCounter) is tested against. Memory grows with distinct tokens only.
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace PrepGen.Adapt;

internal sealed class TokenCounter<TToken> : ITokenCounts<TToken>
    where TToken : notnull
{
    private readonly Dictionary<TToken, Entry> _entries = new();
    private readonly bool _countDocuments;
    private readonly IComparer<TToken> _tokenOrder;
    private long _documents;
    private long _version;

    /// <param name="countDocuments">Whether to count document frequencies (tf-idf).</param>
    /// <param name="tokenOrder">The order of tokens as Keras sorts them (strings: <see cref="Utf8OrdinalComparer"/>).</param>
    public TokenCounter(bool countDocuments, IComparer<TToken> tokenOrder)
    {
        _countDocuments = countDocuments;
        _tokenOrder = tokenOrder;
    }

    public bool CountsDocuments => _countDocuments;

    public long Documents => _documents;

    public long Version => _version;

    public void AddDocument(ReadOnlySpan<TToken> tokens)
    {
        long document = _documents++;
        _version++;
        foreach (TToken token in tokens)
        {
            ref Entry entry = ref Get(token);
            entry.Count++;
            if (_countDocuments && entry.LastDocument != document)
            {
                entry.LastDocument = document;
                entry.DocumentCount++;
            }
        }
    }

    public void Merge(ITokenCounts<TToken> other)
    {
        if (other is not TokenCounter<TToken> counter || other.CountsDocuments != _countDocuments)
        {
            throw new ArgumentException("Both adapters must use the same output mode (tf-idf counts documents).", nameof(other));
        }

        // Stamps stay below the merged document total, so future documents never collide with them.
        foreach (KeyValuePair<TToken, Entry> pair in counter._entries)
        {
            ref Entry entry = ref Get(pair.Key);
            entry.Count += pair.Value.Count;
            entry.DocumentCount += pair.Value.DocumentCount;
        }

        _documents += counter._documents;
        _version++;
    }

    public void AddCounts(TToken token, long count, long documentCount)
    {
        ref Entry entry = ref Get(token);
        entry.Count += count;
        entry.DocumentCount += documentCount;
        _version++;
    }

    public void AddDocuments(long documents)
    {
        _documents += documents;
        _version++;
    }

    public List<(TToken Token, long Count, long DocumentCount)> SortedEntries()
    {
        var entries = new List<(TToken Token, long Count, long DocumentCount)>(_entries.Count);
        foreach (KeyValuePair<TToken, Entry> pair in _entries)
        {
            entries.Add((pair.Key, pair.Value.Count, pair.Value.DocumentCount));
        }

        entries.Sort((a, b) => _tokenOrder.Compare(a.Token, b.Token));
        return entries;
    }

    public List<(TToken Token, long DocumentCount)> Learn(IReadOnlyList<TToken> excluded, int? maxLearned)
    {
        var items = new List<(TToken Token, Entry Entry)>(_entries.Count);
        foreach (KeyValuePair<TToken, Entry> pair in _entries)
        {
            if (!Contains(excluded, pair.Key))
            {
                items.Add((pair.Key, pair.Value));
            }
        }

        items.Sort((a, b) =>
        {
            int byCount = b.Entry.Count.CompareTo(a.Entry.Count);
            return byCount != 0 ? byCount : _tokenOrder.Compare(b.Token, a.Token);
        });

        int keep = maxLearned is int cap ? Math.Clamp(cap, 0, items.Count) : items.Count;
        var learned = new List<(TToken, long)>(keep);
        for (int i = 0; i < keep; i++)
        {
            learned.Add((items[i].Token, items[i].Entry.DocumentCount));
        }

        return learned;
    }

    private ref Entry Get(TToken token)
    {
        ref Entry entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_entries, token, out bool exists);
        if (!exists)
        {
            entry.LastDocument = -1;
        }

        return ref entry;
    }

    private static bool Contains(IReadOnlyList<TToken> excluded, TToken token)
    {
        foreach (TToken special in excluded)
        {
            if (EqualityComparer<TToken>.Default.Equals(special, token))
            {
                return true;
            }
        }

        return false;
    }

    private struct Entry
    {
        public long Count;
        public long DocumentCount;
        public long LastDocument;
    }
}
