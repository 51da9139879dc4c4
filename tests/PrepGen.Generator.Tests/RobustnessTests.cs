using System.Text;
using Microsoft.CodeAnalysis;

namespace PrepGen.Generator.Tests;

/// <summary>Malformed state files and out-of-range options: diagnostics or correct code, never an exception.</summary>
public class RobustnessTests
{
    private const string Layers = """
        using PrepGen;
        namespace Demo;
        public static partial class E
        {
            [StringLookup(VocabularyFile = "v.txt")]
            public static partial long S(string value);

            [IntegerLookup(VocabularyFile = "v.txt")]
            public static partial long I(long value);

            [StringLookup(VocabularyFile = "v.txt", OutputMode = OutputMode.TfIdf, IdfWeightsFile = "v.txt")]
            public static partial void T(System.ReadOnlySpan<string> values, System.Span<float> output);
        }
        """;

    public static TheoryData<string, byte[]> MalformedFiles()
    {
        var rng = new Random(20261125);
        var data = new TheoryData<string, byte[]>
        {
            { "empty", [] },
            { "bom", [0xEF, 0xBB, 0xBF, .. "a\nb\n"u8] },
            { "crlf", "a\r\nb\r\nc"u8.ToArray() },
            { "empty lines", "a\n\n\nb\n"u8.ToArray() },
            { "only newlines", "\n\n"u8.ToArray() },
            { "huge line", Encoding.UTF8.GetBytes(new string('x', 1 << 20) + "\ny\n") },
            { "invalid utf-8", [0x61, 0x0A, 0xC3, 0x28, 0x0A, 0xFF, 0xFE, 0x0A] },
            { "nul bytes", [0x61, 0x00, 0x62, 0x0A, 0x00, 0x0A] },
            { "numbers", "1\n-2\n3.5\n1e3\n"u8.ToArray() },
            { "int64 overflow", "9223372036854775808\n"u8.ToArray() },
        };
        for (int i = 0; i < 12; i++)
        {
            byte[] garbage = new byte[rng.Next(1, 4000)];
            rng.NextBytes(garbage);
            data.Add("garbage " + i, garbage);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public void Malformed_state_files_give_diagnostics_or_code_that_compiles(string name, byte[] content)
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Compilation(Layers), GeneratorHarness.Driver(new TestAdditionalText("/p/v.txt", content)));
        Assert.Null(run.Result.Results[0].Exception);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "PG9999");

        // Each layer either generated code or reported why not (and got a stub that throws); everything
        // compiles, so PrepGen's errors are the only ones the user sees.
        int layersWithErrors = run.GeneratorDiagnostics.Select(d => d.Location.SourceSpan).Distinct().Count();
        Assert.Equal(3, run.LayerSources.Length);
        Assert.Equal(layersWithErrors, run.LayerSources.Count(s => s.SourceText.ToString().Contains("not generated", StringComparison.Ordinal)));
        Assert.True(run.CompileErrors.IsEmpty, name + ": " + string.Join("\n", run.CompileErrors));
    }

    [Fact]
    public void Line_ends_follow_TensorFlow_ReadLine()
    {
        // CRLF: one trailing '\r' removed; final newline optional; an empty line in the middle is the token "".
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Compilation(Layers.Replace("[IntegerLookup", "//").Replace("[StringLookup(VocabularyFile = \"v.txt\", OutputMode", "//")
            .Replace("public static partial long I", "//").Replace("public static partial void T", "//")),
            GeneratorHarness.Driver(new TestAdditionalText("/p/v.txt", "a\r\n\r\nb\r\nc")));
        var s = GeneratorHarness.Load(run).GetType("Demo.E")!.GetMethod("S")!;
        long Index(string v) => (long)s.Invoke(null, [v])!;
        Assert.Equal([1, 2, 3, 4, 0], new[] { "a", "", "b", "c", "a\r" }.Select(Index));
    }

    public static TheoryData<string> OutOfRangeOptions() => new()
    {
        "[StringLookup(Vocabulary = new[] { \"a\" }, OutputMode = (OutputMode)(-1))] public static partial long M(string v);",
        "[StringLookup(Vocabulary = new[] { \"a\" }, MaxTokens = int.MinValue)] public static partial long M(string v);",
        "[StringLookup(Vocabulary = new[] { \"a\" }, NumOovIndices = int.MaxValue)] public static partial long M(string v);",
        "[StringLookup(Vocabulary = new[] { \"a\" }, NumOovIndices = int.MinValue)] public static partial long M(string v);",
        "[StringLookup(Vocabulary = new string[] { null })] public static partial long M(string v);",
        "[StringLookup(Vocabulary = null)] public static partial long M(string v);",
        "[StringLookup(Vocabulary = new[] { \"a\" }, SaltPair = new long[0])] public static partial long M(string v);",
        "[StringLookup(Vocabulary = new[] { \"a\" }, SaltPair = null, MaskToken = null, OovToken = null)] public static partial long M(string v);",
        "[StringLookup(Vocabulary = new[] { \"a\" }, OutputMode = OutputMode.TfIdf, IdfWeights = new[] { double.NaN })] public static partial void M(System.ReadOnlySpan<string> v, System.Span<float> o);",
        "[IntegerLookup(Vocabulary = new[] { long.MinValue, long.MaxValue }, OovMethod = (OovMethod)7)] public static partial long M(long v);",
        "[IntegerLookup(Vocabulary = new[] { long.MinValue, long.MaxValue }, MaskToken = long.MinValue)] public static partial long M(long v);",
        "[Hashing(NumBins = int.MaxValue, MaskValue = long.MinValue)] public static partial long M(long v);",
        "[Hashing(NumBins = int.MinValue)] public static partial long M(long v);",
        "[HashedCrossing(NumBins = -1)] public static partial long M(long a, long b);",
        "[CategoryEncoding(NumTokens = int.MaxValue, OutputMode = (OutputMode)99)] public static partial void M(long v, System.Span<float> o);",
        "[StringLookup(VocabularyFile = \"\")] public static partial long M(string v);",
        "[StringLookup(VocabularyFile = \"../../../etc/passwd\")] public static partial long M(string v);",
    };

    [Theory]
    [MemberData(nameof(OutOfRangeOptions))]
    public void Out_of_range_options_never_throw(string member)
    {
        string source = "using PrepGen;\nnamespace Demo;\npublic static partial class E\n{\n    " + member + "\n}\n";
        GeneratorRun run = GeneratorHarness.Run(source, ("/p/v.txt", "a\n"));
        Assert.Null(run.Result.Results[0].Exception);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "PG9999");
        Assert.True(run.CompileErrors.IsEmpty, string.Join("\n", run.CompileErrors));
        Assert.Single(run.LayerSources);
        Assert.Equal(!run.GeneratorDiagnostics.IsEmpty, run.LayerSources[0].SourceText.ToString().Contains("not generated", StringComparison.Ordinal));
    }
}
