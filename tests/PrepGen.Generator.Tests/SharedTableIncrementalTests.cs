using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace PrepGen.Generator.Tests;

/// <summary>
/// Issue 12, "edits must not rebuild tables": the table step is keyed by (vocabulary content hash, table kind)
/// and shared, and the edits an IDE makes all the time leave it Cached; no step holds a symbol, syntax, a
/// location or the compilation.
/// </summary>
public class SharedTableIncrementalTests
{
    private const string Layers = """
        using System;
        using PrepGen;
        namespace Demo;
        public static partial class E
        {
            [StringLookup(VocabularyFile = "state/v.txt")]
            public static partial long City(string value);

            [StringLookup(VocabularyFile = "v.txt", OutputMode = OutputMode.OneHot)]
            public static partial void CityOneHot(string value, Span<float> output);

            [Hashing(NumBins = 8)]
            public static partial long Bin(long value);

            [Normalization(StatsFile = "stats.json", StatsKey = "price")]
            public static partial void Price(ReadOnlySpan<float> input, Span<float> output);
        }

        [FeatureRecord]
        public partial record Row
        {
            [StringLookup(VocabularyFile = "v.txt", OutputMode = OutputMode.OneHot)]
            public string City { get; init; } = "";

            [TextVectorization(VocabularyFile = "words.txt", OutputSequenceLength = 4)]
            public string Text { get; init; } = "";
        }
        """;

    private const string Other = "namespace Demo; public class Other { public int Value => 1; }";

    private const string Stats = "{ \"format\": 1, \"features\": { \"price\": { \"kind\": \"normalization\", \"mean\": [1.5], \"variance\": [4.0], \"count\": 3 } } }";

    /// <summary>The steps that must stay Cached or Unchanged after each edit; Parse and Resolve re-run by design (cheap, and equal outputs).</summary>
    private static readonly string[] Kept =
    [
        StepNames.StateFiles, StepNames.Bind, StepNames.Model, StepNames.BindRecord,
        StepNames.TableOwners, StepNames.ShareTable, StepNames.BuildTable,
    ];

    private static readonly TestAdditionalText Vocabulary = new("/p/state/v.txt", "paris\ntokyo\nlima\n");
    private static readonly TestAdditionalText Words = new("/p/words.txt", "the\nsky\n");
    private static readonly TestAdditionalText StatsFile = new("/p/stats.json", Stats);
    private static readonly TestAdditionalText Unrelated = new("/p/notes.txt", "nothing\n");

