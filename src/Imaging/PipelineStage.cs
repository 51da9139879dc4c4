namespace PrepGen.Imaging;

/// <summary>One op of a pipeline in one mode, with its input and output sizes.</summary>
/// <param name="Op">The op.</param>
/// <param name="LayerIndex">Position of the op in the spec; keys its random draws.</param>
/// <param name="InHeight">Input height.</param>
/// <param name="InWidth">Input width.</param>
/// <param name="OutHeight">Output height.</param>
/// <param name="OutWidth">Output width.</param>
public sealed record PipelineStage(ImageOp Op, int LayerIndex, int InHeight, int InWidth, int OutHeight, int OutWidth)
{
    /// <summary>The fixed resampling of a Resize / CenterCrop / RandomCrop-fallback stage, else null.</summary>
    internal ResampleMap? Map { get; init; }
}
