using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using PrepGen.Generator.Model;

namespace PrepGen.Generator.Tests;

/// <summary>The failure boundary every pipeline step runs in (<see cref="GeneratorStep"/>): PG9999 instead of an exception, and the invariant culture.</summary>
public class GeneratorStepTests
{
    [Fact]
    public void An_internal_failure_becomes_a_located_PG9999_not_an_exception()
    {
        var at = new LocationInfo("Source0.cs", new TextSpan(3, 4), new LinePositionSpan(new LinePosition(0, 3), new LinePosition(0, 7)));
        EquatableArray<DiagnosticInfo>? reported = null;
        int result = GeneratorStep.Run<int>("Demo.E.M", () => at, () => throw new InvalidOperationException("boom"), e =>
        {
            reported = e;
            return -1;
        });

        Assert.Equal(-1, result);
        Diagnostic diagnostic = Assert.Single(reported!.Value).ToDiagnostic();
        Assert.Equal("PG9999", diagnostic.Id);
        Assert.Equal("PrepGen failed while generating 'Demo.E.M': InvalidOperationException: boom. Please report this with the attribute and state files.", diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal("Source0.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(3, diagnostic.Location.SourceSpan.Start);
    }

    [Fact]
    public void A_state_file_that_fails_while_it_is_read_is_reported_at_the_layer_and_the_rest_compiles()
    {
        // A SourceText that throws when the generator reads it: the read runs inside the boundary, the file becomes
        // unreadable, and the layer that names it reports so; the other layer is still generated.
        var file = new ThrowingText("/p/v.txt");
        GeneratorDriver driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(
            [new PrepGenGenerator().AsSourceGenerator()], [file], GeneratorHarness.ParseOptions);
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Compilation("""
            using PrepGen;
            public static partial class E
            {
                [StringLookup(VocabularyFile = "v.txt")] public static partial long M(string v);
                [StringLookup(Vocabulary = new[] { "a" })] public static partial long Ok(string v);
            }
            """), driver);
        Assert.Null(run.Result.Results.Single().Exception);
        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Contains("PrepGen failed while reading it (PG9999)", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains(run.Result.GeneratedTrees, t => t.FilePath.EndsWith("E.Ok.PrepGen.g.cs", StringComparison.Ordinal));
    }

    private sealed class ThrowingText(string path) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(System.Threading.CancellationToken cancellationToken = default) => new Broken();

        private sealed class Broken : SourceText
        {
            public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

            public override int Length => 10;

            public override char this[int position] => throw new InvalidOperationException("disk gone");

            public override void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count) => throw new InvalidOperationException("disk gone");
        }
    }

    [Fact]
    public void Cancellation_passes_through() =>
        Assert.Throws<OperationCanceledException>(() => GeneratorStep.Run<int>("x", GeneratorStep.Unlocated, () => throw new OperationCanceledException(), _ => -1));

    [Fact]
    public void A_step_runs_under_the_invariant_culture_and_the_callers_culture_comes_back()
    {
        CultureInfo before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            Assert.Equal("0.5", GeneratorStep.Run("x", GeneratorStep.Unlocated, () => 0.5.ToString(), _ => ""));
            Assert.Equal("de-DE", CultureInfo.CurrentCulture.Name);
            GeneratorStep.Run<int>("x", GeneratorStep.Unlocated, () => throw new InvalidOperationException(), _ => 0);
            Assert.Equal("de-DE", CultureInfo.CurrentCulture.Name);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    /// <summary>Every snapshot case plus diagnostics that print negative numbers and floats.</summary>
    public static IEnumerable<string> Corpus()
    {
        foreach (object[] c in SnapshotTests.Cases().Concat(SnapshotTests.NumericCases()))
        {
            yield return "using System;\nusing PrepGen;\nnamespace Demo;\npublic static partial class Encoders\n{\n    " + (string)c[1] + "\n}\n";
        }

        foreach (object[] c in TypeSnapshotTests.Cases())
        {
            yield return (string)c[2];
        }

        yield return """
            using System;
            using PrepGen;
            namespace Demo;
            [ImagePipeline(Height = 8, Width = 8, Channels = 3)]
            [Rescaling(Scale = 1.0 / 255, Offset = -0.5)]
            [Normalization(Mean = new[] { 0.485, 0.456, 0.406 }, Variance = new[] { 0.052441, 0.050176, 0.05 })]
            [RandomZoom(HeightFactor = new[] { -0.25, 0.125 }, FillValue = -1.5)]
            [RandomBrightness(Factor = new[] { -0.2, 0.3 }, ValueRange = new[] { -1.0, 1.0 })]
            public static partial class Pixels { }
            public static partial class E
            {
                [StringLookup(Vocabulary = new[] { "a" }, NumOovIndices = -1)] public static partial long Oov(string v);
                [Normalization(Mean = new[] { 1e39 }, Variance = new[] { 1.0 })] public static partial void Norm(ReadOnlySpan<float> x, Span<float> y);
                [Discretization(BinBoundaries = new[] { -0.5, -1.5 })] public static partial long Bins(float x);
                [Hashing(NumBins = 5, MaskValue = -7L)] public static partial long Hash(long v);
            }
            """;
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    public void Generated_code_and_messages_do_not_depend_on_the_culture(string name)
    {
        CultureInfo culture = CultureInfo.GetCultureInfo(name);
        Assert.NotEqual("-1.5", (-1.5).ToString(culture));   // the culture differs, or this test could not fail

        string[] invariant = RunAll(CultureInfo.InvariantCulture);
        string[] local = RunAll(culture);
        Assert.Equal(invariant.Length, local.Length);
        for (int i = 0; i < invariant.Length; i++)
        {
            Assert.Equal(invariant[i], local[i]);
        }

        Assert.Contains(invariant, text => text.Contains("-1.5f", StringComparison.Ordinal));
        Assert.Contains(invariant, text => text.Contains("not -1", StringComparison.Ordinal));
    }

    /// <summary>Every generated file and every diagnostic message of the corpus, generated under <paramref name="culture"/>.</summary>
    private static string[] RunAll(CultureInfo culture)
    {
        CultureInfo before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = culture;
        try
        {
            var output = new List<string>();
            foreach (string source in Corpus())
            {
                GeneratorRun run = GeneratorHarness.Run(source, ("/0/state/city.txt", "new york\nlondon\nparis\ntokyo\n"));
                output.AddRange(run.Result.Results[0].GeneratedSources.Select(s => s.HintName + "\n" + s.SourceText));
                output.AddRange(run.GeneratorDiagnostics.Select(d => d.Id + ": " + d.GetMessage(CultureInfo.InvariantCulture)));
            }

            return output.ToArray();
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