    private static GeneratorRun First(out CSharpCompilation compilation)
    {
        compilation = GeneratorHarness.Compilation(Layers, Other);
        GeneratorRun run = GeneratorHarness.Run(compilation, GeneratorHarness.Driver(Vocabulary, Words, StatsFile, Unrelated));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileErrors);
        return run;
    }

    [Fact]
    public void Layers_and_record_members_over_one_vocabulary_build_and_emit_one_table()
    {
        GeneratorRun run = First(out _);
        GeneratedSourceResult[] tables = run.Result.Results[0].GeneratedSources.Where(s => s.HintName.StartsWith("PrepGen.Table.", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, tables.Length);   // v.txt (two layers and a record member, named by two different suffixes) and words.txt
        Assert.Equal(2, Reasons(run, StepNames.BuildTable).Length);

        string table = tables.Single(t => t.SourceText.ToString().Contains("%paris", StringComparison.Ordinal)).HintName;
        string type = table["PrepGen.Table.".Length..^".g.cs".Length];
        Assert.Contains(type + ".Find(utf8)", run.Generated("E.City.PrepGen.g.cs"), StringComparison.Ordinal);
        Assert.Contains(type + ".Find(utf8)", run.Generated("E.CityOneHot.PrepGen.g.cs"), StringComparison.Ordinal);
        Assert.Contains(type + ".Find(utf8)", run.Generated("Demo.Row.FeatureRecord.g.cs"), StringComparison.Ordinal);

        // And it works: the three lookups answer from the one table.
        Type encoders = GeneratorHarness.Load(run).GetType("Demo.E")!;
        Assert.Equal(3L, encoders.GetMethod("City")!.Invoke(null, ["lima"]));
    }

    public static TheoryData<string> Edits() => ["insert a line above the layers", "edit an unrelated type", "rename an unrelated type", "edit an unrelated AdditionalFiles item"];

    [Theory]
    [MemberData(nameof(Edits))]
    public void Everyday_edits_leave_every_table_step_cached(string edit)
    {
        GeneratorRun first = First(out CSharpCompilation compilation);
        GeneratorDriver driver = first.Driver;
        SyntaxTree layers = compilation.SyntaxTrees.First();
        SyntaxTree other = compilation.SyntaxTrees.Last();
        CSharpCompilation edited = edit switch
        {
            "insert a line above the layers" => compilation.ReplaceSyntaxTree(layers, Reparse(layers, "// a comment\n\n" + Layers)),
            "edit an unrelated type" => compilation.ReplaceSyntaxTree(other, Reparse(other, Other.Replace("=> 1", "=> 2", StringComparison.Ordinal))),
            "rename an unrelated type" => compilation.ReplaceSyntaxTree(other, Reparse(other, Other.Replace("Other", "Renamed", StringComparison.Ordinal))),
            _ => compilation,
        };
        if (edit == "edit an unrelated AdditionalFiles item")
        {
            driver = driver.ReplaceAdditionalText(Unrelated, new TestAdditionalText(Unrelated.Path, "something else\n"));
        }

        GeneratorRun second = GeneratorHarness.Run(edited, driver);
        Assert.Empty(second.GeneratorDiagnostics);
        foreach (string step in Kept)
        {
            IncrementalStepRunReason[] reasons = Reasons(second, step);
            if (step == StepNames.StateFiles && edit == "edit an unrelated AdditionalFiles item")
            {
                // The edited item itself is read again (and only it).
                Assert.Single(reasons, r => r == IncrementalStepRunReason.Modified);
                Assert.Equal(3, reasons.Count(r => r == IncrementalStepRunReason.Cached));
                continue;
            }

            Assert.All(reasons, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, edit + ": " + step + " was " + r));
        }

        Assert.Equal(2, Reasons(second, StepNames.BuildTable).Length);
        Assert.All(Reasons(second, StepNames.BuildTable), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(second.Result.Results[0].TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, edit + ": an output was " + o.Reason));
    }

    [Fact]
    public void Inserting_a_line_above_a_layer_keeps_its_diagnostics_located()
    {
        const string broken = "using PrepGen;\nnamespace Demo;\npublic static partial class E\n{\n    [StringLookup(VocabularyFile = \"missing.txt\")]\n    public static partial long City(string value);\n}\n";
        CSharpCompilation compilation = GeneratorHarness.Compilation(broken);
        GeneratorRun first = GeneratorHarness.Run(compilation, GeneratorHarness.Driver(Vocabulary));
        Assert.Equal(4, Assert.Single(first.GeneratorDiagnostics).Location.GetLineSpan().StartLinePosition.Line);

        SyntaxTree tree = compilation.SyntaxTrees.Single();
        GeneratorRun second = GeneratorHarness.Run(compilation.ReplaceSyntaxTree(tree, Reparse(tree, "\n\n" + broken)), first.Driver);
        Assert.Equal(6, Assert.Single(second.GeneratorDiagnostics).Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void Editing_a_vocabulary_rebuilds_its_table_only()
    {
        GeneratorRun first = First(out CSharpCompilation compilation);
        GeneratorRun second = GeneratorHarness.Run(compilation, first.Driver.ReplaceAdditionalText(Words, new TestAdditionalText(Words.Path, "the\nsky\nsea\n")));
        IncrementalStepRunReason[] tables = Reasons(second, StepNames.BuildTable);
        Assert.Single(tables, r => r == IncrementalStepRunReason.Modified);
        Assert.Single(tables, r => r == IncrementalStepRunReason.Cached);

        // Only the record reads words.txt: every layer method's bind stays cached.
        Assert.All(Reasons(second, StepNames.Bind), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, "Bind was " + r));
    }

    [Theory]
    [InlineData("Zed", false)]   // sorts after Demo.E.City: the table keeps its owner and is not rebuilt
    [InlineData("Abc", true)]    // sorts first: it becomes the owner and builds the table in its own step
    public void Adding_a_layer_over_a_vocabulary_keeps_one_table(string ns, bool becomesOwner)
    {
        GeneratorRun first = First(out CSharpCompilation compilation);
        string added = "using PrepGen; namespace " + ns + "; public static partial class X { [StringLookup(VocabularyFile = \"v.txt\")] public static partial long M(string v); }";
        GeneratorRun second = GeneratorHarness.Run(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(added, GeneratorHarness.ParseOptions, "Added.cs")), first.Driver);
        Assert.Empty(second.GeneratorDiagnostics);
        Assert.Empty(second.CompileErrors);
        Assert.Equal(2, second.Result.Results[0].GeneratedSources.Count(s => s.HintName.StartsWith("PrepGen.Table.", StringComparison.Ordinal)));
        IncrementalStepRunReason[] tables = Reasons(second, StepNames.BuildTable);
        Assert.Equal(becomesOwner ? 1 : 0, tables.Count(r => r is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified));

        // Whoever owns it, the table's file is the same text (a function of the vocabulary alone).
        static string Table(GeneratorRun run) => run.Result.Results[0].GeneratedSources.Single(s => s.SourceText.ToString().Contains("%paris", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Equal(Table(first), Table(second));
    }

    /// <summary>
    /// As the STJ generator's CompilingEquivalentSourcesResultsInEqualModels: two independent compilations of
    /// the same layers, the second with the code moved down (other locations), give equal models and tables,
    /// so nothing a table step is keyed on depends on where the code is.
    /// </summary>
    [Fact]
    public void Equivalent_sources_at_other_locations_give_equal_models_and_tables()
    {
        GeneratorRun a = First(out _);
        GeneratorRun b = GeneratorHarness.Run(
            GeneratorHarness.Compilation("// moved down\n\n\n" + Layers, Other),
            GeneratorHarness.Driver(new TestAdditionalText(Vocabulary.Path, "paris\ntokyo\nlima\n"), Words, StatsFile, Unrelated));
        foreach (string step in new[] { StepNames.Model, StepNames.BindRecord, StepNames.TableOwners, StepNames.ShareTable, StepNames.BuildTable })
        {
            object[] left = Values(a, step);
            object[] right = Values(b, step);
            Assert.NotEmpty(left);
            Assert.Equal(left, right);
            Assert.All(left.Zip(right), pair => Assert.NotSame(pair.First, pair.Second));
        }

        // And the locations did move: the parse results differ.
        Assert.NotEqual(Values(a, StepNames.Parse), Values(b, StepNames.Parse));
    }

    [Fact]
    public void A_table_that_failed_to_build_still_compiles_and_throws_when_used()
    {
        GeneratorRun run = First(out _);
        var request = Values(run, StepNames.ShareTable).OfType<PrepGen.Generator.Tables.TableRequest>().Single(r => r.Vocabulary.Strings?.Contains("paris") == true);
        string failed = PrepGen.Generator.Emit.TableDataEmitter.Emit(PrepGen.Generator.Tables.BuiltTable.Failed(request, PrepGen.Generator.Model.DiagnosticInfo.Create(PrepGen.Generator.Diagnostics.Descriptors.InternalError, null, "the table", "boom")), "TestProject");
        Assert.Contains("PG9999", failed, StringComparison.Ordinal);

        SyntaxTree table = run.Output.SyntaxTrees.Single(t => t.FilePath.EndsWith(PrepGen.Generator.Emit.TableDataEmitter.HintName(request), StringComparison.Ordinal));
        Compilation replaced = run.Output.ReplaceSyntaxTree(table, CSharpSyntaxTree.ParseText(failed, GeneratorHarness.ParseOptions, table.FilePath));
        using var stream = new System.IO.MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emit = replaced.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        stream.Position = 0;
        Assembly assembly = new System.Runtime.Loader.AssemblyLoadContext("PrepGenFailedTable", isCollectible: true).LoadFromStream(stream);
        var thrown = Assert.Throws<TargetInvocationException>(() => assembly.GetType("Demo.E")!.GetMethod("City")!.Invoke(null, ["lima"]));
        Assert.IsType<InvalidOperationException>(thrown.InnerException);
        Assert.Contains("boom", thrown.InnerException!.Message, StringComparison.Ordinal);
    }

    private static object[] Values(GeneratorRun run, string step) =>
        run.Result.Results[0].TrackedSteps[step].SelectMany(r => r.Outputs).Select(o => o.Value).ToArray();

    /// <summary>
    /// Every object a PrepGen step or output holds, walked by reflection over the live values (as the STJ
    /// generator's tests do): no symbol, syntax, location or compilation, which would root a compilation and
    /// make every comparison fail; and nothing a table is keyed on holds even a LocationInfo.
    /// </summary>
    [Fact]
    public void No_step_holds_symbols_syntax_locations_or_compilations()
    {
        GeneratorRun run = First(out _);
        GeneratorRunResult result = run.Result.Results[0];
        Type[] forbidden = [typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location), typeof(Compilation), typeof(SemanticModel), typeof(AdditionalText), typeof(SourceText)];
        // PrepGen's named steps, by their outputs; the source outputs by what PrepGen feeds them (their own
        // outputs are the driver's generated texts).
        var values = result.TrackedSteps.Where(s => s.Key.StartsWith("PrepGen.", StringComparison.Ordinal))
            .SelectMany(s => s.Value.SelectMany(r => r.Outputs).Select(o => (Name: s.Key, o.Value)))
            .Concat(result.TrackedOutputSteps.SelectMany(s => s.Value.SelectMany(r => r.Inputs)
                .Select(i => (Name: "output of " + i.Source.Name, i.Source.Outputs[i.OutputIndex].Value))))
            .ToArray();
        Assert.Contains(values, v => v.Name == StepNames.BuildTable);
        Assert.Contains(values, v => v.Name.StartsWith("output of", StringComparison.Ordinal));
        int walked = 0;
        foreach ((string name, object value) in values)
        {
            Type[] banned = name is StepNames.Model or StepNames.ShareTable or StepNames.BuildTable or StepNames.TableOwners
                ? [.. forbidden, typeof(PrepGen.Generator.Model.LocationInfo)]
                : forbidden;
            walked += Walk(value, banned, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
        }

        Assert.True(walked > 100, "walked only " + walked + " objects");
    }

    private static int Walk(object? value, Type[] banned, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || value is Pointer)
        {
            return 0;
        }

        Type type = value.GetType();
        Assert.False(banned.Any(b => b.IsAssignableFrom(type)), path + " holds a " + type.FullName);
        if (!type.IsValueType && !seen.Add(value))
        {
            return 0;
        }

        // Descriptors are static metadata the compiler owns; their strings are localizable resources.
        if (value is DiagnosticDescriptor || value is Type || value is Delegate)
        {
            return 1;
        }

        int count = 1;
        if (value is Array array)
        {
            if (!type.GetElementType()!.IsPrimitive)
            {
                int i = 0;
                foreach (object? item in array)
                {
                    count += Walk(item, banned, path + "[" + i++ + "]", seen);
                }
            }

            return count;
        }

        for (Type? t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (FieldInfo field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType.IsPointer || field.FieldType.IsByRefLike)
                {
                    continue;
                }

                count += Walk(field.GetValue(value), banned, path + "." + field.Name, seen);
            }
        }

        return count;
    }

    private static IncrementalStepRunReason[] Reasons(GeneratorRun run, string step) =>
        run.Result.Results[0].TrackedSteps.TryGetValue(step, out var runs)
            ? runs.SelectMany(r => r.Outputs).Select(o => o.Reason).ToArray()
            : [];

    private static SyntaxTree Reparse(SyntaxTree tree, string text) => CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions, tree.FilePath);
}
