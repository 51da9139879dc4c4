using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using PrepGen.Import.Graph;

namespace PrepGen.Import.Planning;

/// <summary>Layers that only reshape, cast or join tensors, and the helpers the translators share.</summary>
internal sealed partial class PlanBuilder
{
    private static Tensor Concatenate(LayerNode layer, IReadOnlyList<Tensor> inputs, int axis)
    {
        if (axis is not (-1 or 1))
        {
            throw Refuse(layer, $"axis={axis}: PrepGen joins rows along the last axis only.");
        }

        return Tensor.Concat(inputs);
    }

    /// <summary>
    /// TF-op layers that Keras 2 records when a model calls tf functions on symbolic inputs. The ones that
    /// only move values (cast to a float type, stack or concat along the last axis, <c>x[:, None]</c>,
    /// expand_dims) are followed; any other op is refused with its name.
    /// </summary>
    private Tensor TensorFlowOp(LayerNode layer, IReadOnlyList<Tensor> inputs)
    {
        string function = Json.String(layer.Config, "function") ?? "?";
        JsonElement arguments = layer.CallArguments ?? default;
        switch (function)
        {
            case "cast":
                string dtype = (arguments.ValueKind == JsonValueKind.Object ? Json.String(arguments, "dtype") : null) ?? Json.DType(layer.Config) ?? "float32";
                return Cast(layer, One(layer, inputs), dtype);
            case "stack" or "concat":
                int axis = arguments.ValueKind == JsonValueKind.Object && Json.Long(arguments, "axis") is { } a ? (int)a : function == "stack" ? 0 : 0;
                if (function == "stack" && inputs.Any(t => t.Width != 1))
                {
                    throw Refuse(layer, "tf.stack of tensors wider than one value per row: PrepGen follows stacks of scalars only.");
                }

                return Concatenate(layer, inputs, axis);
            case "expand_dims":
                return One(layer, inputs);
            case "__operators__.getitem" when IsExpandLastAxis(arguments):
                return One(layer, inputs);
            default:
                throw Refuse(layer, $"the TensorFlow op '{function}' (with arguments {(arguments.ValueKind == JsonValueKind.Undefined ? "none" : arguments.GetRawText())}) is not one PrepGen can compile. It follows casts to float, tf.stack/tf.concat along the last axis, expand_dims and x[:, None].");
        }
    }

    /// <summary><c>x[:, None]</c>: a full slice then a new axis.</summary>
    private static bool IsExpandLastAxis(JsonElement arguments)
    {
        if (arguments.ValueKind != JsonValueKind.Object || Json.Get(arguments, "slice_spec") is not { ValueKind: JsonValueKind.Array } spec || spec.GetArrayLength() != 2)
        {
            return false;
        }

        JsonElement first = spec[0];
        bool fullSlice = first.ValueKind == JsonValueKind.Object
            && Json.Get(first, "start") is null && Json.Get(first, "stop") is null && Json.Get(first, "step") is null;
        return fullSlice && spec[1].ValueKind == JsonValueKind.Null;
    }

    private Tensor Cast(LayerNode layer, Tensor input, string dtype)
    {
        ValueKind target = Kinds.FromDType(dtype) ?? throw Refuse(layer, $"cast to {dtype} is not supported.");
        if (target == ValueKind.String)
        {
            throw Refuse(layer, "cast to string is not supported.");
        }

        var pieces = new List<Piece>();
        foreach (Piece piece in input.Pieces)
        {
            pieces.Add((piece, target) switch
            {
                (_, ValueKind.Float) => piece switch
                {
                    BlockPiece block => new BlockPiece(block.Member with { Integer = false }),
                    _ => new ValuePiece(Float(layer, piece)),
                },
                (ValuePiece { Value.Kind: ValueKind.Long } or IndexPiece or BlockPiece { Integer: true }, ValueKind.Long) => piece,
                _ => throw Refuse(layer, $"cast of {Describe(piece)} to {dtype} would truncate or convert text; PrepGen follows casts that keep every value."),
            });
        }

        return new Tensor(pieces, input.WholeArray);
    }

