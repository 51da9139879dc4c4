using System;
using System.Collections.Generic;
using System.Linq;
using PrepGen.Import.Reading;

namespace PrepGen.Import.Planning;

/// <summary>
/// Builds a <see cref="RecordPlan"/>: the translators (one per Keras layer class, in the partial files
/// beside this one) turn layers into pieces of symbolic tensors; this part places them as record members
/// (what the row holds) and static layer methods (what a chain calls).
/// </summary>
internal sealed partial class PlanBuilder
{
    private readonly List<MethodPlan> methods = [];
    private readonly string typeName;

    public PlanBuilder(KerasArchive archive, string typeName)
    {
        this.typeName = typeName;
        State = new LayerState(archive);
        Names = new NameSet(typeName);
        Files = new StateSink(typeName);
    }

    public LayerState State { get; }

    public NameSet Names { get; }

    public StateSink Files { get; }

    /// <summary>Places every piece of the model's preprocessing output, in order, and returns the plan.</summary>
    public RecordPlan Finish(string ns, string description, IReadOnlyList<InputField> inputs, Tensor output)
    {
        bool integer = output.Pieces.All(p => p.Integer) && output.Pieces.Any(p => p is not ValuePiece);
        var placed = new List<MemberPlan>();
        var seen = new HashSet<MemberPlan>(ReferenceEqualityComparer.Instance);
        foreach (Piece piece in output.Pieces)
        {
            MemberPlan member = piece switch
            {
                BlockPiece block => block.Member,
                IndexPiece index => Member(index.Layer, mode: null, width: 1, integer: true),
                ValuePiece value when !integer => Identity(value.Value),
                ValuePiece value => throw new KerasImportException(
                    $"the model's output holds the raw integer input '{value.Value.Label}' beside integer encodings; PrepGen has no integer identity layer to place it in an integer row."),
                _ => throw new InvalidOperationException("unknown piece"),
            };

            // The same encoding twice in the row (a tensor concatenated with itself) needs two members.
            placed.Add(seen.Add(member) ? member : member with { Name = Names.Take(member.Name) });
        }

        if (placed.Count == 0)
        {
            throw new KerasImportException("the model's preprocessing output is empty.");
        }

        return new RecordPlan(typeName, ns, description, inputs, placed, methods, Files.Files(), integer);
    }

    /// <summary>A record member that applies <paramref name="layer"/> (in <paramref name="mode"/>, or its own Int mode).</summary>
    public MemberPlan Member(LayerUse layer, string? mode, int width, bool integer, string? origin = null)
    {
        List<AttributeOption> options = [.. layer.Options];
        if (mode is not null)
        {
            options.Add(new AttributeOption("OutputMode", "OutputMode." + mode));
        }

        string suffix = (mode, layer.Attribute) switch
        {
            (null, "TextVectorization") => "Tokens",
            (null, _) => "Index",
            _ => "Encoded",
        };
        string type = layer.Inputs.Length == 1
            ? Kinds.CSharp(layer.Inputs[0].Kind)
            : "(" + string.Join(", ", layer.Inputs.Select(i => Kinds.CSharp(i.Kind))) + ")";
        string expression = layer.Inputs.Length == 1
            ? layer.Inputs[0].Code
            : "(" + string.Join(", ", layer.Inputs.Select(i => i.Code)) + ")";
        var member = new MemberPlan(Names.Take(layer.Stem + suffix), type, expression, layer.Attribute, options, width, integer, origin ?? layer.Origin);
        return member;
    }

    /// <summary>A member over a whole array input (a sample of values: multi-hot, count, tf-idf).</summary>
    public MemberPlan ArrayMember(string stem, InputField array, string attribute, List<AttributeOption> options, int width, string origin)
    {
        var member = new MemberPlan(Names.Take(stem + "Encoded"), array.TypeName, array.Property, attribute, options, width, Integer: false, origin);
        return member;
    }

    /// <summary>A member with its own attribute over one scalar (Normalization, Rescaling, CategoryEncoding).</summary>
    public MemberPlan ScalarMember(string name, Scalar input, string attribute, List<AttributeOption> options, int width, bool integer, string origin)
    {
        var member = new MemberPlan(Names.Take(name), Kinds.CSharp(input.Kind), input.Code, attribute, options, width, integer, origin);
        return member;
    }

    /// <summary>The scalar an Int-mode layer produces, through a static method shared by every consumer.</summary>
    public Scalar Call(LayerUse layer)
    {
        layer.Method ??= AddMethod(layer);
        return new Scalar(layer.Method.Name + "(" + string.Join(", ", layer.Inputs.Select(i => i.Code)) + ")", ValueKind.Long, layer.Stem);
    }

    /// <summary>A piece as one scalar input of another layer; null when it is an encoded block.</summary>
    public Scalar? AsScalar(Piece piece) => piece switch
    {
        ValuePiece value => value.Value,
        IndexPiece index => Call(index.Layer),
        _ => null,
    };

    /// <summary>A raw float column in a float row: Normalization with mean 0 and variance 1 is exactly x (x - 0 = x, x / 1 = x, -0 and NaN kept).</summary>
    private MemberPlan Identity(Scalar value)
    {
        Scalar input = value.Kind == ValueKind.Float ? value : new Scalar("(float)" + value.Code, ValueKind.Float, value.Label);
        if (value.Kind == ValueKind.String)
        {
            throw new KerasImportException($"the model's output holds the raw string input '{value.Label}'; a tensor of numbers cannot.");
        }

        return ScalarMember(value.Label + "Value", input, "Normalization",
            [new("Mean", "new[] { 0.0 }"), new("Variance", "new[] { 1.0 }")], 1, integer: false, "identity (the value itself)");
    }

    private MethodPlan AddMethod(LayerUse layer)
    {
        var method = new MethodPlan(Names.Take(layer.Stem + "Index"), layer.Attribute, layer.Options, layer.Inputs, layer.Origin);
        methods.Add(method);
        return method;
    }
}
