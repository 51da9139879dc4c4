using Microsoft.CodeAnalysis;

namespace PrepGen.Generator.Tests;

public class ModelTests
{
    [Theory]
    [InlineData(typeof(PrepGen.OutputMode), typeof(PrepGen.Generator.Model.OutputMode))]
    [InlineData(typeof(PrepGen.OovMethod), typeof(PrepGen.Generator.Model.OovMethod))]
    public void Generator_enum_mirrors_match_the_public_enums(Type publicEnum, Type mirror)
    {
        Assert.Equal(Enum.GetNames(publicEnum), Enum.GetNames(mirror));
        Assert.Equal(Enum.GetValues(publicEnum).Cast<object>().Select(Convert.ToInt32), Enum.GetValues(mirror).Cast<object>().Select(Convert.ToInt32));
    }

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
