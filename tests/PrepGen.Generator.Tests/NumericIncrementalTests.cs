using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PrepGen.Generator.Tests;

/// <summary>Numeric layers reading one stats.json: an edit to one key regenerates that layer only.</summary>
public class NumericIncrementalTests
{
    private const string Layers = """
        using System;
        using PrepGen;
        namespace Demo;
        public static partial class E
        {
            [Normalization(StatsFile = "stats.json", StatsKey = "price")]
            public static partial void Price(ReadOnlySpan<float> input, Span<float> output);

            [Discretization(StatsFile = "stats.json", StatsKey = "age")]
            public static partial long Age(float value);

            [Rescaling(Scale = 0.5)]
            public static partial void Half(ReadOnlySpan<float> input, Span<float> output);
        }
        """;

    private static string Stats(string ageBoundaries) =>
        "{\n  \"format\": 1,\n  \"features\": {\n    \"price\": { \"kind\": \"normalization\", \"mean\": [3.2, 10.5], \"variance\": [1.44, 20.25], \"count\": 1000 },\n" +
        "    \"age\": { \"kind\": \"discretization\", \"bin_boundaries\": [" + ageBoundaries + "], \"num_bins\": 4, \"epsilon\": 0.01 }\n  }\n}\n";

    [Fact]
    public void Editing_one_stats_key_regenerates_that_layer_only()
    {
        CSharpCompilation compilation = GeneratorHarness.Compilation(Layers);
        var stats = new TestAdditionalText("/p/stats.json", Stats("18.0, 30.0, 45.0"));
        GeneratorRun first = GeneratorHarness.Run(compilation, GeneratorHarness.Driver(stats));
        Assert.Empty(first.GeneratorDiagnostics);
        Assert.Empty(first.CompileErrors);
        Assert.Contains("3.2f, 10.5f", first.Generated("E.Price.PrepGen.g.cs"), StringComparison.Ordinal);
        Assert.Contains("1.2f, 4.5f", first.Generated("E.Price.PrepGen.g.cs"), StringComparison.Ordinal);

        GeneratorDriver driver = first.Driver.ReplaceAdditionalText(stats, new TestAdditionalText("/p/stats.json", Stats("18.0, 30.0, 65.0")));
        GeneratorRun second = GeneratorHarness.Run(compilation, driver);
        Assert.Empty(second.GeneratorDiagnostics);

        IncrementalStepRunReason[] bindRuns = second.Result.Results[0].TrackedSteps[StepNames.Bind].SelectMany(r => r.Outputs).Select(o => o.Reason).ToArray();
        Assert.Equal(1, bindRuns.Count(r => r == IncrementalStepRunReason.Modified)); // the Discretization layer
        Assert.Equal(2, bindRuns.Count(r => r is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached));
        Assert.Contains("65f", second.Generated("E.Age.PrepGen.g.cs"), StringComparison.Ordinal);
        Assert.Equal(first.Generated("E.Price.PrepGen.g.cs"), second.Generated("E.Price.PrepGen.g.cs"));
    }
}
