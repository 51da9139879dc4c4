using PrepGen.Generator.Model;

namespace PrepGen.Generator.Images;

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
