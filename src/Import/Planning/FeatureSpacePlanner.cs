using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using PrepGen.Import.Graph;
using PrepGen.Import.Reading;

namespace PrepGen.Import.Planning;

/// <summary>
/// Plans a Keras <c>FeatureSpace</c> saved with <c>feature_space.save(...)</c> (tf.keras 2.13+, Keras 3):
/// each feature's preprocessor on its input, the crosses (HashedCrossing over the preprocessed integer
/// features), the one-hot encoders (CategoryEncoding multi_hot of the preprocessor's cardinality), and the
/// "concat" output in sorted feature-name order, then sorted cross-name order (keras feature_space.py
/// <c>_merge_features</c>).
/// </summary>
internal static class FeatureSpacePlanner
{
    public static (List<InputField> Inputs, Tensor Output, string Description) Plan(JsonElement config, KerasArchive archive, PlanBuilder builder)
    {
        string outputMode = Json.String(config, "output_mode") ?? "concat";
        if (outputMode != "concat")
        {
            throw new KerasImportException($"the FeatureSpace has output_mode='{outputMode}'; PrepGen encodes the 'concat' output (one row of floats).");
        }

        JsonElement featuresJson = Json.Object(config, "features", "the FeatureSpace");
        var features = new List<(string Name, LayerNode Preprocessor, string OutputMode, InputField Field)>();
        foreach (JsonProperty feature in featuresJson.EnumerateObject())
        {
            JsonElement featureConfig = Json.Object(feature.Value, "config", $"feature '{feature.Name}'");
            JsonElement preprocessor = Json.Get(featureConfig, "preprocessor")
                ?? throw new KerasImportException($"feature '{feature.Name}' has no preprocessor in the saved configuration.");
            string className = Json.String(preprocessor, "class_name") ?? "?";
            JsonElement layerConfig = Json.Object(preprocessor, "config", $"feature '{feature.Name}''s preprocessor");
            var layer = new LayerNode(Json.String(layerConfig, "name") ?? feature.Name, className, layerConfig, [], null);
            ValueKind kind = Kinds.FromDType(Json.String(featureConfig, "dtype"))
                ?? throw new KerasImportException($"feature '{feature.Name}' has dtype {Json.String(featureConfig, "dtype")}, which has no PrepGen input type.");
            var field = new InputField(feature.Name, builder.Names.Take(Identifiers.Pascal(feature.Name)), kind, 0);
            features.Add((feature.Name, layer, Json.String(featureConfig, "output_mode") ?? "float", field));
        }

        List<string> paths = StatePaths.Assign("preprocessors", features.Select(f => f.Preprocessor.ClassName));
        var preprocessed = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        var encoded = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        for (int i = 0; i < features.Count; i++)
        {
            (string name, LayerNode layer, string mode, InputField field) = features[i];
            Tensor output = builder.Apply(layer, new StateLocation(paths[i], null), [GraphPlanner.Read(field)]);
            preprocessed[name] = output;
            encoded[name] = mode == "one_hot" ? OneHot(builder, name, output, Cardinality(layer, output)) : output;
        }

        var crosses = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        if (Json.Get(config, "crosses") is { ValueKind: JsonValueKind.Array } crossList)
        {
            foreach (JsonElement cross in crossList.EnumerateArray())
            {
                JsonElement crossConfig = Json.Object(cross, "config", "a FeatureSpace cross");
                string[] names = Json.Get(crossConfig, "feature_names") is { ValueKind: JsonValueKind.Array } n
                    ? n.EnumerateArray().Select(e => e.GetString() ?? "").ToArray()
                    : throw new KerasImportException("a FeatureSpace cross has no feature_names.");
                int dim = (int)(Json.Long(crossConfig, "crossing_dim") ?? Json.Long(config, "crossing_dim") ?? 32);
                string crossName = string.Join("_X_", names);
                var inputs = names.Select(f => preprocessed.TryGetValue(f, out Tensor? t) ? t
                    : throw new KerasImportException($"cross '{crossName}' names feature '{f}', which the FeatureSpace does not define.")).ToList();
                var crossing = new LayerNode(crossName, "HashedCrossing", Synthesized(new() { ["num_bins"] = dim, ["output_mode"] = "int" }), [], null);
                Tensor crossed = builder.Apply(crossing, new StateLocation(null, null), inputs);
                crosses[crossName] = (Json.String(crossConfig, "output_mode") ?? "one_hot") == "one_hot" ? OneHot(builder, crossName, crossed, dim) : crossed;
            }
        }

        var order = encoded.Keys.OrderBy(k => k, StringComparer.Ordinal).Select(k => encoded[k])
            .Concat(crosses.Keys.OrderBy(k => k, StringComparer.Ordinal).Select(k => crosses[k]));
        return (features.Select(f => f.Field).ToList(), Tensor.Concat(order), "the FeatureSpace's concat output");
    }

    /// <summary>The one-hot encoder FeatureSpace adds: CategoryEncoding(num_tokens=cardinality, output_mode="multi_hot").</summary>
    private static Tensor OneHot(PlanBuilder builder, string name, Tensor preprocessed, int cardinality) =>
        builder.Apply(new LayerNode(name + " one-hot encoder", "CategoryEncoding",
            Synthesized(new() { ["num_tokens"] = cardinality, ["output_mode"] = "multi_hot" }), [], null), new StateLocation(null, null), [preprocessed]);

    /// <summary>FeatureSpace's cardinality: vocabulary_size() for lookups, num_bins for Discretization and Hashing.</summary>
    private static int Cardinality(LayerNode layer, Tensor output) => layer.ClassName switch
    {
        "Discretization" or "Hashing" when Json.Long(layer.Config, "num_bins") is { } bins => (int)bins,
        "CategoryEncoding" when Json.Long(layer.Config, "num_tokens") is { } tokens => (int)tokens,
        _ when output.Pieces is [IndexPiece index] => index.Layer.Depth,
        _ => throw KerasImportException.Layer(layer.Name, layer.ClassName, "a one_hot feature whose preprocessor has no known cardinality."),
    };

    private static JsonElement Synthesized(Dictionary<string, object> values) => JsonSerializer.SerializeToElement(values);
}
