using System;

namespace PrepGen;

/// <summary>
/// Feature-wise standardization, as Keras <c>Normalization</c>: <c>(x - mean) / max(sqrt(variance), 1e-7)</c>
/// in float32 (with <see cref="Invert"/>: <c>mean + x * max(sqrt(variance), 1e-7)</c>). The state comes from
/// <see cref="Mean"/> and <see cref="Variance"/>, or from an adapted stats.json entry
/// (<see cref="StatsFile"/> and <see cref="StatsKey"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class NormalizationAttribute : Attribute
{
    /// <summary>Per-feature mean (one element broadcasts to every feature). Set together with <see cref="Variance"/>.</summary>
    public double[]? Mean { get; set; }

    /// <summary>Per-feature population variance (not a standard deviation), the same length as <see cref="Mean"/>.</summary>
    public double[]? Variance { get; set; }

    /// <summary>A stats.json file (an MSBuild <c>AdditionalFiles</c> item, matched by path suffix).</summary>
    public string? StatsFile { get; set; }

    /// <summary>The entry of <see cref="StatsFile"/> under <c>"features"</c> that holds this layer's state.</summary>
    public string? StatsKey { get; set; }

    /// <summary>Undo the normalization: <c>mean + x * max(sqrt(variance), 1e-7)</c>.</summary>
    public bool Invert { get; set; }
}
