using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace PrepGen.Generator.Tests;

/// <summary>An in-memory AdditionalFiles item; <c>null</c> text models a file the compiler could not read.</summary>
internal sealed class TestAdditionalText : AdditionalText
{
    private readonly SourceText? _text;

    /// <summary>Text as the compiler reads a valid UTF-8 file: the encoding is strict UTF-8.</summary>
    public TestAdditionalText(string path, string? text)
    {
        Path = path;
        _text = text is null ? null : SourceText.From(text, new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true));
    }

    /// <summary>
    /// Raw bytes, decoded by the compiler's own decoder (Roslyn's internal EncodedStringText.Create, what csc
    /// calls for AdditionalFiles): BOM detection, strict UTF-8, and on invalid bytes a second decode that
    /// replaces them with U+FFFD.
    /// </summary>
    public TestAdditionalText(string path, byte[] bytes)
    {
        Path = path;
        System.Reflection.MethodInfo create = typeof(SourceText).Assembly.GetType("Microsoft.CodeAnalysis.Text.EncodedStringText", throwOnError: true)!
            .GetMethods(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic)
            .Single(m => m.Name == "Create" && m.GetParameters().Length == 4 && m.GetParameters()[1].ParameterType == typeof(System.Text.Encoding));
        try
        {
            _text = (SourceText)create.Invoke(null, [new System.IO.MemoryStream(bytes), null, SourceHashAlgorithm.Sha256, false])!;
        }
        catch (System.Reflection.TargetInvocationException ex) when (ex.InnerException is System.IO.InvalidDataException)
        {
            _text = null;   // a binary file: the compiler reports CS2015 and gives the generator no text
        }
    }

    public override string Path { get; }

    public override SourceText? GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>The result of one generator run over a compilation.</summary>
internal sealed record GeneratorRun(
    GeneratorDriver Driver,
    GeneratorDriverRunResult Result,
    Compilation Output,
    ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    /// <summary>Compiler errors of the compilation after generation (user code plus generated code).</summary>
    public ImmutableArray<Diagnostic> CompileErrors =>
        Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();

    /// <summary>The generated files of layers and records, without the shared tables (<c>PrepGen.Table.*</c>).</summary>
    public ImmutableArray<GeneratedSourceResult> LayerSources =>
        Result.Results[0].GeneratedSources.Where(s => !s.HintName.StartsWith("PrepGen.Table.", StringComparison.Ordinal)).ToImmutableArray();

    public string Generated(string hintNameEnd) =>
        Result.Results[0].GeneratedSources.Single(s => s.HintName.EndsWith(hintNameEnd, StringComparison.Ordinal)).SourceText.ToString();
}

/// <summary>Runs <see cref="PrepGenGenerator"/> in memory, the way the compiler does.</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<MetadataReference[]> References = new(() =>
    {
        string tpa = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        return tpa.Split(System.IO.Path.PathSeparator)
            .Where(p => System.IO.Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || System.IO.Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Concat(PrepGenAssemblies)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray();
    });

    /// <summary>
    /// What the package's lib/ gives a consumer: the attributes, the runtime, and the imaging and CUDA
    /// assemblies that generated image pipelines name.
    /// </summary>
    public static IEnumerable<string> PrepGenAssemblies =>
    [
        typeof(PrepGen.StringLookupAttribute).Assembly.Location,
        typeof(PrepGen.Runtime.Encode).Assembly.Location,
        typeof(PrepGen.Imaging.ImagePipelineSpec).Assembly.Location,
        typeof(PrepGen.Cuda.CudaImagePipeline).Assembly.Location,
    ];

    /// <summary><see cref="PrepGenAssemblies"/> as references for Microsoft.CodeAnalysis.Testing.</summary>
    public static IEnumerable<MetadataReference> PrepGenReferences => PrepGenAssemblies.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static CSharpCompilation Compilation(params string[] sources) =>
        CSharpCompilation.Create(
            "TestProject",   // Microsoft.CodeAnalysis.Testing's name: the shared tables' namespace agrees with the snapshot tests
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: "Source" + i + ".cs")),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: false));

    public static GeneratorDriver Driver(params AdditionalText[] files) =>
        CSharpGeneratorDriver.Create(
            new[] { new PrepGenGenerator().AsSourceGenerator() },
            files,
            ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(string source, params (string Path, string? Text)[] files) =>
        Run(Compilation(source), Driver(files.Select(f => (AdditionalText)new TestAdditionalText(f.Path, f.Text)).ToArray()));

    public static GeneratorRun Run(Compilation compilation, GeneratorDriver driver)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        return new GeneratorRun(driver, driver.GetRunResult(), output, diagnostics);
    }

    /// <summary>Emits the generated compilation and loads it into a collectible context.</summary>
    public static Assembly Load(GeneratorRun run)
    {
        using var stream = new System.IO.MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emit = run.Output.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        stream.Position = 0;
        return new AssemblyLoadContext("PrepGenTest" + Guid.NewGuid(), isCollectible: true).LoadFromStream(stream);
    }
}

/// <summary>AnalyzerConfig options as MSBuild passes item metadata: <c>PrepGenTable="mapped"</c> on chosen files.</summary>
internal sealed class MappedFilesOptions : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider
{
    private readonly HashSet<string> _mapped;

    public MappedFilesOptions(params string[] mappedPaths) => _mapped = new HashSet<string>(mappedPaths, StringComparer.Ordinal);

    public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GlobalOptions => new Options(null);

    public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(null);

    public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        new Options(_mapped.Contains(textFile.Path) ? "mapped" : null);

    private sealed class Options(string? table) : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
        {
            value = key == "build_metadata.AdditionalFiles.PrepGenTable" ? table : null;
            return value is not null;
        }
    }
}
