using System;

namespace PrepGen;

/// <summary>
/// Buckets continuous values, as Keras <c>Discretization</c>: the bin of <c>x</c> is the number of boundaries
/// less than or equal to it (TensorFlow <c>Bucketize</c>, bisect-right), compared in float32. The boundaries
/// come from <see cref="BinBoundaries"/> or from an adapted stats.json entry (<see cref="StatsFile"/> and
/// <see cref="StatsKey"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class DiscretizationAttribute : Attribute
{
    /// <summary>The bin boundaries, sorted ascending (stored as float32, as Keras does).</summary>
    public double[]? BinBoundaries { get; set; }

    /// <summary>A stats.json file (an MSBuild <c>AdditionalFiles</c> item, matched by path suffix).</summary>
    public string? StatsFile { get; set; }

    /// <summary>The entry of <see cref="StatsFile"/> under <c>"features"</c> that holds the boundaries.</summary>
    public string? StatsKey { get; set; }

    /// <summary>The output encoding: Int (default), OneHot, MultiHot or Count; the depth is the boundaries plus one.</summary>
    public OutputMode OutputMode { get; set; } = OutputMode.Int;
}
