using PrepGen.Generator.Model;

namespace PrepGen.Generator.Images;

/// <summary>One image layer: the C# expression that constructs its runtime op, and its effect on the size.</summary>
/// <param name="Construction">e.g. <c>new global::PrepGen.Imaging.ResizeOp(224, 224, ...)</c>.</param>
/// <param name="Height">Output height when the layer resizes (0 = unchanged).</param>
/// <param name="Width">Output width when the layer resizes (0 = unchanged).</param>
/// <param name="TrainingOnly">The size change applies in training only (RandomCrop).</param>
internal sealed record ImageOpModel(string Construction, int Height, int Width, bool TrainingOnly);

/// <summary>An <c>[ImagePipeline]</c> class, validated: input size, layout and ops in declaration order.</summary>
internal sealed record ImagePipelineModel(
    string? Namespace,
    EquatableArray<ContainingType> Types,
    int Height,
    int Width,
    int Channels,
    bool ChannelsFirst,
    EquatableArray<ImageOpModel> Ops)
{
    public string QualifiedName => (Namespace is null ? "" : Namespace + ".") + string.Join(".", System.Linq.Enumerable.Select(Types, t => t.Name));

    /// <summary>The generated file's hint-name stem, unique in the compilation.</summary>
    public string HintStem { get; init; } = "";

    public (int Height, int Width) OutputSize(bool training)
    {
        int h = Height;
        int w = Width;
        foreach (ImageOpModel op in Ops)
        {
            if (op.Height > 0 && (training || !op.TrainingOnly))
            {
                h = op.Height;
                w = op.Width;
            }
        }

        return (h, w);
    }
}
