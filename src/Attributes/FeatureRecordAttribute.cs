using System;

namespace PrepGen;

/// <summary>
/// The Keras FeatureSpace, compiled: on a partial class, struct or record, composes the members that carry
/// a layer attribute into one row of floats, in declaration order. The generator adds <c>EncodedWidth</c>,
/// <c>Encode(Span&lt;float&gt;)</c> and <c>EncodeBatch(ReadOnlySpan&lt;T&gt;, Span&lt;float&gt;)</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class FeatureRecordAttribute : Attribute
{
    /// <summary>
    /// When true, the row is integers: the generator adds <c>EncodedWidth</c> (elements),
    /// <c>Encode(Span&lt;long&gt;)</c> and <c>EncodeBatch(ReadOnlySpan&lt;T&gt;, Span&lt;long&gt;)</c> instead of the
    /// float overloads, and every member must produce integers (an <c>Int</c>-mode lookup, Hashing,
    /// HashedCrossing or Discretization, or an <c>Int</c>-mode TextVectorization with
    /// <c>OutputSequenceLength</c>); a member that produces floats is error PG0005. Default false.
    /// </summary>
    public bool IntegerOutput { get; set; }
}
