using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace PrepGen.Import.Graph;

/// <summary>
/// A Functional or Sequential model's layers as saved: Keras 3 (<c>inbound_nodes</c> holding
/// <c>{"args": [...], "kwargs": {...}}</c> with <c>__keras_tensor__</c> objects) and Keras 2 (lists of
/// <c>[layer, node, tensor, kwargs]</c>). A Sequential model is read as a chain.
/// </summary>
internal sealed class ModelGraph
{
    private readonly Dictionary<string, LayerNode> byName;

    private ModelGraph(string className, IReadOnlyList<LayerNode> layers, IReadOnlyList<TensorRef> inputs, IReadOnlyList<TensorRef> outputs)
    {
        ClassName = className;
        Layers = layers;
        Inputs = inputs;
        Outputs = outputs;
        byName = layers.ToDictionary(l => l.Name, StringComparer.Ordinal);
    }

    public string ClassName { get; }

    /// <summary>The layers in saved order (the order Keras also uses to name their state folders).</summary>
    public IReadOnlyList<LayerNode> Layers { get; }

    public IReadOnlyList<TensorRef> Inputs { get; }

    public IReadOnlyList<TensorRef> Outputs { get; }

    public bool IsSequential => ClassName == "Sequential";

    public LayerNode this[string name] => byName.TryGetValue(name, out LayerNode? layer)
        ? layer
        : throw new KerasImportException($"the model refers to a layer '{name}' that its configuration does not define.");

    public static ModelGraph Parse(JsonElement root)
    {
        string className = Json.String(root, "class_name") ?? "";
        JsonElement config = Json.Object(root, "config", "the model");
        JsonElement layersJson = config.TryGetProperty("layers", out JsonElement l) && l.ValueKind == JsonValueKind.Array
            ? l
            : throw new KerasImportException($"the model configuration ({className}) has no \"layers\" list.");
        return className == "Sequential" ? ParseSequential(layersJson) : ParseFunctional(className, config, layersJson);
    }

    private static ModelGraph ParseSequential(JsonElement layersJson)
    {
        var layers = new List<LayerNode>();
        TensorRef? previous = null;
        foreach (JsonElement layer in layersJson.EnumerateArray())
        {
            string className = Json.String(layer, "class_name") ?? "";
            JsonElement config = Json.Object(layer, "config", "a layer");
            string name = Json.String(config, "name") ?? Json.String(layer, "name") ?? className;
            if (previous is null && className != "InputLayer")
            {
                // No InputLayer: the model's one input is implicit. Name it as Keras names such an input.
                var input = new LayerNode("input", "InputLayer", ImplicitInput(className, config), [], null);
                layers.Add(input);
                previous = new TensorRef(input.Name, 0, 0);
            }

            layers.Add(new LayerNode(name, className, config, previous is { } p ? [p] : [], null));
            previous = new TensorRef(name, 0, 0);
        }

        if (previous is null)
        {
            throw new KerasImportException("the Sequential model has no layers.");
        }

        LayerNode first = layers[0];
        return new ModelGraph("Sequential", layers, [new TensorRef(first.Name, 0, 0)], [previous.Value]);
    }

    /// <summary>
    /// A synthetic InputLayer config for a Sequential model saved without one: a batch of scalars whose
    /// dtype is what the first layer takes (strings for text and string lookups, integers for integer
    /// lookups and category encodings, floats otherwise).
    /// </summary>
    private static JsonElement ImplicitInput(string firstClass, JsonElement firstLayer)
    {
        string dtype = firstClass switch
        {
            "TextVectorization" or "StringLookup" => "string",
            "IntegerLookup" or "CategoryEncoding" => "int64",
            "Hashing" => Json.DType(firstLayer) == "string" ? "string" : "int64",
            _ => "float32",
        };
        using JsonDocument doc = JsonDocument.Parse("{\"batch_shape\": [null, 1], \"dtype\": \"" + dtype + "\"}");
        return doc.RootElement.Clone();
    }

    private static ModelGraph ParseFunctional(string className, JsonElement config, JsonElement layersJson)
    {
        var layers = new List<LayerNode>();
        foreach (JsonElement layer in layersJson.EnumerateArray())
        {
            string layerClass = Json.String(layer, "class_name") ?? "";
            JsonElement layerConfig = Json.Object(layer, "config", "a layer");
            string name = Json.String(layer, "name") ?? Json.String(layerConfig, "name") ?? layerClass;
            (List<TensorRef> inputs, JsonElement? kwargs) = Inbound(layer, name, layerClass);
            layers.Add(new LayerNode(name, layerClass, layerConfig, inputs, kwargs));
        }

        return new ModelGraph(className, layers, Endpoints(config, "input_layers"), Endpoints(config, "output_layers"));
    }

