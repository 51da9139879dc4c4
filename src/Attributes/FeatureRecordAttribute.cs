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
}
