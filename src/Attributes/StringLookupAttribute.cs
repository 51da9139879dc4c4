using System;

namespace PrepGen;

/// <summary>
/// Maps strings to integer indices from a fixed vocabulary, as Keras <c>StringLookup</c>.
/// Put it on a <c>static partial</c> method.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class StringLookupAttribute : Attribute
{
    /// <summary>The vocabulary, in index order. Exclusive with <see cref="VocabularyFile"/>.</summary>
    public string[]? Vocabulary { get; set; }

    /// <summary>A Keras vocabulary file (one token per line), passed as an MSBuild AdditionalFiles item.</summary>
    public string? VocabularyFile { get; set; }

    /// <summary>Maximum vocabulary size including the mask and OOV slots (0 = unset).</summary>
    public int MaxTokens { get; set; }

    /// <summary>Number of out-of-vocabulary indices.</summary>
    public int NumOovIndices { get; set; } = 1;

    /// <summary>The mask token (index 0 in <see cref="OutputMode.Int"/> mode), or null for none.</summary>
    public string? MaskToken { get; set; }

    /// <summary>The token returned for OOV indices when inverting.</summary>
    public string OovToken { get; set; } = "[UNK]";

    /// <summary>Map indices back to tokens.</summary>
    public bool Invert { get; set; }

    /// <summary>The output encoding.</summary>
    public OutputMode OutputMode { get; set; } = OutputMode.Int;

    /// <summary>Pad non-int outputs to <see cref="MaxTokens"/>.</summary>
    public bool PadToMaxTokens { get; set; }

    /// <summary>Idf weights for <see cref="OutputMode.TfIdf"/>, one per vocabulary entry.</summary>
    public double[]? IdfWeights { get; set; }

    /// <summary>A file with one idf weight per line.</summary>
    public string? IdfWeightsFile { get; set; }

    /// <summary>SipHash salt for OOV buckets: key pair (Salt, Salt).</summary>
    public long Salt { get; set; }

    /// <summary>SipHash key pair for OOV buckets: exactly two values.</summary>
    public long[]? SaltPair { get; set; }
}
