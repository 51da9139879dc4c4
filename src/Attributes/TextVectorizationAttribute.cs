using System;

namespace PrepGen;

/// <summary>
/// Turns raw text into token ids, multi-hot, count or tf-idf vectors, as Keras <c>TextVectorization</c>:
/// standardize, split, n-grams, then a StringLookup with mask <c>""</c> and OOV <c>"[UNK]"</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class TextVectorizationAttribute : Attribute
{
    /// <summary>Maximum vocabulary size including the special slots (0 = unset).</summary>
    public int MaxTokens { get; set; }

    /// <summary>Standardization before splitting.</summary>
    public Standardize Standardize { get; set; } = Standardize.LowerAndStripPunctuation;

    /// <summary>How text is split into tokens.</summary>
    public Split Split { get; set; } = Split.Whitespace;

    /// <summary>n-grams of widths 1..n (0 = none).</summary>
    public int Ngrams { get; set; }

    /// <summary>Explicit n-gram widths, e.g. {2, 3} (no unigrams). Exclusive with <see cref="Ngrams"/>.</summary>
    public int[]? NgramWidths { get; set; }

    /// <summary>The output encoding.</summary>
    public OutputMode OutputMode { get; set; } = OutputMode.Int;

    /// <summary>Int mode: pad with 0 or truncate every document to this many ids (0 = unset).</summary>
    public int OutputSequenceLength { get; set; }

    /// <summary>Pad non-int outputs to <see cref="MaxTokens"/>.</summary>
    public bool PadToMaxTokens { get; set; }

    /// <summary>The vocabulary, in index order. Exclusive with <see cref="VocabularyFile"/>.</summary>
    public string[]? Vocabulary { get; set; }

    /// <summary>A Keras vocabulary file (one token per line), passed as an MSBuild AdditionalFiles item.</summary>
    public string? VocabularyFile { get; set; }

    /// <summary>Idf weights for <see cref="OutputMode.TfIdf"/>, one per vocabulary entry.</summary>
    public double[]? IdfWeights { get; set; }

    /// <summary>A file with one idf weight per line.</summary>
    public string? IdfWeightsFile { get; set; }
}
