using Microsoft.CodeAnalysis;
using PrepGen.Generator.Model;

namespace PrepGen.Generator;

/// <summary>The fully qualified names of the attributes the generator reacts to.</summary>
internal static class KnownAttributes
{
    public const string StringLookup = "PrepGen.StringLookupAttribute";
    public const string IntegerLookup = "PrepGen.IntegerLookupAttribute";
    public const string Hashing = "PrepGen.HashingAttribute";
    public const string HashedCrossing = "PrepGen.HashedCrossingAttribute";
    public const string CategoryEncoding = "PrepGen.CategoryEncodingAttribute";
    public const string TextVectorization = "PrepGen.TextVectorizationAttribute";
    public const string ImagePipeline = "PrepGen.ImagePipelineAttribute";
    public const string FeatureRecord = "PrepGen.FeatureRecordAttribute";
    public const string Normalization = "PrepGen.NormalizationAttribute";
    public const string Discretization = "PrepGen.DiscretizationAttribute";
    public const string Rescaling = "PrepGen.RescalingAttribute";

    public static readonly (string MetadataName, LayerKind Kind)[] Layers =
    {
        (StringLookup, LayerKind.StringLookup),
        (IntegerLookup, LayerKind.IntegerLookup),
        (Hashing, LayerKind.Hashing),
        (HashedCrossing, LayerKind.HashedCrossing),
        (CategoryEncoding, LayerKind.CategoryEncoding),
        (TextVectorization, LayerKind.TextVectorization),
        (Normalization, LayerKind.Normalization),
        (Discretization, LayerKind.Discretization),
        (Rescaling, LayerKind.Rescaling),
    };

    public static bool IsLayer(INamedTypeSymbol? type)
    {
        if (type is null || type.ContainingNamespace?.ToDisplayString() != "PrepGen")
        {
            return false;
        }

        foreach ((string name, _) in Layers)
        {
            if (name == "PrepGen." + type.MetadataName)
            {
                return true;
            }
        }

        return false;
    }
}
