using System;
using System.Collections.Generic;

namespace PrepGen.Adapt;

/// <summary>
/// The counting state behind a lookup vocabulary: total occurrences (which order the vocabulary) and, for tf-idf,
/// document frequencies and the number of documents. Two implementations give the same results:
/// <see cref="TokenCounter{TToken}"/> (a dictionary of token objects: integers, and the reference for strings) and
/// <see cref="Utf8TokenCounter"/> (strings counted as UTF-8 bytes, no object per token).
/// </summary>
internal interface ITokenCounts<TToken>
    where TToken : notnull
{
    /// <summary>Whether document frequencies are counted (tf-idf); without, every document frequency stays 0.</summary>
    bool CountsDocuments { get; }

    long Documents { get; }

    /// <summary>Changes with every document, merge or restore, so a vocabulary built from the counts knows when it is stale.</summary>
    long Version { get; }

    /// <summary>Counts one document. A token counts once per document towards its document frequency.</summary>
    void AddDocument(ReadOnlySpan<TToken> tokens);

    /// <summary>Adds the counts of a disjoint shard (a counter of the same kind); the sums equal one pass over both shards.</summary>
    void Merge(ITokenCounts<TToken> other);

    /// <summary>Restores counts saved by <see cref="SortedEntries"/> (summed with any present, as <see cref="Merge"/> does).</summary>
    void AddCounts(TToken token, long count, long documentCount);

    /// <summary>Restores a saved document total.</summary>
    void AddDocuments(long documents);

    /// <summary>Every token with its total count and document frequency, sorted by token (a partial state's content: equal counts give equal files).</summary>
    List<(TToken Token, long Count, long DocumentCount)> SortedEntries();

    /// <summary>
    /// The learned tokens as Keras orders them: count descending, ties by token descending
    /// (<c>np.lexsort((tokens, counts))[::-1]</c>; strings by their UTF-8 bytes), <paramref name="excluded"/>
    /// (the special tokens) removed, at most <paramref name="maxLearned"/> of them.
    /// </summary>
    List<(TToken Token, long DocumentCount)> Learn(IReadOnlyList<TToken> excluded, int? maxLearned);

    /// <summary>
    /// What <see cref="Learn"/> gives, as the vocabulary file's bytes (each token's UTF-8 and a \n), for a counter that
    /// keeps its tokens as UTF-8: saving then makes no string per token. Null when the counter keeps token objects.
    /// </summary>
    LearnedLines? LearnLines(IReadOnlyList<TToken> excluded, int? maxLearned) => null;
}

/// <summary>
/// Learned tokens as the lines of a vocabulary file: <see cref="Count"/> tokens in Keras's order, each one's UTF-8
/// followed by \n, and each one's document frequency (tf-idf only; empty otherwise).
/// </summary>
internal sealed record LearnedLines(ReadOnlyMemory<byte> File, int Count, long[] DocumentCounts)
{
    /// <summary>
    /// Whether the file reads back as the same tokens: valid UTF-8, one \n per token (none inside a token) and no token
    /// ending in \r (a reader strips one). Where not, the string path names the token that cannot be written.
    /// </summary>
    public bool RoundTrips
    {
        get
        {
            ReadOnlySpan<byte> file = File.Span;
            return file.Count((byte)'\n') == Count && file.IndexOf("\r\n"u8) < 0 && System.Text.Unicode.Utf8.IsValid(file);
        }
    }
}
