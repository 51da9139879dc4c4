using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using PrepGen.Generator;

// Issue 12: a generator run after an everyday edit must take <= 10% of the first run, measured with a
// GeneratorDriver (as the IDE and the compiler server drive generators) over a project whose layers and
// record read one 200,000-token vocabulary. Usage:
//   dotnet run -c Release --project benchmarks/PrepGen.Benchmarks.Incremental -- [--tokens 200000] [--runs 7]
int tokens = Option(args, "--tokens", 200_000);
int runs = Option(args, "--runs", 7);

const string Layers = """
    using System;
    using PrepGen;
    namespace Shop;
    public static partial class Encoders
    {
        [StringLookup(VocabularyFile = "state/vocab.txt")]
        public static partial long Product(string value);

        [StringLookup(VocabularyFile = "state/vocab.txt", NumOovIndices = 2)]
        public static partial long ProductBuckets(ReadOnlySpan<byte> utf8);

        [Hashing(NumBins = 64, Salt = 1337)]
        public static partial long Bucket(long value);
    }

    [FeatureRecord]
    public partial record Order
    {
        [StringLookup(VocabularyFile = "vocab.txt")]
        public string Product { get; init; } = "";

        [Hashing(NumBins = 16)]
        public long Store { get; init; }
    }
    """;

string Other(string name, int value) => "namespace Shop; public sealed class " + name + " { public int Value => " + value.ToString(CultureInfo.InvariantCulture) + "; }";

var vocabulary = new StringBuilder(tokens * 12);
for (int i = 0; i < tokens; i++)
{
    // Product-code-like tokens of 6-14 bytes, a few non-ASCII.
    vocabulary.Append(i % 97 == 0 ? "é" : "p").Append(((uint)(i * 2654435761u)).ToString("x", CultureInfo.InvariantCulture)).Append('-').Append(i.ToString(CultureInfo.InvariantCulture)).Append('\n');
}

var parse = new CSharpParseOptions(LanguageVersion.Latest);
string tpa = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
MetadataReference[] references = tpa.Split(System.IO.Path.PathSeparator)
    .Where(p => System.IO.Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || System.IO.Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
    .Append(typeof(PrepGen.StringLookupAttribute).Assembly.Location)
    .Append(typeof(PrepGen.Runtime.Encode).Assembly.Location)
    .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
    .ToArray();
SyntaxTree layersTree = CSharpSyntaxTree.ParseText(Layers, parse, "/shop/Encoders.cs");
SyntaxTree otherTree = CSharpSyntaxTree.ParseText(Other("Other", 0), parse, "/shop/Other.cs");
CSharpCompilation compilation = CSharpCompilation.Create("Shop", [layersTree, otherTree], references,
    new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
var vocab = new Text("/shop/state/vocab.txt", vocabulary.ToString());
var notes = new Text("/shop/notes.txt", "notes 0\n");

GeneratorDriver NewDriver() => CSharpGeneratorDriver.Create(
    [new PrepGenGenerator().AsSourceGenerator()], [vocab, notes], parse,
    driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

// JIT the generator and Roslyn once, then check the project generates cleanly.
GeneratorDriver warm = NewDriver().RunGenerators(compilation);
GeneratorRunResult check = warm.GetRunResult().Results[0];
if (check.Exception is not null || !check.Diagnostics.IsEmpty)
{
    Console.Error.WriteLine("the benchmark project does not generate cleanly: " + (check.Exception?.ToString() ?? string.Join("\n", check.Diagnostics)));
    return 2;
}

Console.WriteLine("PrepGen generator runs, " + tokens.ToString("N0", CultureInfo.InvariantCulture) + "-token vocabulary read by 2 layers and 1 record member (one shared table); " +
    check.GeneratedSources.Length + " generated files, " + (check.GeneratedSources.Sum(s => s.SourceText.Length) / 1024).ToString("N0", CultureInfo.InvariantCulture) + " KB; median of " + runs + " runs");
Console.WriteLine(Environment.ProcessorCount + " logical cores, " + System.Runtime.InteropServices.RuntimeInformation.OSDescription + ", .NET " + Environment.Version);
Console.WriteLine();

// First run: a fresh driver (a new IDE session, a build without the compiler server's cache).
double first = Median(runs, _ =>
{
    var stopwatch = Stopwatch.StartNew();
    NewDriver().RunGenerators(compilation);
    return stopwatch.Elapsed.TotalMilliseconds;
});
Console.WriteLine($"{"first run (fresh driver)",-44} {first,9:F1} ms");

// Each edit alternates between two states, so every timed run follows a real change.
var edits = new (string Name, Func<int, (CSharpCompilation, GeneratorDriver?)> Apply)[]
{
    ("insert a line above the layer methods", i => (compilation.ReplaceSyntaxTree(layersTree, CSharpSyntaxTree.ParseText(new string('\n', i % 2) + Layers, parse, layersTree.FilePath)), null)),
    ("edit an unrelated type", i => (compilation.ReplaceSyntaxTree(otherTree, CSharpSyntaxTree.ParseText(Other("Other", i % 2), parse, otherTree.FilePath)), null)),
    ("rename an unrelated type", i => (compilation.ReplaceSyntaxTree(otherTree, CSharpSyntaxTree.ParseText(Other(i % 2 == 0 ? "Other" : "Renamed", 0), parse, otherTree.FilePath)), null)),
    ("edit an unrelated AdditionalFiles item", i => (compilation, null)),
};

bool met = true;
foreach ((string name, Func<int, (CSharpCompilation, GeneratorDriver?)> apply) in edits)
{
    GeneratorDriver driver = NewDriver().RunGenerators(compilation);
    AdditionalText current = notes;
    double edit = Median(runs, i =>
    {
        (CSharpCompilation edited, _) = apply(i + 1);
        if (name.Contains("AdditionalFiles", StringComparison.Ordinal))
        {
            var next = new Text(notes.Path, "notes " + (i + 1).ToString(CultureInfo.InvariantCulture) + "\n");
            driver = driver.ReplaceAdditionalText(current, next);
            current = next;
        }

        var stopwatch = Stopwatch.StartNew();
        driver = driver.RunGenerators(edited);
        return stopwatch.Elapsed.TotalMilliseconds;
    });
    double ratio = edit / first;
    met &= ratio <= 0.10;
    Console.WriteLine($"{name,-44} {edit,9:F1} ms  {ratio * 100,5:F1}% of the first run{(ratio <= 0.10 ? "" : "  (target <= 10%: NOT met)")}");
}

Console.WriteLine();
Console.WriteLine(met ? "target met: every edit run <= 10% of the first run" : "target NOT met");
return met ? 0 : 1;

static double Median(int runs, Func<int, double> run)
{
    var times = new List<double>();
    for (int i = 0; i < runs; i++)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        times.Add(run(i));
    }

    times.Sort();
    return times[times.Count / 2];
}

static int Option(string[] args, string name, int fallback)
{
    int at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

/// <summary>An in-memory AdditionalFiles item, decoded as the compiler decodes a valid UTF-8 file.</summary>
internal sealed class Text(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text, new UTF8Encoding(false, throwOnInvalidBytes: true));

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
