using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using PrepGen.Import.Graph;
using PrepGen.Import.Reading;

namespace PrepGen.Import.Planning;

/// <summary>
/// Plans a Functional or Sequential model: finds the tensor that the first trainable layer receives (or
/// the model's output when every layer preprocesses) and evaluates it symbolically from the inputs.
/// </summary>
internal static class GraphPlanner
{
    /// <summary>Layer classes that hold trainable weights: the model proper starts at the first of them.</summary>
    private static readonly HashSet<string> Trainable = new(StringComparer.Ordinal)
    {
        "Dense", "EinsumDense", "Embedding", "Conv1D", "Conv2D", "Conv3D", "Conv1DTranspose", "Conv2DTranspose", "Conv3DTranspose",
        "SeparableConv1D", "SeparableConv2D", "DepthwiseConv1D", "DepthwiseConv2D", "LSTM", "GRU", "SimpleRNN", "RNN", "ConvLSTM1D",
        "ConvLSTM2D", "ConvLSTM3D", "Bidirectional", "TimeDistributed", "BatchNormalization", "LayerNormalization", "GroupNormalization",
        "MultiHeadAttention", "GroupedQueryAttention", "PReLU", "Functional", "Sequential", "Model",
    };

    public static (List<InputField> Inputs, Tensor Output, string Boundary) Plan(ModelGraph graph, KerasArchive archive, PlanBuilder builder)
    {
        Dictionary<string, StateLocation> locations = Locations(graph, archive);
        var fields = new Dictionary<string, InputField>(StringComparer.Ordinal);
        var inputs = new List<InputField>();
        foreach (TensorRef input in graph.Inputs)
        {
            LayerNode layer = graph[input.Layer];
            if (layer.ClassName != "InputLayer")
            {
                throw KerasImportException.Layer(layer.Name, layer.ClassName, "the model lists it as an input, but it is not an InputLayer.");
            }

            InputField field = Field(layer, builder.Names);
            fields[layer.Name] = field;
            inputs.Add(field);
        }

        LayerNode? boundary = graph.Layers.FirstOrDefault(l => Trainable.Contains(l.ClassName));
        TensorRef target;
        string description;
        if (boundary is not null)
        {
            if (boundary.Inputs.Count != 1)
            {
                throw KerasImportException.Layer(boundary.Name, boundary.ClassName,
                    $"the first trainable layer receives {boundary.Inputs.Count} tensors; PrepGen encodes one row per example.");
            }

            target = boundary.Inputs[0];
            description = $"the input of {boundary}, the model's first trainable layer";
        }
        else
        {
            if (graph.Outputs.Count != 1)
            {
                throw new KerasImportException($"the model has {graph.Outputs.Count} outputs and no trainable layer; PrepGen encodes one tensor.");
            }

            target = graph.Outputs[0];
            description = "the model's output (every layer preprocesses)";
        }

        var memo = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        Tensor Eval(TensorRef reference)
        {
            if (reference.Node != 0 || reference.Tensor != 0)
            {
                throw new KerasImportException($"layer '{reference.Layer}' is used through its call {reference.Node}, output {reference.Tensor}; PrepGen follows layers called once with one output.");
            }

            if (memo.TryGetValue(reference.Layer, out Tensor? done))
            {
                return done;
            }

            LayerNode layer = graph[reference.Layer];
            Tensor result = layer.ClassName == "InputLayer"
                ? Read(fields.TryGetValue(layer.Name, out InputField? field) ? field
                    : throw KerasImportException.Layer(layer.Name, layer.ClassName, "an InputLayer that the model does not list among its inputs."))
                : builder.Apply(layer, locations[layer.Name], layer.Inputs.Select(Eval).ToList());
            memo[reference.Layer] = result;
            return result;
        }

        return (inputs, Eval(target), description);
    }

    /// <summary>The record property of an InputLayer.</summary>
    public static InputField Field(LayerNode layer, NameSet names)
    {
        JsonElement config = layer.Config;
        if (Json.Bool(config, "sparse") || Json.Bool(config, "ragged"))
        {
            throw KerasImportException.Layer(layer.Name, layer.ClassName, "a sparse or ragged input; PrepGen reads dense rows.");
        }

        string? dtype = Json.DType(config);
        ValueKind kind = Kinds.FromDType(dtype)
            ?? throw KerasImportException.Layer(layer.Name, layer.ClassName, $"dtype {dtype} has no PrepGen input type (string, integers and floats do).");
        JsonElement? shape = Json.Get(config, "batch_shape") ?? Json.Get(config, "batch_input_shape");
        int[] dims = shape is { ValueKind: JsonValueKind.Array } s
            ? s.EnumerateArray().Skip(1).Select(d => d.ValueKind == JsonValueKind.Number ? d.GetInt32() : -1).ToArray()
            : [];
        int width = dims switch
        {
            [] or [1] => 0,
            [> 1 and var k] => k,
            _ => throw KerasImportException.Layer(layer.Name, layer.ClassName,
                $"shape ({string.Join(", ", dims.Select(d => d < 0 ? "None" : d.ToString(System.Globalization.CultureInfo.InvariantCulture)))}) per example; PrepGen imports inputs of one value or a fixed number of values per row."),
        };
        return new InputField(layer.Name, names.Take(Identifiers.Pascal(layer.Name)), kind, width);
    }

    /// <summary>The symbolic tensor of an input: one value, or an array's elements.</summary>
    public static Tensor Read(InputField field) => field.Width == 0
        ? new Tensor([new ValuePiece(new Scalar(field.Property, field.Kind, field.Property))])
        : new Tensor(Enumerable.Range(0, field.Width)
            .Select(i => (Piece)new ValuePiece(new Scalar(field.Property + "[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]", field.Kind, field.Property + i.ToString(System.Globalization.CultureInfo.InvariantCulture))))
            .ToList(), field);

    /// <summary>Where each layer's state lives (see <see cref="StatePaths"/>).</summary>
    private static Dictionary<string, StateLocation> Locations(ModelGraph graph, KerasArchive archive)
    {
        var locations = new Dictionary<string, StateLocation>(StringComparer.Ordinal);
        if (archive.IsLegacyHdf5)
        {
            foreach (LayerNode layer in graph.Layers)
            {
                locations[layer.Name] = new StateLocation(null, "model_weights/" + layer.Name);
            }

            return locations;
        }

        // A Sequential model's `layers` leaves out its InputLayer; a Functional model's keeps them.
        List<LayerNode> saved = graph.Layers.Where(l => !(graph.IsSequential && l.ClassName == "InputLayer")).ToList();
        List<string> paths = StatePaths.Assign("layers", saved.Select(l => l.ClassName));
        for (int i = 0; i < saved.Count; i++)
        {
            locations[saved[i].Name] = new StateLocation(paths[i], null);
        }

        foreach (LayerNode layer in graph.Layers)
        {
            locations.TryAdd(layer.Name, new StateLocation(null, null));
        }

        return locations;
    }
}
