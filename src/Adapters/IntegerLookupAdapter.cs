using System;
using System.Collections.Generic;
using System.Globalization;

namespace PrepGen.Adapt;

/// <summary>
/// Learns an <c>IntegerLookup</c> vocabulary (and tf-idf weights) the way Keras <c>adapt()</c> does:
/// values ordered by count descending, ties by value descending, mask and OOV values never learned.
/// </summary>
public sealed class IntegerLookupAdapter
{
    private readonly LookupVocabulary<long, TokenCounter<long>> _vocabulary;

    /// <summary>Creates an adapter; set the options with the init properties before the first update.</summary>
    public IntegerLookupAdapter() => _vocabulary = new LookupVocabulary<long, TokenCounter<long>>(tfIdf => new TokenCounter<long>(tfIdf, Comparer<long>.Default), Layout);

    /// <summary>The vocabulary size cap, including the mask and OOV slots; null means no cap.</summary>
    public int? MaxTokens { get; init; }

    /// <summary>The number of OOV slots (Keras <c>num_oov_indices</c>).</summary>
    public int NumOovIndices { get; init; } = 1;

    /// <summary>The mask value; it gets slot 0 in <see cref="PrepGen.OutputMode.Int"/> mode and is never learned.</summary>
    public long? MaskToken { get; init; }

    /// <summary>The OOV value written in the OOV slots; never learned.</summary>
    public long OovToken { get; init; } = -1;

    /// <summary>The layer's output mode; <see cref="PrepGen.OutputMode.TfIdf"/> also learns idf weights.</summary>
    public OutputMode OutputMode { get; init; } = OutputMode.Int;

    /// <summary>The number of documents counted so far.</summary>
    public long DocumentCount => _vocabulary.Documents;

    /// <summary>Counts one document holding one value.</summary>
    public void Update(long value) => _vocabulary.AddDocument([value]);

    /// <summary>Counts one document holding several values (each value counts once for its document frequency).</summary>
    public void UpdateDocument(ReadOnlySpan<long> values) => _vocabulary.AddDocument(values);

    /// <summary>The token counts, for <c>prepgen adapt --partial</c> and <c>prepgen merge</c>.</summary>
    internal ITokenCounts<long> Counts => _vocabulary.Counter;

    /// <summary>Adds the counts of an adapter that saw a disjoint part of the data.</summary>
    public void Merge(IntegerLookupAdapter other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Layout() != other.Layout())
        {
            throw new ArgumentException("Both adapters must have the same options.", nameof(other));
        }

        _vocabulary.Merge(other._vocabulary);
    }

    /// <summary>Exactly Keras <c>get_vocabulary()</c>: [mask in int mode] + [OOV] * NumOovIndices + learned values.</summary>
    public IReadOnlyList<long> GetVocabulary() => _vocabulary.Build(Layout()).Vocabulary;

    /// <summary>Tf-idf weights, one per <see cref="GetVocabulary"/> entry, float32 values as Keras stores them.</summary>
    public IReadOnlyList<double> IdfWeights => _vocabulary.Build(Layout()).IdfWeights;

    /// <summary>Writes the real values (and, in tf-idf mode, their weights) in the Keras file formats, atomically.</summary>
    public void Save(string vocabularyFile, string? idfWeightsFile = null) => SaveCounted(vocabularyFile, idfWeightsFile);

    /// <summary>As <see cref="Save"/>; returns the vocabulary's size (what <see cref="GetVocabulary"/> would count, without building it).</summary>
    internal int SaveCounted(string vocabularyFile, string? idfWeightsFile) =>
        _vocabulary.Save(Layout(), vocabularyFile, idfWeightsFile, static v => v.ToString(CultureInfo.InvariantCulture));

    private LookupLayout<long> Layout() => new(MaxTokens, NumOovIndices, MaskToken.HasValue, MaskToken ?? 0, OovToken, OutputMode);
}
