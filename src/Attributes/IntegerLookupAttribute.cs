using System;

namespace PrepGen;

/// <summary>
/// Maps integers to indices from a fixed vocabulary, as Keras <c>IntegerLookup</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class IntegerLookupAttribute : Attribute
{
    /// <summary>The vocabulary, in index order. Exclusive with <see cref="VocabularyFile"/>.</summary>
    public long[]? Vocabulary { get; set; }

    /// <summary>A Keras vocabulary file (one integer per line), passed as an MSBuild AdditionalFiles item.</summary>
    public string? VocabularyFile { get; set; }

    /// <summary>Maximum vocabulary size including the mask and OOV slots (0 = unset).</summary>
    public int MaxTokens { get; set; }

    /// <summary>Number of out-of-vocabulary indices.</summary>
    public int NumOovIndices { get; set; } = 1;

    /// <summary>The mask value: null for none, or an integer.</summary>
    public object? MaskToken { get; set; }

    /// <summary>The value returned for OOV indices when inverting.</summary>
    public long OovToken { get; set; } = -1;

    /// <summary>Map indices back to values.</summary>
    public bool Invert { get; set; }

    /// <summary>The output encoding.</summary>
    public OutputMode OutputMode { get; set; } = OutputMode.Int;

    /// <summary>Pad non-int outputs to <see cref="MaxTokens"/>.</summary>
    public bool PadToMaxTokens { get; set; }

    /// <summary>Idf weights for <see cref="OutputMode.TfIdf"/>, one per vocabulary entry.</summary>
    public double[]? IdfWeights { get; set; }

    /// <summary>A file with one idf weight per line.</summary>
    public string? IdfWeightsFile { get; set; }

    /// <summary>How OOV values are spread over several OOV indices.</summary>
    public OovMethod OovMethod { get; set; } = OovMethod.FloorMod;

    /// <summary>SipHash salt for <see cref="OovMethod.FarmHash"/> buckets: key pair (Salt, Salt).</summary>
    public long Salt { get; set; }

    /// <summary>SipHash key pair for <see cref="OovMethod.FarmHash"/> buckets: exactly two values.</summary>
    public long[]? SaltPair { get; set; }
}
