using PrepGen.Generator.Model;

namespace PrepGen.Generator.Records;

/// <summary>How a record member's value reaches its layer's generated method.</summary>
internal enum MemberAccess
{
    /// <summary>The member itself (a scalar, or an array passed as a span).</summary>
    Direct,

    /// <summary>A <c>ReadOnlyMemory&lt;T&gt;</c> member: pass <c>.Span</c>.</summary>
    MemorySpan,

    /// <summary>A single float passed as a one-element span (Normalization, Rescaling).</summary>
    SingleElementSpan,

    /// <summary>A tuple whose items are the layer's inputs, in order (HashedCrossing).</summary>
    TupleItems,
}

/// <summary>Where a record member's diagnostics point: its layer attribute.</summary>
internal sealed record MemberLocation(LocationInfo? At);

/// <summary>One encoded member: the synthesized layer spec for its private encoder method, and how to call it.</summary>
internal sealed record RecordMember(string MemberName, LayerSpec Layer, MemberAccess Access);

/// <summary>
/// A <c>[FeatureRecord]</c> type and its encoded members in declaration order; <see cref="IntegerOutput"/>
/// makes the row <c>long</c> elements instead of floats.
/// </summary>
internal sealed record FeatureRecordSpec(
    string? Namespace,
    EquatableArray<ContainingType> Types,
    string TypeName,
    EquatableArray<RecordMember> Members,
    bool IntegerOutput = false)
{
    public string QualifiedName => (Namespace is null ? "" : Namespace + ".") + string.Join(".", System.Linq.Enumerable.Select(Types, t => t.Name));

    /// <summary>The generated file's hint-name stem, unique in the compilation.</summary>
    public string HintStem { get; init; } = "";
}
