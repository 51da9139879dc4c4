namespace PrepGen.Generator.Tests;

public class SmokeTests
{
    [Fact]
    public void A_string_lookup_compiles_and_runs()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            using PrepGen;
            namespace Demo;
            public static partial class E
            {
                [StringLookup(Vocabulary = new[] { "a", "b", "c", "d" })]
                public static partial long Letter(string value);
            }
            """);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileErrors);
        var method = GeneratorHarness.Load(run).GetType("Demo.E")!.GetMethod("Letter")!;
        Assert.Equal(new long[] { 1, 3, 4, 0 }, new[] { "a", "c", "d", "z" }.Select(v => (long)method.Invoke(null, [v])!));
    }
}
