using System;
using System.Collections.Generic;
using PrepGen.Text;

namespace PrepGen.Adapt;

/// <summary>
/// Learns a <c>TextVectorization</c> vocabulary: each document is standardized, split and turned into
/// ngrams exactly as Keras does (<see cref="TextTokenizer"/>), then counted like a StringLookup with
/// mask <c>""</c> and OOV <c>"[UNK]"</c>.
/// </summary>
public sealed class TextVectorizationAdapter
{
    private const string Mask = "";
    private const string Oov = "[UNK]";
    private readonly LookupVocabulary<string> _vocabulary;
    private int[]? _widths;

    /// <summary>Creates an adapter; set the options with the init properties before the first update.</summary>
    public TextVectorizationAdapter() => _vocabulary = new LookupVocabulary<string>(Utf8OrdinalComparer.Instance, Layout);

    /// <summary>The vocabulary size cap, including <c>""</c> and <c>"[UNK]"</c> in int mode (only <c>"[UNK]"</c> otherwise).</summary>
    public int? MaxTokens { get; init; }

    /// <summary>How documents are standardized before splitting.</summary>
    public Standardize Standardize { get; init; } = Standardize.LowerAndStripPunctuation;

    /// <summary>How standardized documents are split into tokens.</summary>
    public Split Split { get; init; } = Split.Whitespace;

    /// <summary>n means ngrams of widths 1..n; 0 means plain tokens.</summary>
    public int Ngrams { get; init; }

    /// <summary>Explicit ngram widths (for example {2, 3}); exclusive with <see cref="Ngrams"/>.</summary>
    public IReadOnlyList<int>? NgramWidths { get; init; }

    /// <summary>The layer's output mode; <see cref="PrepGen.OutputMode.TfIdf"/> also learns idf weights.</summary>
    public OutputMode OutputMode { get; init; } = OutputMode.Int;

    /// <summary>The number of documents counted so far.</summary>
    public long DocumentCount => _vocabulary.Documents;

    /// <summary>Tokenizes and counts one document.</summary>
    public void Update(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        _widths ??= TextTokenizer.NgramWidths(Ngrams, NgramWidths);
        List<string> tokens = TextTokenizer.Tokenize(document, Standardize, Split, _widths);
        _vocabulary.AddDocument(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens));
    }

    /// <summary>Tokenizes and counts each document in turn.</summary>
    public void Update(IEnumerable<string> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        foreach (string document in documents)
        {
            Update(document);
        }
    }

    /// <summary>The token counts, for <c>prepgen adapt --partial</c> and <c>prepgen merge</c>.</summary>
    internal LookupVocabulary<string> Counts => _vocabulary;

    /// <summary>Adds the counts of an adapter that saw a disjoint part of the data.</summary>
    public void Merge(TextVectorizationAdapter other)
    {
        ArgumentNullException.ThrowIfNull(other);
        bool sameTokens = Standardize == other.Standardize && Split == other.Split
            && TextTokenizer.NgramWidths(Ngrams, NgramWidths).AsSpan().SequenceEqual(TextTokenizer.NgramWidths(other.Ngrams, other.NgramWidths));
        if (!sameTokens || Layout() != other.Layout())
        {
            throw new ArgumentException("Both adapters must have the same options.", nameof(other));
        }

        _vocabulary.Merge(other._vocabulary);
    }

    /// <summary>Exactly Keras <c>get_vocabulary()</c>: <c>""</c> and <c>"[UNK]"</c> first in int mode, <c>"[UNK]"</c> first otherwise.</summary>
    public IReadOnlyList<string> GetVocabulary() => _vocabulary.Build(Layout()).Vocabulary;

    /// <summary>Tf-idf weights, one per <see cref="GetVocabulary"/> entry, float32 values as Keras stores them.</summary>
    public IReadOnlyList<double> IdfWeights => _vocabulary.Build(Layout()).IdfWeights;

    /// <summary>Writes the real tokens (and, in tf-idf mode, their weights) in the Keras file formats, atomically.</summary>
    public void Save(string vocabularyFile, string? idfWeightsFile = null) =>
        _vocabulary.Save(Layout(), vocabularyFile, idfWeightsFile, static t => t);

    private LookupLayout<string> Layout() => new(MaxTokens, 1, true, Mask, Oov, OutputMode);
}
