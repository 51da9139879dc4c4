using System;

namespace PrepGen;

/// <summary>
/// Rescales values, as Keras <c>Rescaling</c>: <c>float32(x) * float32(Scale) + float32(Offset)</c>, two
/// float32 roundings (no fused multiply-add), no clipping.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class RescalingAttribute : Attribute
{
    /// <summary>The scale, e.g. <c>1.0 / 255</c>. Required.</summary>
    public double Scale { get; set; }

    /// <summary>The offset added after scaling.</summary>
    public double Offset { get; set; }
}
