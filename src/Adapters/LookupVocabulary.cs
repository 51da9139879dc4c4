using System;
using System.Collections.Generic;

namespace PrepGen.Adapt;

/// <summary>
/// The adapt state behind a lookup adapter: a token counter plus the Keras finalize step, cached until
/// the next update. The counter is created on first use because the output mode is an init property.
/// </summary>
internal sealed class LookupVocabulary<TToken>
    where TToken : notnull
{
    private readonly IComparer<TToken> _tokenOrder;
    private readonly Func<LookupLayout<TToken>> _layout;
    private TokenCounter<TToken>? _counter;
    private Built? _built;

    public LookupVocabulary(IComparer<TToken> tokenOrder, Func<LookupLayout<TToken>> layout)
    {
        _tokenOrder = tokenOrder;
        _layout = layout;
    }

    public long Documents => _counter?.Documents ?? 0;

    public void AddDocument(ReadOnlySpan<TToken> tokens)
    {
        Counter().AddDocument(tokens);
        _built = null;
    }

    public void Merge(LookupVocabulary<TToken> other)
    {
        if (ReferenceEquals(other, this))
        {
            throw new ArgumentException("An adapter cannot merge itself.", nameof(other));
        }

        Counter().Merge(other.Counter());
        _built = null;
    }

    /// <summary>The counts for a partial state, sorted by token so that equal counts give equal files.</summary>
    public List<(TToken Token, long Count, long DocumentCount)> ExportCounts()
    {
        var entries = new List<(TToken Token, long Count, long DocumentCount)>(Counter().Entries());
        entries.Sort((a, b) => _tokenOrder.Compare(a.Token, b.Token));
        return entries;
    }

    /// <summary>Restores a partial state's counts; a partial of a tf-idf layer carries document frequencies.</summary>
    public void ImportCounts(long documents, IEnumerable<(TToken Token, long Count, long DocumentCount)> entries)
    {
        TokenCounter<TToken> counter = Counter();
        counter.AddDocuments(documents);
        foreach ((TToken token, long count, long documentCount) in entries)
        {
            counter.AddCounts(token, count, counter.CountsDocuments ? documentCount : 0);
        }

        _built = null;
    }

    public Built Build(LookupLayout<TToken> layout)
    {
        if (_built is not null && _built.Layout == layout)
        {
            return _built;
        }

        layout.Validate();
        TToken[] excluded = layout.HasMask ? [layout.Mask, layout.Oov] : [layout.Oov];
        List<(TToken Token, long DocumentCount)> learned = Counter().Learn(_tokenOrder, excluded, layout.MaxLearned);

        var vocabulary = new List<TToken>(layout.TokenStart + learned.Count);
        if (layout.MaskHasSlot)
        {
            vocabulary.Add(layout.Mask);
        }

        for (int i = 0; i < layout.NumOovIndices; i++)
        {
            vocabulary.Add(layout.Oov);
        }

        var documentCounts = new long[learned.Count];
        for (int i = 0; i < learned.Count; i++)
        {
            vocabulary.Add(learned[i].Token);
            documentCounts[i] = learned[i].DocumentCount;
        }

        double[]? idf = layout.OutputMode == OutputMode.TfIdf
            ? IdfMath.Weights(documentCounts, Counter().Documents, layout.TokenStart)
            : null;
        _built = new Built(layout, vocabulary.AsReadOnly(), idf is null ? null : Array.AsReadOnly(idf));
        return _built;
    }

    public void Save(LookupLayout<TToken> layout, string vocabularyFile, string? idfWeightsFile, Func<TToken, string> format)
    {
        ArgumentException.ThrowIfNullOrEmpty(vocabularyFile);
        Built built = Build(layout);
        if (idfWeightsFile is not null && built.MaybeIdfWeights is null)
        {
            throw new InvalidOperationException("Idf weights exist only in TfIdf output mode.");
        }

        var tokens = new List<string>(built.Vocabulary.Count - layout.TokenStart);
        for (int i = layout.TokenStart; i < built.Vocabulary.Count; i++)
        {
            tokens.Add(format(built.Vocabulary[i]));
        }

        if (tokens.Count == 0)
        {
            // Keras's set_vocabulary raises ValueError for an empty vocabulary, and the generator rejects an empty file.
            throw new InvalidOperationException(
                "No tokens were learned (the input was empty, or every value was a special token), so there is no vocabulary to write; '"
                + vocabularyFile + "' is left as it was.");
        }

        // Both files are checked before either is written, and replaced as one (StateFiles.Replace), so a bad
        // token or a killed process never leaves a new vocabulary beside old weights.
        var files = new List<PendingFile>(2) { StateFiles.Vocabulary(vocabularyFile, tokens) };
        if (idfWeightsFile is not null)
        {
            var weights = new List<double>(tokens.Count);
            for (int i = layout.TokenStart; i < built.Vocabulary.Count; i++)
            {
                weights.Add(built.MaybeIdfWeights![i]);
            }

            files.Add(StateFiles.IdfWeights(idfWeightsFile, weights));
        }

        StateFiles.Replace(files);
    }

    private TokenCounter<TToken> Counter() => _counter ??= new TokenCounter<TToken>(_layout().OutputMode == OutputMode.TfIdf);

    /// <summary>A finalized vocabulary for one layout.</summary>
    internal sealed record Built(LookupLayout<TToken> Layout, IReadOnlyList<TToken> Vocabulary, IReadOnlyList<double>? MaybeIdfWeights)
    {
        public IReadOnlyList<double> IdfWeights =>
            MaybeIdfWeights ?? throw new InvalidOperationException("Idf weights exist only in TfIdf output mode.");
    }
}
