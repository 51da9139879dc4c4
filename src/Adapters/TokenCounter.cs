// The counting state shared by the lookup adapters: total occurrences (which order the vocabulary) and,
// for tf-idf, document frequencies and the number of documents. Memory grows with distinct tokens only.
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace PrepGen.Adapt;

internal sealed class TokenCounter<TToken>
    where TToken : notnull
{
    private readonly Dictionary<TToken, Entry> _entries = new();
    private readonly bool _countDocuments;
    private long _documents;

    public TokenCounter(bool countDocuments) => _countDocuments = countDocuments;

    public bool CountsDocuments => _countDocuments;

    public long Documents => _documents;

    public int DistinctTokens => _entries.Count;

    /// <summary>Counts one document. A token counts once per document towards its document frequency.</summary>
    public void AddDocument(ReadOnlySpan<TToken> tokens)
    {
        long document = _documents++;
        foreach (TToken token in tokens)
        {
            ref Entry entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_entries, token, out bool exists);
            if (!exists)
            {
                entry.LastDocument = -1;
            }

            entry.Count++;
            if (_countDocuments && entry.LastDocument != document)
            {
                entry.LastDocument = document;
                entry.DocumentCount++;
            }
        }
    }

    /// <summary>Adds the counts of a disjoint shard; the sums equal one pass over both shards.</summary>
    public void Merge(TokenCounter<TToken> other)
    {
        if (other._countDocuments != _countDocuments)
        {
            throw new ArgumentException("Both adapters must use the same output mode (tf-idf counts documents).", nameof(other));
        }

        // Stamps stay below the merged document total, so future documents never collide with them.
        foreach (KeyValuePair<TToken, Entry> pair in other._entries)
        {
            ref Entry entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_entries, pair.Key, out bool exists);
            if (!exists)
            {
                entry.LastDocument = -1;
            }

            entry.Count += pair.Value.Count;
            entry.DocumentCount += pair.Value.DocumentCount;
        }

        _documents += other._documents;
    }

    /// <summary>Every token with its total count and document frequency, in no particular order (a partial state's content).</summary>
    public IEnumerable<(TToken Token, long Count, long DocumentCount)> Entries()
    {
        foreach (KeyValuePair<TToken, Entry> pair in _entries)
        {
            yield return (pair.Key, pair.Value.Count, pair.Value.DocumentCount);
        }
    }

    /// <summary>Restores counts saved by <see cref="Entries"/> (summed with any present, as <see cref="Merge"/> does).</summary>
    public void AddCounts(TToken token, long count, long documentCount)
    {
        ref Entry entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_entries, token, out bool exists);
        if (!exists)
        {
            entry.LastDocument = -1;
        }

        entry.Count += count;
        entry.DocumentCount += documentCount;
    }

    /// <summary>Restores a saved document total.</summary>
    public void AddDocuments(long documents) => _documents += documents;

    /// <summary>
    /// The learned tokens as Keras orders them: count descending, ties by token descending
    /// (<c>np.lexsort((tokens, counts))[::-1]</c>), special tokens removed, at most
    /// <paramref name="maxLearned"/> of them.
    /// </summary>
    public List<(TToken Token, long DocumentCount)> Learn(IComparer<TToken> tokenOrder, IReadOnlyList<TToken> excluded, int? maxLearned)
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
            return byCount != 0 ? byCount : tokenOrder.Compare(b.Token, a.Token);
        });

        int keep = maxLearned is int cap ? Math.Clamp(cap, 0, items.Count) : items.Count;
        var learned = new List<(TToken, long)>(keep);
        for (int i = 0; i < keep; i++)
        {
            learned.Add((items[i].Token, items[i].Entry.DocumentCount));
        }

        return learned;
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
