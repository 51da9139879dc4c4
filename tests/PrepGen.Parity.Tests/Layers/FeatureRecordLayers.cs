namespace PrepGen.Parity.Tests.Layers;

// Records in the shapes a Keras model importer emits (state files under state/records/, as the importer
// writes them). Each member names the Keras vector whose semantics it follows.

/// <summary>A text model's input row: token ids as integers (textvec-vocab-file, padded as textvec-fixed-vocab-seq4).</summary>
[FeatureRecord(IntegerOutput = true)]
public partial record TextModelRow
{
    public string Input { get; init; } = "";

    [TextVectorization(VocabularyFile = "text_model/vocabulary.txt", OutputSequenceLength = 30)]
    private string InputTokens => Input;
}

/// <summary>Every integer-producing member kind in one IntegerOutput row.</summary>
[FeatureRecord(IntegerOutput = true)]
public partial struct IntegerRow
{
    public string Letter { get; init; }

    public long Code { get; init; }

    public float Ratio { get; init; }

    // stringlookup-fixed-vocab: vocabulary a, b, c (file pets/type.txt).
    [StringLookup(VocabularyFile = "pets/type.txt")]
    private readonly string LetterIndex => Letter;

    // integerlookup-vocab-file: 10, 20, 30 (file pets/age.txt).
    [IntegerLookup(VocabularyFile = "pets/age.txt")]
    private readonly long CodeIndex => Code;

    // hashing-farmhash-ABCDE-3.
    [Hashing(NumBins = 3)]
    private readonly string LetterHash => Letter;

    // discretization-int: boundaries 0, 0.5, 1.
    [Discretization(BinBoundaries = new[] { 0.0, 0.5, 1.0 })]
    private readonly float RatioBin => Ratio;

    // hashedcrossing-int-5: (string, int64).
    [HashedCrossing(NumBins = 5)]
    private readonly (string, long) Cross => (Letter, Code);
}

/// <summary>A float row with a layer method declared inside the record, feeding computed private members.</summary>
[FeatureRecord]
public partial record PetsRow
{
    public long Age { get; init; }

    public string Type { get; init; } = "";

    public float Fee { get; init; }

    public long Poutcome { get; init; }

    public string Letter { get; init; } = "";

    // integerlookup-vocab-file: 10, 20, 30 -> 1, 2, 3, anything else -> 0.
    [IntegerLookup(VocabularyFile = "pets/age.txt")]
    private static partial long AgeLookup(long value);

    public static long LookupAge(long value) => AgeLookup(value);

    // catenc-one-hot-1d: num_tokens 6.
    [CategoryEncoding(NumTokens = 6, OutputMode = OutputMode.OneHot)]
    private long AgeEncoded => AgeLookup(Age);

    // integerlookup/stringlookup one-hot: [OOV, a, b, c].
    [StringLookup(VocabularyFile = "pets/type.txt", OutputMode = OutputMode.OneHot)]
    private string TypeEncoded => Type;

    // docs/keras-semantics.md, "Normalization": (x - mean) / max(sqrt(variance), 1e-7).
    [Normalization(Mean = new[] { 1.5 }, Variance = new[] { 4.0 })]
    private float FeeNormalized => Fee;

    // hashedcrossing-one-hot-5: the string from a method call on the row.
    [HashedCrossing(NumBins = 5, OutputMode = OutputMode.OneHot)]
    private (string, long) LetterXCode => (Letter.ToUpperInvariant(), Poutcome);

    // Two int64 values, the first from the layer method.
    [HashedCrossing(NumBins = 8, OutputMode = OutputMode.OneHot)]
    private (long, long) AgeXPoutcome => (AgeLookup(Age), Poutcome);
}
