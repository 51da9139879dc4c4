// Also compiled into the generator (linked, PREPGEN_GENERATOR), which reads attribute arguments into these
// types: one definition of each enum. There they live in the generator's model namespace, so a project that
// references both assemblies (the generator's tests) sees one PrepGen.OutputMode.
#if PREPGEN_GENERATOR
namespace PrepGen.Generator.Model;
#else
namespace PrepGen;
#endif

/// <summary>How a layer encodes its result (Keras <c>output_mode</c>).</summary>
public enum OutputMode
{
    /// <summary>Integer indices (Keras <c>"int"</c>).</summary>
    Int,

    /// <summary>One vector per value with a single 1 (Keras <c>"one_hot"</c>).</summary>
    OneHot,

    /// <summary>One vector per sample, 1 where a value occurs (Keras <c>"multi_hot"</c>).</summary>
    MultiHot,

    /// <summary>One vector per sample holding occurrence counts (Keras <c>"count"</c>).</summary>
    Count,

    /// <summary>Counts multiplied by idf weights (Keras <c>"tf_idf"</c>).</summary>
    TfIdf,
}

/// <summary>TextVectorization standardization (Keras <c>standardize</c>).</summary>
public enum Standardize
{
    /// <summary>ASCII lowercase, then delete the 32 ASCII punctuation characters.</summary>
    LowerAndStripPunctuation,

    /// <summary>ASCII lowercase only.</summary>
    Lower,

    /// <summary>Delete the 32 ASCII punctuation characters only.</summary>
    StripPunctuation,

    /// <summary>No standardization (Keras <c>None</c>).</summary>
    None,
}

/// <summary>TextVectorization splitting (Keras <c>split</c>).</summary>
public enum Split
{
    /// <summary>Split on runs of ASCII whitespace.</summary>
    Whitespace,

    /// <summary>One token per Unicode code point.</summary>
    Character,

    /// <summary>The whole standardized text is one token (Keras <c>None</c>).</summary>
    None,
}

/// <summary>How IntegerLookup spreads out-of-vocabulary integers over several OOV indices.</summary>
public enum OovMethod
{
    /// <summary>Python-style <c>x mod NumOovIndices</c> (Keras default).</summary>
    FloorMod,

    /// <summary><c>Fingerprint64(decimal(x)) mod NumOovIndices</c>, or SipHash with a salt (Keras 3.14+).</summary>
    FarmHash,
}

/// <summary>Image resampling.</summary>
public enum Interpolation
{
    /// <summary>Bilinear with half-pixel centers, as TensorFlow.</summary>
    Bilinear,

    /// <summary>Nearest neighbour with half-pixel centers, as TensorFlow.</summary>
    Nearest,
}
