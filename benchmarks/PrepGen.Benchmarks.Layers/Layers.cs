using PrepGen;

namespace PrepGen.Benchmarks;

/// <summary>The generated layers under test; state files come from gen-vocab.targets (obj/vocab).</summary>
public static partial class Layers
{
    /// <summary>Int-mode width of <see cref="TextIdsBatch"/>.</summary>
    public const int SequenceLength = 256;

    /// <summary>Where gen-vocab.targets wrote the state files (obj/vocab of this project).</summary>
    public static string StateDirectory { get; } = typeof(Layers).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
        .Cast<System.Reflection.AssemblyMetadataAttribute>().First(a => a.Key == "PrepGenVocabDir").Value!;

    [StringLookup(VocabularyFile = "vocab-50k.txt")]
    public static partial long Lookup50k(string token);

    [StringLookup(VocabularyFile = "vocab-50k.txt")]
    public static partial long Lookup50kSpan(ReadOnlySpan<char> token);

    [StringLookup(VocabularyFile = "vocab-50k.txt")]
    public static partial long Lookup50kUtf8(ReadOnlySpan<byte> token);

    [StringLookup(VocabularyFile = "vocab-50k.txt")]
    public static partial void Lookup50kBatch(ReadOnlySpan<string> tokens, Span<long> ids);

    // 1M tokens: only two methods, because every method gets its own copy of the table (1.7 GB of compiler memory
    // each; docs/benchmarks.md, build cost). String keys go through the span method (a string converts to
    // ReadOnlySpan<char>; the generated string overload calls the same kernel).
    [StringLookup(VocabularyFile = "vocab-1m.txt")]
    public static partial long Lookup1mSpan(ReadOnlySpan<char> token);

    [StringLookup(VocabularyFile = "vocab-1m.txt")]
    public static partial long Lookup1mUtf8(ReadOnlySpan<byte> token);

    /// <summary>The same 1M tokens as a mapped table (mapped-1m.txt is a copy of vocab-1m.txt marked PrepGenTable="mapped").</summary>
    [StringLookup(VocabularyFile = "mapped-1m.txt")]
    public static partial long Mapped1mSpan(ReadOnlySpan<char> token);

    [StringLookup(VocabularyFile = "mapped-1m.txt")]
    public static partial long Mapped1mUtf8(ReadOnlySpan<byte> token);

#if PREPGEN_VERY_LARGE
    /// <summary>10^7 tokens (Keras's "very large vocabulary" case): too large to compile, so mapped. Opt-in: -p:PrepGenVeryLarge=true.</summary>
    [StringLookup(VocabularyFile = "vocab-10m.txt")]
    public static partial long Mapped10mSpan(ReadOnlySpan<char> token);

    [StringLookup(VocabularyFile = "vocab-10m.txt")]
    public static partial long Mapped10mUtf8(ReadOnlySpan<byte> token);
#endif

    /// <summary>Keras TextVectorization(max_tokens unset, standardize lower_and_strip_punctuation, split whitespace), int ids.</summary>
    [TextVectorization(VocabularyFile = "vocab-20k.txt")]
    public static partial int TextIds(string document, Span<long> ids);

    /// <summary>The same layer over real English: the standardized words of Debian's wamerican list (benchmarks/corpus/english.sh).</summary>
    [TextVectorization(VocabularyFile = "english-vocab.txt")]
    public static partial int EnglishIds(string document, Span<long> ids);

    /// <summary>Int mode with a fixed width, for the batch shape.</summary>
    [TextVectorization(VocabularyFile = "vocab-20k.txt", OutputSequenceLength = SequenceLength)]
    public static partial void TextIdsBatch(ReadOnlySpan<string> documents, Span<long> ids);

    /// <summary>Tf-idf: 20,002 floats per document (pad, OOV, tokens... Keras tf-idf has no mask slot: OOV + tokens).</summary>
    [TextVectorization(VocabularyFile = "vocab-20k.txt", OutputMode = OutputMode.TfIdf, IdfWeightsFile = "idf-20k.txt")]
    public static partial void TextTfIdf(string document, Span<float> output);

    [TextVectorization(VocabularyFile = "vocab-20k.txt", OutputMode = OutputMode.TfIdf, IdfWeightsFile = "idf-20k.txt")]
    public static partial void TextTfIdfBatch(ReadOnlySpan<string> documents, Span<float> output);
}
