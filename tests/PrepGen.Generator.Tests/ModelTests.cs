using Microsoft.CodeAnalysis;

namespace PrepGen.Generator.Tests;

public class ModelTests
{
    [Fact]
    public void Pipeline_models_hold_no_symbols_syntax_or_compilations()
    {
        // Holding an ISymbol, SyntaxNode or Compilation would root the compilation and defeat caching.
        Type[] forbidden = [typeof(ISymbol), typeof(SyntaxNode), typeof(Compilation), typeof(Location), typeof(SemanticModel)];
        var models = typeof(PrepGenGenerator).Assembly.GetTypes().Where(t => t.Namespace == "PrepGen.Generator.Model");
        foreach (Type model in models)
        {
            foreach (var property in model.GetProperties())
            {
                Assert.DoesNotContain(forbidden, f => f.IsAssignableFrom(property.PropertyType));
            }
        }
    }

    [Fact]
    public void Unresolved_types_leave_only_the_compilers_error()
    {
        GeneratorRun run = GeneratorHarness.Run("using PrepGen; public static partial class E { [StringLookup(Vocabulary = new[] { \"a\" })] public static partial long M(Missing v); }");
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains(run.CompileErrors, d => d.Id == "CS0246");
    }
}