    /// <summary>A piece as a float scalar: floats as they are, integers converted (as tf.cast does, to nearest).</summary>
    private Scalar Float(LayerNode layer, Piece piece)
    {
        Scalar value = AsScalar(piece) ?? throw Refuse(layer, $"its input includes {Describe(piece)}, an encoded vector; PrepGen applies this layer to raw numeric values.");
        return value.Kind switch
        {
            ValueKind.Float => value,
            ValueKind.Long => new Scalar("(float)" + value.Code, ValueKind.Float, value.Label),
            _ => throw Refuse(layer, $"its input '{value.Label}' is a string; the layer takes numbers."),
        };
    }

    private Scalar SingleScalar(LayerNode layer, Tensor input, params ValueKind[] kinds)
    {
        if (input.Pieces.Count != 1 || input.Width != 1)
        {
            throw Refuse(layer, $"its input has {input.Width} values per row; PrepGen imports this layer applied to one value per row (shape (None,) or (None, 1)).");
        }

        Scalar value = AsScalar(input.Pieces[0]) ?? throw Refuse(layer, $"its input is {Describe(input.Pieces[0])}, an encoded vector.");
        if (kinds.Contains(value.Kind))
        {
            return value;
        }

        if (value.Kind == ValueKind.Long && kinds.Contains(ValueKind.Float))
        {
            return new Scalar("(float)" + value.Code, ValueKind.Float, value.Label);
        }

        throw Refuse(layer, $"its input '{value.Label}' holds {Kinds.CSharp(value.Kind)} values; the layer takes {string.Join(" or ", kinds.Select(Kinds.CSharp))}.");
    }

    private static Tensor One(LayerNode layer, IReadOnlyList<Tensor> inputs) => inputs.Count == 1
        ? inputs[0]
        : throw Refuse(layer, $"it receives {inputs.Count} inputs; this layer takes one.");

    private static Tensor Block(MemberPlan member) => new([new BlockPiece(member)]);

    private static LayerUse Use(LayerNode layer, List<AttributeOption> options, Scalar[] inputs, int depth, bool oneHotFusable, string stem) => new()
    {
        Attribute = layer.ClassName,
        Options = options,
        Inputs = inputs,
        Depth = depth,
        OneHotFusable = oneHotFusable,
        Origin = Origin(layer),
        Stem = stem,
    };

    /// <summary>The member name stem: the label of the single value the layer reads.</summary>
    private static string Stem(Tensor input, LayerNode layer) => input.WholeArray?.Property
        ?? (input.Pieces.Count == 1 ? input.Pieces[0] switch
        {
            ValuePiece v => v.Value.Label,
            IndexPiece i => i.Layer.Stem,
            _ => Identifiers.Pascal(layer.Name),
        } : Identifiers.Pascal(layer.Name));

    private static string Mode(LayerNode layer, string mode) => mode switch
    {
        "int" => "Int",
        "one_hot" => "OneHot",
        "multi_hot" => "MultiHot",
        "count" => "Count",
        "tf_idf" => "TfIdf",
        _ => throw Refuse(layer, $"output_mode='{mode}' is not a Keras output mode."),
    };

    private static string Describe(Piece piece) => piece switch
    {
        ValuePiece v => $"the value '{v.Value.Label}'",
        IndexPiece i => $"the index of {i.Layer.Origin}",
        BlockPiece b => $"the {b.Member.Width}-wide output of {b.Member.Origin}",
        _ => "a value",
    };

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Origin(LayerNode layer) => $"layer '{layer.Name}' ({layer.ClassName})";

    private static KerasImportException Refuse(LayerNode layer, string reason) => KerasImportException.Layer(layer.Name, layer.ClassName, reason);
}
