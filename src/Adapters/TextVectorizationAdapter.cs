using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Unicode;
using PrepGen.Runtime;
using PrepGen.Text;

namespace PrepGen.Adapt;

/// <summary>
/// Learns a <c>TextVectorization</c> vocabulary: each document is standardized, split and turned into
/// ngrams exactly as Keras does, then counted like a StringLookup with mask <c>""</c> and OOV <c>"[UNK]"</c>.
/// Documents are tokenized by the generated layers' own kernel (<see cref="TextVectorizer"/>, tested against the
/// reference <see cref="TextTokenizer"/>) into a scratch buffer the adapter keeps, and each token and ngram is
/// counted where it lies, as UTF-8 bytes: no string or array per token.
/// </summary>
public sealed class TextVectorizationAdapter
{
    private const string Mask = "";
    private const string Oov = "[UNK]";
    private readonly LookupVocabulary<string, Utf8TokenCounter> _vocabulary;
    private int[]? _widths;
    private byte[] _utf8 = []; // a string document's UTF-8
    private byte[] _joined = []; // the standardized tokens of the current document
    private int[] _ranges = []; // their byte ranges in _joined, two ints each

    /// <summary>Creates an adapter; set the options with the init properties before the first update.</summary>
    public TextVectorizationAdapter() => _vocabulary = new LookupVocabulary<string, Utf8TokenCounter>(tfIdf => new Utf8TokenCounter(tfIdf), Layout);

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

        // Encoding.UTF8 writes an unpaired surrogate as U+FFFD, as the reference tokenizer's encoding does.
        Utf8Capacity.Fit(ref _utf8, document, "document");

        int length = Encoding.UTF8.GetBytes(document, _utf8);
        UpdateUtf8(_utf8.AsSpan(0, length));
    }

    /// <summary>Tokenizes and counts one document given as UTF-8 bytes (as a string's encoding would give; invalid UTF-8 is refused).</summary>
    public void Update(ReadOnlySpan<byte> utf8)
    {
        if (!Utf8.IsValid(utf8))
        {
            throw new ArgumentException("The document is not valid UTF-8.", nameof(utf8));
        }

        UpdateUtf8(utf8);
    }

    /// <summary>Counts one document the caller has checked is valid UTF-8 (<c>prepgen adapt</c> checks each chunk of its input once).</summary>
    internal void UpdateUtf8(ReadOnlySpan<byte> utf8)
    {
        _widths ??= TextTokenizer.NgramWidths(Ngrams, NgramWidths);
        (int joinedSize, int rangeCount) = TextVectorizer.ScratchSizes(utf8.Length, Split);
        if (_joined.Length < joinedSize)
        {
            _joined = new byte[Math.Max(joinedSize, Math.Min(_joined.Length * 2L, Array.MaxLength))];
        }

        if (_ranges.Length < rangeCount)
        {
            _ranges = new int[Math.Max(rangeCount, Math.Min(_ranges.Length * 2L, Array.MaxLength))];
        }

        int tokens = TextVectorizer.Tokenize(utf8, Standardize, Split, _widths is [1], _joined, _ranges);
        Utf8TokenCounter counter = _vocabulary.Counter;
        long document = counter.NextDocument();
        foreach (int width in _widths)
        {
            // With ngrams the tokens lie joined by single spaces, so tokens i..i+width-1 are one slice: Keras's " ".join.
            counter.AddNgrams(_joined, _ranges, tokens, width, document);
        }
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
    internal ITokenCounts<string> Counts => _vocabulary.Counter;

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
    public void Save(string vocabularyFile, string? idfWeightsFile = null) => SaveCounted(vocabularyFile, idfWeightsFile);

    /// <summary>As <see cref="Save"/>; returns the vocabulary's size (what <see cref="GetVocabulary"/> would count, without building it).</summary>
    internal int SaveCounted(string vocabularyFile, string? idfWeightsFile) =>
        _vocabulary.Save(Layout(), vocabularyFile, idfWeightsFile, static t => t);

    private LookupLayout<string> Layout() => new(MaxTokens, 1, true, Mask, Oov, OutputMode);
}
