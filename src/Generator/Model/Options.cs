namespace PrepGen.Generator.Model;

// Mirrors of the public enums in src/Attributes (the generator cannot load that assembly inside the
// compiler). A test checks that names and values stay identical.

internal enum OutputMode
{
    Int,
    OneHot,
    MultiHot,
    Count,
    TfIdf,
}

internal enum OovMethod
{
    FloorMod,
    FarmHash,
}

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
