// Also compiled into the generator (linked, PREPGEN_GENERATOR), which reads attribute arguments into these
// types: one definition of each enum. There they live in the generator's model namespace, so a project that
// references both assemblies (the generator's tests) sees one PrepGen.OutputMode.
#if PREPGEN_GENERATOR
namespace PrepGen.Generator.Model;
#else
namespace PrepGen;
#endif

/// <summary>How geometric augmentation fills points outside the input (Keras <c>fill_mode</c>).</summary>
public enum FillMode
{
    /// <summary>Mirror with the edge pixel repeated: <c>d c b a | a b c d | d c b a</c> (Keras default).</summary>
    Reflect,

    /// <summary>Tile the image: <c>a b c d | a b c d | a b c d</c>.</summary>
    Wrap,

    /// <summary>Use <c>FillValue</c> outside the image.</summary>
    Constant,

    /// <summary>Repeat the edge pixel: <c>a a | a b c d | d d</c>.</summary>
    Nearest,
}

/// <summary>Which axes <c>RandomFlip</c> may flip (Keras <c>mode</c>).</summary>
public enum FlipMode
{
    /// <summary>Flip both axes or neither, from one draw (Keras 3.6+, the default).</summary>
    HorizontalAndVertical,

    /// <summary>Left-right flips only.</summary>
    Horizontal,

    /// <summary>Up-down flips only.</summary>
    Vertical,
}

/// <summary>Memory order of an image batch.</summary>
public enum ImageLayout
{
    /// <summary>NHWC, the Keras default.</summary>
    ChannelsLast,

    /// <summary>NCHW, as PyTorch and most ONNX vision models expect.</summary>
    ChannelsFirst,
}
