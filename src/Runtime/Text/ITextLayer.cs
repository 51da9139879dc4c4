using System;
using System.ComponentModel;

namespace PrepGen.Runtime;

/// <summary>
/// A generated TextVectorization layer: its vocabulary index (mask "" and OOV "[UNK]" as Keras) plus its
/// constant options. The JIT specializes <see cref="TextVectorizer"/> per layer, so the options fold
/// away like hand-written code.
/// </summary>
/// <remarks>For PrepGen's generated code; not for direct use.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface ITextLayer : IStringIndex
{
    /// <summary>The standardization applied before splitting.</summary>
    static abstract Standardize Standardize { get; }

    /// <summary>How the standardized text is split into tokens.</summary>
    static abstract Split Split { get; }

    /// <summary>The n-gram widths in Keras order (1..n for <c>Ngrams = n</c>; {1} without n-grams).</summary>
    static abstract ReadOnlySpan<int> NgramWidths { get; }
}
