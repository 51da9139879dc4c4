using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PrepGen.Generator.Tests;

public class IncrementalTests
{
    private const string Layers = """
        using PrepGen;
        namespace Demo;
        public static partial class E
        {
            [StringLookup(VocabularyFile = "v.txt")]
            public static partial long City(string value);

            [Hashing(NumBins = 8)]
            public static partial long Bin(long value);
        }
        """;

    private static readonly string[] Steps = [StepNames.Parse, StepNames.StateFiles, StepNames.Bind, StepNames.BuildTable];

    [Fact]
    public void An_unrelated_edit_leaves_every_step_cached_or_unchanged()
    {
        CSharpCompilation compilation = GeneratorHarness.Compilation(Layers, "namespace Demo; public class Other { }");
        var vocab = new TestAdditionalText("/p/v.txt", "paris\ntokyo\n");
        GeneratorRun first = GeneratorHarness.Run(compilation, GeneratorHarness.Driver(vocab));
        Assert.Empty(first.GeneratorDiagnostics);

        SyntaxTree other = compilation.SyntaxTrees.Last();
        CSharpCompilation edited = compilation.ReplaceSyntaxTree(other,
            CSharpSyntaxTree.ParseText("namespace Demo; public class Other { public int Added() => 42; }", GeneratorHarness.ParseOptions, other.FilePath));
        GeneratorRun second = GeneratorHarness.Run(edited, first.Driver);

        foreach (string step in Steps)
        {
            IncrementalGeneratorRunStep[] runs = second.Result.Results[0].TrackedSteps[step].ToArray();
            Assert.NotEmpty(runs);
            foreach ((object _, IncrementalStepRunReason reason) in runs.SelectMany(r => r.Outputs))
            {
                Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, step + " was " + reason);
            }
        }

        Assert.All(second.Result.Results[0].TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, "output was " + o.Reason));
    }

    [Fact]
    public void Editing_the_vocabulary_file_rebuilds_the_table_and_regenerates()
    {
        CSharpCompilation compilation = GeneratorHarness.Compilation(Layers);
        var vocab = new TestAdditionalText("/p/v.txt", "paris\ntokyo\n");
        GeneratorRun first = GeneratorHarness.Run(compilation, GeneratorHarness.Driver(vocab));

        GeneratorDriver driver = first.Driver.ReplaceAdditionalText(vocab, new TestAdditionalText("/p/v.txt", "paris\ntokyo\nlima\n"));
        GeneratorRun second = GeneratorHarness.Run(compilation, driver);

        var tableRuns = second.Result.Results[0].TrackedSteps[StepNames.BuildTable].SelectMany(r => r.Outputs).Select(o => o.Reason).ToArray();
        Assert.Equal([IncrementalStepRunReason.Modified], tableRuns);

        // The hashing layer does not read the file: its bind step stays cached.
        var bindRuns = second.Result.Results[0].TrackedSteps[StepNames.Bind].SelectMany(r => r.Outputs).Select(o => o.Reason).ToArray();
        Assert.Single(bindRuns, r => r == IncrementalStepRunReason.Modified);
        Assert.Single(bindRuns, r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        Assert.NotEqual(first.Generated("E.City.PrepGen.g.cs"), second.Generated("E.City.PrepGen.g.cs"));
        Assert.Contains("lima\"u8", second.Result.Results[0].GeneratedSources.Single(s => s.HintName.StartsWith("PrepGen.Table.StringTable_", StringComparison.Ordinal)).SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_inputs_give_byte_identical_output()
    {
        var vocab = ("/p/v.txt", (string?)"paris\ntokyo\nlima\n");
        string a = GeneratorHarness.Run(Layers, vocab).Generated("E.City.PrepGen.g.cs");
        string b = GeneratorHarness.Run(Layers, vocab).Generated("E.City.PrepGen.g.cs");
        Assert.Equal(a, b);
    }
}
