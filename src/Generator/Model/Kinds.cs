namespace PrepGen.Generator.Model;

internal enum LayerKind
{
    StringLookup,
    IntegerLookup,
    Hashing,
    HashedCrossing,
    CategoryEncoding,
    TextVectorization,

    // Numeric layers (issue 4).
    Normalization,
    Discretization,
    Rescaling,
}

/// <summary>A parameter or return type, reduced to what the calling shapes distinguish.</summary>
internal enum ValueKind
{
    Other,
    Void,
    String,
    CharSpan,
    ByteSpan,
    Long,
    Int,
    StringSpan,
    LongSpan,
    IntSpan,
    FloatSpan,
    LongOutput,
    FloatOutput,
    Float,
}
