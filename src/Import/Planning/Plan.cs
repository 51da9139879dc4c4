using System.Collections.Generic;
using System.Linq;

namespace PrepGen.Import.Planning;

/// <summary>The C# value kinds a record works with: Keras string, integer and float dtypes.</summary>
internal enum ValueKind
{
    String,
    Long,
    Float,
}

/// <summary>One model input: a public <c>{ get; init; }</c> property of the record.</summary>
/// <param name="KerasName">The input's name in the model (the samples file's key).</param>
/// <param name="Property">The record property.</param>
/// <param name="Kind">The element type.</param>
/// <param name="Width">0 for a scalar input (shape (None,) or (None, 1)); k for an array of k values.</param>
internal sealed record InputField(string KerasName, string Property, ValueKind Kind, int Width)
{
    public string TypeName => Kinds.CSharp(Kind) + (Width > 0 ? "[]" : "");
}

/// <summary>A scalar C# expression over the record's properties (a property, an element, a cast, a layer method call).</summary>
internal sealed record Scalar(string Code, ValueKind Kind, string Label);

/// <summary>An attribute option as C# source: <c>Name = value</c>.</summary>
internal readonly record struct AttributeOption(string Name, string Value);

/// <summary>
/// One Keras layer applied to scalar inputs, not yet placed: it becomes a record member (its output is
/// part of the encoded row) or a static layer method (another layer consumes its integer output).
/// </summary>
internal sealed class LayerUse
{
    public required string Attribute { get; init; }

    public required List<AttributeOption> Options { get; init; }

    public required Scalar[] Inputs { get; init; }

    /// <summary>The number of distinct integer outputs (the cardinality a CategoryEncoding would one-hot).</summary>
    public required int Depth { get; init; }

    /// <summary>Whether the Int-mode output followed by a one-/multi-hot CategoryEncoding of Depth tokens equals the layer in OneHot mode.</summary>
    public required bool OneHotFusable { get; init; }

    /// <summary>The Keras layer, as "name (Class)", for comments and messages.</summary>
    public required string Origin { get; init; }

    /// <summary>The member name stem, from the inputs (e.g. "Type", "AgeXJob").</summary>
    public required string Stem { get; init; }

    /// <summary>Set once the layer has been given a static method (so two consumers share it).</summary>
    public MethodPlan? Method { get; set; }
}

/// <summary>A record member that encodes part of the row.</summary>
internal sealed record MemberPlan(
    string Name,
    string TypeName,
    string Expression,
    string Attribute,
    List<AttributeOption> Options,
    int Width,
    bool Integer,
    string Origin);

/// <summary>A <c>private static partial long Name(...)</c> layer method that a chain calls.</summary>
internal sealed record MethodPlan(string Name, string Attribute, List<AttributeOption> Options, Scalar[] Parameters, string Origin);

/// <summary>A state file the import writes under its output folder.</summary>
internal sealed record StateFilePlan(string RelativePath, byte[] Contents);

/// <summary>Everything needed to write the record, its state files and (optionally) its sample check.</summary>
internal sealed record RecordPlan(
    string TypeName,
    string Namespace,
    string ModelDescription,
    IReadOnlyList<InputField> Inputs,
    IReadOnlyList<MemberPlan> Members,
    IReadOnlyList<MethodPlan> Methods,
    IReadOnlyList<StateFilePlan> Files,
    bool IntegerOutput)
{
    public int Width => Members.Sum(m => m.Width);
}

internal static class Kinds
{
    public static string CSharp(ValueKind kind) => kind switch
    {
        ValueKind.String => "string",
        ValueKind.Long => "long",
        _ => "float",
    };

    /// <summary>Maps a Keras dtype name; null for dtypes PrepGen has no input type for (bool, complex).</summary>
    public static ValueKind? FromDType(string? dtype) => dtype switch
    {
        "string" => ValueKind.String,
        "int8" or "int16" or "int32" or "int64" or "uint8" or "uint16" or "uint32" or "uint64" => ValueKind.Long,
        "float16" or "bfloat16" or "float32" or "float64" or null => ValueKind.Float,
        _ => null,
    };
}