    /// <summary>The first (only supported) call of a layer: its input tensors and keyword arguments.</summary>
    private static (List<TensorRef> Inputs, JsonElement? Kwargs) Inbound(JsonElement layer, string name, string className)
    {
        var inputs = new List<TensorRef>();
        if (!layer.TryGetProperty("inbound_nodes", out JsonElement nodes) || nodes.ValueKind != JsonValueKind.Array || nodes.GetArrayLength() == 0)
        {
            return (inputs, null);
        }

        if (nodes.GetArrayLength() > 1)
        {
            throw KerasImportException.Layer(name, className, "the layer is called more than once (a shared layer); PrepGen imports each layer applied to one input.");
        }

        JsonElement node = nodes[0];
        if (node.ValueKind == JsonValueKind.Object)
        {
            // Keras 3: {"args": [...], "kwargs": {...}}; tensors may be nested in lists.
            if (node.TryGetProperty("args", out JsonElement args))
            {
                CollectKeras3(args, inputs);
            }

            JsonElement? kwargs = node.TryGetProperty("kwargs", out JsonElement k) && k.ValueKind == JsonValueKind.Object ? k : null;
            return (inputs, kwargs);
        }

        // Keras 2: [[layer, node, tensor, kwargs], ...]; the first entry's kwargs are the call's. A TF-op
        // layer called on one tensor writes that entry alone: [layer, node, tensor, kwargs].
        JsonElement? callKwargs = null;
        IEnumerable<JsonElement> entries = node.ValueKind == JsonValueKind.Array && node.GetArrayLength() > 0 && node[0].ValueKind == JsonValueKind.String
            ? [node]
            : node.EnumerateArray();
        foreach (JsonElement entry in entries)
        {
            if (entry.ValueKind != JsonValueKind.Array || entry.GetArrayLength() < 3)
            {
                throw KerasImportException.Layer(name, className, "its inbound node is not in a format PrepGen knows.");
            }

            inputs.Add(new TensorRef(entry[0].GetString() ?? "", entry[1].GetInt32(), entry[2].GetInt32()));
            if (callKwargs is null && entry.GetArrayLength() > 3 && entry[3].ValueKind == JsonValueKind.Object)
            {
                callKwargs = entry[3];
            }
        }

        return (inputs, callKwargs);
    }

    private static void CollectKeras3(JsonElement value, List<TensorRef> inputs)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (JsonElement item in value.EnumerateArray())
                {
                    CollectKeras3(item, inputs);
                }

                break;
            case JsonValueKind.Object when Json.String(value, "class_name") == "__keras_tensor__":
                JsonElement history = value.GetProperty("config").GetProperty("keras_history");
                inputs.Add(new TensorRef(history[0].GetString() ?? "", history[1].GetInt32(), history[2].GetInt32()));
                break;
        }
    }

    /// <summary><c>input_layers</c>/<c>output_layers</c>: one triple, a list of triples, or (Keras 2 dict inputs) an object of them.</summary>
    private static List<TensorRef> Endpoints(JsonElement config, string key)
    {
        var refs = new List<TensorRef>();
        if (!config.TryGetProperty(key, out JsonElement value))
        {
            return refs;
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty property in value.EnumerateObject())
            {
                refs.Add(Triple(property.Value));
            }
        }
        else if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0)
        {
            if (value[0].ValueKind == JsonValueKind.String)
            {
                refs.Add(Triple(value));
            }
            else
            {
                refs.AddRange(value.EnumerateArray().Select(Triple));
            }
        }

        return refs;
    }

    private static TensorRef Triple(JsonElement triple) =>
        new(triple[0].GetString() ?? "", triple.GetArrayLength() > 1 ? triple[1].GetInt32() : 0, triple.GetArrayLength() > 2 ? triple[2].GetInt32() : 0);
}

/// <summary>Small helpers for reading Keras's JSON.</summary>
internal static class Json
{
    public static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static JsonElement Object(JsonElement element, string name, string what) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Object
            ? value
            : throw new KerasImportException($"{what} has no \"{name}\" object in its configuration.");

    /// <summary>The value of <paramref name="name"/>, or null when absent or JSON null.</summary>
    public static JsonElement? Get(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static long? Long(JsonElement element, string name) =>
        Get(element, name) is { ValueKind: JsonValueKind.Number } v && v.TryGetInt64(out long n) ? n : null;

    public static double? Double(JsonElement element, string name) =>
        Get(element, name) is { ValueKind: JsonValueKind.Number } v ? v.GetDouble() : null;

    public static bool Bool(JsonElement element, string name) =>
        Get(element, name) is { ValueKind: JsonValueKind.True };

    /// <summary>A layer's dtype: a string, or (Keras 3.x) a DTypePolicy object whose config names it.</summary>
    public static string? DType(JsonElement config)
    {
        JsonElement? dtype = Get(config, "dtype");
        return dtype switch
        {
            { ValueKind: JsonValueKind.String } s => s.GetString(),
            { ValueKind: JsonValueKind.Object } o when Get(o, "config") is { } c => String(c, "name"),
            _ => null,
        };
    }

    /// <summary>An int, or a one-element list of ints (Keras writes axis both ways); null when absent.</summary>
    public static int[]? Ints(JsonElement config, string name) => Get(config, name) switch
    {
        { ValueKind: JsonValueKind.Number } n => [n.GetInt32()],
        { ValueKind: JsonValueKind.Array } a => a.EnumerateArray().Select(e => e.GetInt32()).ToArray(),
        _ => null,
    };

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
