using System;
using System.Collections.Generic;

namespace PrepGen.Adapt;

/// <summary>
/// The adapt state behind a lookup adapter: a token counter plus the Keras finalize step, cached until the counts
/// change. The counter is created on first use because the output mode is an init property.
/// </summary>
internal sealed class LookupVocabulary<TToken, TCounter>
    where TToken : notnull
    where TCounter : class, ITokenCounts<TToken>
{
    private readonly Func<bool, TCounter> _create;
    private readonly Func<LookupLayout<TToken>> _layout;
    private TCounter? _counter;
    private Built? _built;

    /// <param name="create">Makes the counter; its argument says whether to count document frequencies (tf-idf).</param>
    /// <param name="layout">The adapter's current options.</param>
    public LookupVocabulary(Func<bool, TCounter> create, Func<LookupLayout<TToken>> layout)
    {
        _create = create;
        _layout = layout;
    }

    public long Documents => _counter?.Documents ?? 0;

    /// <summary>The counts; adapters add to them directly (the built vocabulary notices by <see cref="ITokenCounts{TToken}.Version"/>).</summary>
    public TCounter Counter => _counter ??= _create(_layout().OutputMode == OutputMode.TfIdf);

    public void AddDocument(ReadOnlySpan<TToken> tokens) => Counter.AddDocument(tokens);

    public void Merge(LookupVocabulary<TToken, TCounter> other)
    {
        if (ReferenceEquals(other, this))
        {
            throw new ArgumentException("An adapter cannot merge itself.", nameof(other));
        }

        Counter.Merge(other.Counter);
    }

    public Built Build(LookupLayout<TToken> layout)
    {
        TCounter counter = Counter;
        if (Cached(layout) is Built cached)
        {
            return cached;
        }

        layout.Validate();
        List<(TToken Token, long DocumentCount)> learned = counter.Learn(Excluded(layout), layout.MaxLearned);

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
            ? IdfMath.Weights(documentCounts, counter.Documents, layout.TokenStart)
            : null;
        _built = new Built(layout, counter.Version, vocabulary.AsReadOnly(), idf is null ? null : Array.AsReadOnly(idf));
        return _built;
    }

    /// <summary>Writes the real tokens (and idf weights) atomically; returns the vocabulary's size (special tokens included).</summary>
    public int Save(LookupLayout<TToken> layout, string vocabularyFile, string? idfWeightsFile, Func<TToken, string> format)
    {
        ArgumentException.ThrowIfNullOrEmpty(vocabularyFile);
        layout.Validate();
        if (idfWeightsFile is not null && layout.OutputMode != OutputMode.TfIdf)
        {
            throw new InvalidOperationException("Idf weights exist only in TfIdf output mode.");
        }

        // Where no vocabulary is built yet and the counter keeps UTF-8, the file is written from the bytes: no string per
        // token (65k strings and the collections they set off were over a third of a string-lookup adapt's finalize).
        TCounter counter = Counter;
        if (Cached(layout) is null)
        {
            if (counter.LearnLines(Excluded(layout), layout.MaxLearned) is { RoundTrips: true } lines)
            {
                RequireTokens(lines.Count, vocabularyFile);
                double[]? weights = idfWeightsFile is null ? null : IdfMath.Weights(lines.DocumentCounts, counter.Documents, layout.TokenStart);
                Write(StateFiles.VocabularyLines(vocabularyFile, lines.File), idfWeightsFile, weights, layout.TokenStart);
                return layout.TokenStart + lines.Count;
            }
        }

        Built built = Build(layout);
        var tokens = new List<string>(built.Vocabulary.Count - layout.TokenStart);
        for (int i = layout.TokenStart; i < built.Vocabulary.Count; i++)
        {
            tokens.Add(format(built.Vocabulary[i]));
        }

        RequireTokens(tokens.Count, vocabularyFile);
        Write(StateFiles.Vocabulary(vocabularyFile, tokens), idfWeightsFile, built.MaybeIdfWeights, layout.TokenStart);
        return built.Vocabulary.Count;
    }

    /// <summary>The vocabulary built for <paramref name="layout"/> from the current counts, if there is one.</summary>
    private Built? Cached(LookupLayout<TToken> layout) =>
        _built is not null && _built.Layout == layout && _built.Version == Counter.Version ? _built : null;

    private static TToken[] Excluded(LookupLayout<TToken> layout) => layout.HasMask ? [layout.Mask, layout.Oov] : [layout.Oov];

    // Keras's set_vocabulary raises ValueError for an empty vocabulary, and the generator rejects an empty file.
    private static void RequireTokens(int learned, string vocabularyFile)
    {
        if (learned == 0)
        {
            throw new InvalidOperationException(
                "No tokens were learned (the input was empty, or every value was a special token), so there is no vocabulary to write; '"
                + vocabularyFile + "' is left as it was.");
        }
    }

    // Both files are checked before either is written, and replaced as one (StateFiles.Replace), so a bad token or a
    // killed process never leaves a new vocabulary beside old weights.
    private static void Write(PendingFile vocabulary, string? idfWeightsFile, IReadOnlyList<double>? weights, int tokenStart)
    {
        var files = new List<PendingFile>(2) { vocabulary };
        if (idfWeightsFile is not null)
        {
            var learned = new List<double>(weights!.Count - tokenStart);
            for (int i = tokenStart; i < weights.Count; i++)
            {
                learned.Add(weights[i]);
            }

            files.Add(StateFiles.IdfWeights(idfWeightsFile, learned));
        }

        StateFiles.Replace(files);
    }

    /// <summary>A finalized vocabulary for one layout and one state of the counts.</summary>
    internal sealed record Built(LookupLayout<TToken> Layout, long Version, IReadOnlyList<TToken> Vocabulary, IReadOnlyList<double>? MaybeIdfWeights)
    {
        public IReadOnlyList<double> IdfWeights =>
            MaybeIdfWeights ?? throw new InvalidOperationException("Idf weights exist only in TfIdf output mode.");
    }
}
