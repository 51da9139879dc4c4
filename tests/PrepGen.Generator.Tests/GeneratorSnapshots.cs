using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using PrepGen.Generator.Emit;
using PrepGen.Tests.Shared;

namespace PrepGen.Generator.Tests;

/// <summary>
/// The one snapshot runner for generated code. A layer's or record's file is <c>NAME.g.cs.txt</c> in Snapshots/,
/// each shared table the run emits is <c>NAME.TYPE.g.cs.txt</c> (TYPE the table's class, e.g.
/// <c>StringTable_20821d321e76d967</c>). Microsoft.CodeAnalysis.Testing runs the generator, compares every
/// generated file (no more, no fewer) and compiles the result against the .NET 10 reference assemblies,
/// failing on any diagnostic.
/// <para>
/// The generator's version is written as <see cref="VersionToken"/> in the snapshots: generated files carry
/// the assembly's version (<c>GeneratedCode</c>, the header line), and a version bump must not rewrite them.
/// </para>
/// </summary>
internal static class GeneratorSnapshots
{
    public const string VersionToken = "<version>";

    private static readonly ReferenceAssemblies Net10 = new(
        "net10.0",
        new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.12"),
        Path.Combine("ref", "net10.0"));

    public static string Dir => RepoPaths.Of("tests", "PrepGen.Generator.Tests", "Snapshots");

    public static string PathOf(string name) => Path.Combine(Dir, name + ".g.cs.txt");

    /// <summary>
    /// Checks the generated files named by <paramref name="files"/> (snapshot name, hint name) and the tables the
    /// run emits (stored under the first name). <paramref name="mapped"/> marks the AdditionalFiles item
    /// <c>PrepGenTable="mapped"</c>, as MSBuild passes item metadata.
    /// </summary>
    public static async Task Verify(string source, (string Name, string Hint)[] files, (string Path, string Text)? additionalFile = null, bool mapped = false)
    {
        if (Snapshot.Updating)
        {
            Update(Run(source, additionalFile, mapped), files);
        }

        var test = new CSharpSourceGeneratorTest<PrepGenGenerator, DefaultVerifier>
        {
            ReferenceAssemblies = Net10,
            TestState =
            {
                Sources = { source },
            },
        };
        test.TestState.AdditionalReferences.AddRange(GeneratorHarness.PrepGenReferences); // every assembly the PrepGen package brings
        if (additionalFile is { } file)
        {
            test.TestState.AdditionalFiles.Add((file.Path, file.Text));
            if (mapped)
            {
                test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n\n[" + file.Path + "]\nbuild_metadata.AdditionalFiles.PrepGenTable = mapped\n"));
            }
        }

        foreach ((string name, string hint) in files)
        {
            test.TestState.GeneratedSources.Add((typeof(PrepGenGenerator), hint, Expected(PathOf(name))));
        }

        foreach (string path in TablePaths(files[0].Name))
        {
            string type = Path.GetFileName(path)[(files[0].Name.Length + 1)..^".g.cs.txt".Length];
            test.TestState.GeneratedSources.Add((typeof(PrepGenGenerator), "PrepGen.Table." + type + ".g.cs", Expected(path)));
        }

        await test.RunAsync();
    }

    /// <summary>Generated text as stored: the generator's version replaced by <see cref="VersionToken"/>.</summary>
    public static string Normalize(string generated) => generated
        .Replace("// PrepGen " + GeneratorVersion.Value + ": ", "// PrepGen " + VersionToken + ": ", StringComparison.Ordinal)
        .Replace("GeneratedCode(\"PrepGen\", \"" + GeneratorVersion.Value + "\")", "GeneratedCode(\"PrepGen\", \"" + VersionToken + "\")", StringComparison.Ordinal);

    private static SourceText Expected(string path) =>
        SourceText.From(Snapshot.Read(path)
            .Replace("// PrepGen " + VersionToken + ": ", "// PrepGen " + GeneratorVersion.Value + ": ", StringComparison.Ordinal)
            .Replace("GeneratedCode(\"PrepGen\", \"" + VersionToken + "\")", "GeneratedCode(\"PrepGen\", \"" + GeneratorVersion.Value + "\")", StringComparison.Ordinal), Encoding.UTF8);

    private static GeneratorRun Run(string source, (string Path, string Text)? file, bool mapped)
    {
        AdditionalText[] texts = file is { } f ? [new TestAdditionalText(f.Path, f.Text)] : [];
        GeneratorDriver driver = GeneratorHarness.Driver(texts);
        if (mapped)
        {
            driver = driver.WithUpdatedAnalyzerConfigOptions(new MappedFilesOptions(file!.Value.Path));
        }

        return GeneratorHarness.Run(GeneratorHarness.Compilation(source), driver);
    }

    /// <summary>Rewrites the snapshots of <paramref name="files"/> and of the run's tables (under the first name).</summary>
    private static void Update(GeneratorRun run, (string Name, string Hint)[] files)
    {
        foreach ((string name, string hint) in files)
        {
            File.WriteAllText(PathOf(name), Normalize(run.Generated(hint)));
        }

        foreach (string stale in TablePaths(files[0].Name))
        {
            File.Delete(stale);
        }

        foreach (GeneratedSourceResult table in run.Result.Results[0].GeneratedSources.Where(s => s.HintName.StartsWith("PrepGen.Table.", StringComparison.Ordinal)))
        {
            string type = table.HintName["PrepGen.Table.".Length..^".g.cs".Length];
            File.WriteAllText(Path.Combine(Dir, files[0].Name + "." + type + ".g.cs.txt"), Normalize(table.SourceText.ToString()));
        }
    }

    private static IEnumerable<string> TablePaths(string name) =>
        Directory.GetFiles(Dir, name + ".*Table_*.g.cs.txt").Order(StringComparer.Ordinal);
}
