using System;
using System.Collections.Generic;
using System.Text.Unicode;

namespace PrepGen.Adapt;

/// <summary>
/// Learns a <c>StringLookup</c> vocabulary (and tf-idf weights) the way Keras <c>adapt()</c> does:
/// tokens ordered by count descending, ties by UTF-8 bytes descending, mask and OOV tokens never learned.
/// Values are counted as their UTF-8 bytes (<see cref="Utf8TokenCounter"/>), so a value read from a file as bytes
/// needs no string.
/// </summary>
public sealed class StringLookupAdapter
{
    private readonly LookupVocabulary<string, Utf8TokenCounter> _vocabulary;

    /// <summary>Creates an adapter; set the options with the init properties before the first update.</summary>
    public StringLookupAdapter() => _vocabulary = new LookupVocabulary<string, Utf8TokenCounter>(tfIdf => new Utf8TokenCounter(tfIdf), Layout);

    /// <summary>The vocabulary size cap, including the mask and OOV slots; null means no cap.</summary>
    public int? MaxTokens { get; init; }

    /// <summary>The number of OOV slots (Keras <c>num_oov_indices</c>).</summary>
    public int NumOovIndices { get; init; } = 1;

    /// <summary>The mask token; it gets slot 0 in <see cref="PrepGen.OutputMode.Int"/> mode and is never learned.</summary>
    public string? MaskToken { get; init; }

    /// <summary>The OOV token written in the OOV slots; never learned.</summary>
    public string OovToken { get; init; } = "[UNK]";

    /// <summary>The layer's output mode; <see cref="PrepGen.OutputMode.TfIdf"/> also learns idf weights.</summary>
    public OutputMode OutputMode { get; init; } = OutputMode.Int;

    /// <summary>The number of documents counted so far.</summary>
    public long DocumentCount => _vocabulary.Documents;

    /// <summary>Counts one document holding one value. A value with an unpaired surrogate (no UTF-8 form) is refused.</summary>
    public void Update(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _vocabulary.AddDocument([value]);
    }

    /// <summary>Counts one document holding one value given as UTF-8 bytes (invalid UTF-8 is refused).</summary>
    public void Update(ReadOnlySpan<byte> utf8)
    {
        if (!Utf8.IsValid(utf8))
        {
            throw new ArgumentException("The value is not valid UTF-8.", nameof(utf8));
        }

        Utf8TokenCounter counter = _vocabulary.Counter;
        counter.Add(utf8, counter.NextDocument());
    }

    /// <summary>
    /// Counts <paramref name="count"/> values, each a document of one value: value i is <c>utf8[ranges[2i]..ranges[2i + 1]]</c>,
    /// checked as valid UTF-8 by the caller (<c>prepgen adapt</c> checks each chunk of its input once).
    /// </summary>
    internal void UpdateUtf8(ReadOnlySpan<byte> utf8, ReadOnlySpan<int> ranges, int count) => _vocabulary.Counter.AddValues(utf8, ranges, count);

    /// <summary>Counts one document holding several values (each value counts once for its document frequency).</summary>
    public void UpdateDocument(ReadOnlySpan<string> values)
    {
        foreach (string value in values)
        {
            ArgumentNullException.ThrowIfNull(value, nameof(values));
        }

        _vocabulary.AddDocument(values);
    }

    /// <summary>The token counts, for <c>prepgen adapt --partial</c> and <c>prepgen merge</c>.</summary>
    internal ITokenCounts<string> Counts => _vocabulary.Counter;

    /// <summary>Adds the counts of an adapter that saw a disjoint part of the data.</summary>
    public void Merge(StringLookupAdapter other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Layout() != other.Layout())
        {
            throw new ArgumentException("Both adapters must have the same options.", nameof(other));
        }

        _vocabulary.Merge(other._vocabulary);
    }

    /// <summary>Exactly Keras <c>get_vocabulary()</c>: [mask in int mode] + [OOV] * NumOovIndices + learned tokens.</summary>
    public IReadOnlyList<string> GetVocabulary() => _vocabulary.Build(Layout()).Vocabulary;

    /// <summary>Tf-idf weights, one per <see cref="GetVocabulary"/> entry, float32 values as Keras stores them.</summary>
    public IReadOnlyList<double> IdfWeights => _vocabulary.Build(Layout()).IdfWeights;

    /// <summary>Writes the real tokens (and, in tf-idf mode, their weights) in the Keras file formats, atomically.</summary>
    public void Save(string vocabularyFile, string? idfWeightsFile = null) => SaveCounted(vocabularyFile, idfWeightsFile);

    /// <summary>As <see cref="Save"/>; returns the vocabulary's size (what <see cref="GetVocabulary"/> would count, without building it).</summary>
    internal int SaveCounted(string vocabularyFile, string? idfWeightsFile) =>
        _vocabulary.Save(Layout(), vocabularyFile, idfWeightsFile, static t => t);

    private LookupLayout<string> Layout() => new(MaxTokens, NumOovIndices, MaskToken is not null, MaskToken ?? "", OovToken, OutputMode);
}
