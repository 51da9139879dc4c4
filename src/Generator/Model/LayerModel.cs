using System;

namespace PrepGen.Generator.Model;

/// <summary>The calling shapes the emitters know (docs/api-contract.md, "Calling shapes").</summary>
internal enum CallShape
{
    /// <summary><c>long M(value)</c>.</summary>
    Index,

    /// <summary><c>void M(ReadOnlySpan&lt;T&gt; values, Span&lt;long&gt; indices)</c>.</summary>
    IndexBatch,

    /// <summary><c>string M(long index)</c> / <c>long M(long index)</c>.</summary>
    Invert,

    /// <summary><c>void M(value, Span&lt;float&gt; output)</c>.</summary>
    OneHot,

    /// <summary><c>void M(ReadOnlySpan&lt;T&gt; values, Span&lt;float&gt; output)</c>: multi-hot, count or tf-idf of one sample.</summary>
    Sample,

    /// <summary><c>void M(ReadOnlySpan&lt;long&gt; values, ReadOnlySpan&lt;float&gt; countWeights, Span&lt;float&gt; output)</c>.</summary>
    WeightedSample,

    /// <summary><c>long M(a, b, ...)</c>.</summary>
    Cross,

    /// <summary><c>void M(a, b, ..., Span&lt;float&gt; output)</c>.</summary>
    CrossOneHot,

    /// <summary><c>int M(string text, Span&lt;long&gt; tokenIds)</c>.</summary>
    TextIndices,

    /// <summary><c>void M(ReadOnlySpan&lt;string&gt; texts, Span&lt;long&gt; tokenIds)</c>, row-major.</summary>
    TextIndicesBatch,

    /// <summary><c>void M(string text, Span&lt;float&gt; output)</c>.</summary>
    TextSample,

    /// <summary><c>void M(ReadOnlySpan&lt;string&gt; texts, Span&lt;float&gt; output)</c>, row-major.</summary>
    TextSampleBatch,

    /// <summary><c>void M(ReadOnlySpan&lt;float|byte&gt; input, Span&lt;float&gt; output)</c>: Normalization and Rescaling, row-major.</summary>
    Elementwise,
}

/// <summary>
/// The state of a numeric layer as float32 constants (Keras stores float32 weights). Normalization: the
/// per-feature <see cref="Mean"/> and denominator <c>max(sqrt(float32(variance)), 1e-7f)</c> in
/// <see cref="Denominator"/>; Discretization: the boundaries in <see cref="Boundaries"/>; Rescaling:
/// <see cref="Scale"/> and <see cref="Offset"/>.
/// </summary>
internal sealed record NumericState(string Source)
{
    public EquatableArray<float> Mean { get; init; } = EquatableArray<float>.Empty;

    public EquatableArray<float> Denominator { get; init; } = EquatableArray<float>.Empty;

    public bool Invert { get; init; }

    public EquatableArray<float> Boundaries { get; init; } = EquatableArray<float>.Empty;

    public float Scale { get; init; }

    public float Offset { get; init; }

    // Compared by bit pattern: float equality would take -0 for +0 (and they give different outputs).
    public bool Equals(NumericState? other) => other is not null && Key == other.Key;

    public override int GetHashCode() => Key.GetHashCode();

    private string Key => Source + "|" + Invert + "|" + Bits(Mean) + "|" + Bits(Denominator) + "|" + Bits(Boundaries) + "|" +
        Bits(new EquatableArray<float>(new[] { Scale, Offset }));

    private static string Bits(EquatableArray<float> values)
    {
        var builder = new System.Text.StringBuilder(values.Count * 9);
        foreach (float value in values)
        {
            builder.Append(System.BitConverter.ToInt32(System.BitConverter.GetBytes(value), 0).ToString("x8", System.Globalization.CultureInfo.InvariantCulture)).Append(',');
        }

        return builder.ToString();
    }
}

/// <summary>
/// A vocabulary with identity by content hash: comparing two models never walks 10^6 tokens.
/// Exactly one of <see cref="Strings"/> and <see cref="Integers"/> is set.
/// </summary>
internal sealed class Vocabulary : IEquatable<Vocabulary>
{
    public Vocabulary(string source, string hash, string[]? strings, long[]? integers, bool mapped = false, int minKeyBytes = 0, int maxKeyBytes = 0)
    {
        Mapped = mapped;
        Source = source;
        Hash = hash;
        Strings = strings;
        Integers = integers;
        MinKeyBytes = minKeyBytes;
        MaxKeyBytes = maxKeyBytes;
    }

    /// <summary>Where the tokens came from: a file path or "inline".</summary>
    public string Source { get; }

    /// <summary>The tokens' hash (<c>VocabularyText.TokenHash</c>): the identity of the table built from them.</summary>
    public string Hash { get; }

    public string[]? Strings { get; }

    public long[]? Integers { get; }

    /// <summary>The table is a build-time file mapped at run time (<c>PrepGenTable="mapped"</c>), not compiled.</summary>
    public bool Mapped { get; }

    /// <summary>String vocabularies: the shortest and longest token in UTF-8 bytes (a function of <see cref="Hash"/>).</summary>
    public int MinKeyBytes { get; }

    public int MaxKeyBytes { get; }

    public int Count => Strings?.Length ?? Integers!.Length;

    public bool Equals(Vocabulary? other) => other is not null && Hash == other.Hash && Source == other.Source && (Strings is null) == (other.Strings is null) && Mapped == other.Mapped;

    public override bool Equals(object? obj) => Equals(obj as Vocabulary);

    public override int GetHashCode() => Hash.GetHashCode();
}

/// <summary>A bound, validated layer: everything the emitter needs, Keras defaults applied.</summary>
internal sealed record LayerModel(
    LayerSpec Spec,
    CallShape Shape,
    OutputMode Mode)
{
    /// <summary>Lookups: the vocabulary's real tokens (special tokens stripped).</summary>
    public Vocabulary? Vocabulary { get; init; }

    public int OovStart { get; init; }

    public int NumOov { get; init; }

    public int TokenStart => OovStart + NumOov;

    public OptionalToken? Mask { get; init; }

    public OptionalToken? Oov { get; init; }

    /// <summary>Output width of non-int modes (vocabulary size, bins or tokens).</summary>
    public int Depth { get; init; }

    /// <summary>Tf-idf weights per output index, float32 as Keras stores them.</summary>
    public EquatableArray<float> Idf { get; init; } = EquatableArray<float>.Empty;

    /// <summary>SipHash key when a salt is set; null selects FarmHash.</summary>
    public EquatableArray<long>? SaltKey { get; init; }

    public OovMethod OovMethod { get; init; }

    /// <summary>Hashing: the number of bins values hash into (NumBins, minus one with a mask).</summary>
    public int HashBins { get; init; }

    /// <summary>TextVectorization: the text pipeline.</summary>
    public TextOptions? Text { get; init; }

    /// <summary>Numeric layers: the float32 constants the emitter bakes in, and where they came from.</summary>
    public NumericState? Numeric { get; init; }
}
