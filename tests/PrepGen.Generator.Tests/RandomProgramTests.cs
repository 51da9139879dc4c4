using System.Text;
using Microsoft.CodeAnalysis;

namespace PrepGen.Generator.Tests;

/// <summary>
/// Issue 11, "keep it hardened": many random programs of layer methods, records and pipelines, with option
/// values at and beyond their bounds, keyword and case-variant names, overloads, nested and generic types and
/// odd vocabulary bytes. Whatever the input, the generator never throws (no CS8785/AD0001), never hangs,
/// reports every failure as a located PG diagnostic, and what it generates compiles.
/// PREPGEN_RANDOM_PROGRAMS=N runs N programs per seed block instead of the default.
/// </summary>
public class RandomProgramTests
{
    private static readonly string[] Names = ["City", "city", "@class", "@event", "Encode", "hash", "prepgenHash", "M", "Value", "@object"];
    private static readonly string[] Ints = ["int.MinValue", "-1", "0", "1", "2", "3", "64", "65", "1000", "300000000", "int.MaxValue"];
    private static readonly string[] Modes = ["OutputMode.Int", "OutputMode.OneHot", "OutputMode.MultiHot", "OutputMode.Count", "OutputMode.TfIdf", "(OutputMode)(-1)", "(OutputMode)99"];

    private static readonly string[] StringVocabularies =
    [
        "new[] { \"a\", \"b\", \"c\" }", "new string[0]", "new[] { \"a\", \"a\" }", "new[] { \"a\", \"\\uD800\", \"\\uDC00\" }",
        "new[] { \"\", \"[UNK]\", \"x\" }", "new[] { \"\\uFFFD\", \"é\", \"日本\" }", "null",
    ];

    private static readonly string[] LongVocabularies = ["new long[] { 10, 20, 30 }", "new long[] { long.MinValue, long.MaxValue }", "new long[] { 1, 1 }", "new long[0]"];

    private static readonly byte[][] Files =
    [
        "a\nb\nc\n"u8.ToArray(), [], [0xEF, 0xBB, 0xBF, .. "a\nb\n"u8], "a\r\nb\r\n"u8.ToArray(), [0x61, 0x0A, 0xC3, 0x28, 0x0A],
        [0x61, 0x00, 0x00, 0x62, 0x0A], "1\n2\n3\n"u8.ToArray(), "1\n1\n"u8.ToArray(), "9223372036854775808\n"u8.ToArray(), "a\n\n\nb\n"u8.ToArray(),
        "{\"format\": 1, \"features\": {\"k\": {\"kind\": \"normalization\", \"mean\": [1], \"variance\": [4]}}}"u8.ToArray(),
        "{\"format\": 1, \"features\": {\"k\": {\"kind\": \"discretization\", \"bin_boundaries\": [0, 1]}}}"u8.ToArray(),
        "{\"format\": 1, \"features\": {,}}"u8.ToArray(), [0xEF, 0xBF, 0xBD, 0x0A, 0xFF, 0x0A],
    ];

    public static TheoryData<int> Seeds()
    {
        int count = int.TryParse(Environment.GetEnvironmentVariable("PREPGEN_RANDOM_PROGRAMS"), out int n) ? n : 60;
        var data = new TheoryData<int>();
        for (int i = 0; i < count; i++)
        {
            data.Add(20261203 + i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_random_program_never_breaks_the_generator(int seed)
    {
        var rng = new Random(seed);
        (string source, byte[] file) = Program(rng);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Compilation(source), GeneratorHarness.Driver(new TestAdditionalText("/p/state/v.txt", file)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "seed " + seed + " took " + clock.Elapsed);

        string context = "seed " + seed + "\n" + source;
        Assert.Null(run.Result.Results[0].Exception);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CS8785" or "CS8784" or "AD0001");
        Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Id is "CS8785" or "CS8784" or "AD0001");
        foreach (Diagnostic d in run.GeneratorDiagnostics)
        {
            Assert.True(d.Id.StartsWith("PG", StringComparison.Ordinal), d + "\n" + context);
            Assert.True(d.Id != "PG9999", d + "\n" + context);
            FileLinePositionSpan span = d.Location.GetLineSpan();
            Assert.True(d.Location != Location.None && span.IsValid && span.Path == "Source0.cs" && d.Location.SourceSpan.Length > 0, "unlocated: " + d + "\n" + context);
        }

        // What was generated compiles, and no error follows from a PG error (stubs): the only compiler errors
        // left would be in the user's own code, and the random programs are valid C#.
        Assert.True(run.CompileErrors.IsEmpty, string.Join("\n", run.CompileErrors) + "\n" + context);
    }

    private static (string Source, byte[] File) Program(Random rng)
    {
        var s = new StringBuilder("using System;\nusing PrepGen;\n");
        string ns = Pick(rng, ["", "namespace Demo;", "namespace @class.@event;", "namespace demo.Inner;"]);
        s.Append(ns).Append('\n');
        bool generic = rng.Next(3) == 0;
        string outer = Pick(rng, ["Host", "HOST", "@struct"]);
        s.Append("public static partial class ").Append(outer).Append(generic ? "<TX>" : "").Append("\n{\n");
        s.Append("    public static partial class E\n    {\n");
        var used = new HashSet<string>();
        int methods = rng.Next(2, 6);
        for (int i = 0; i < methods; i++)
        {
            string name = Pick(rng, Names);
            string? member = Method(rng, name, used);
            if (member is not null)
            {
                s.Append("        ").Append(member).Append('\n');
            }
        }

        s.Append("    }\n");
        if (rng.Next(2) == 0)
        {
            s.Append("    public static partial class e { [Hashing(NumBins = 3)] public static partial long City(string v); }\n");
        }

        if (!generic && rng.Next(2) == 0)
        {
            s.Append("    public static partial class Host_TX_ { [Hashing(NumBins = 2)] public static partial long M(long v); }\n");
        }

        s.Append(Record(rng));
        s.Append(Pipeline(rng));
        s.Append("}\n");
        return (s.ToString(), Pick(rng, Files));
    }

    /// <summary>One layer method; overloads appear by drawing the same name with another shape.</summary>
    private static string? Method(Random rng, string name, HashSet<string> used)
    {
        string p = Pick(rng, ["v", "@object", "hash", "prepgenHash", "value"]);
        string q = p == "b" ? "c" : "b";
        (string attribute, string signature) = rng.Next(9) switch
        {
            0 => ($"[StringLookup({Vocabulary(rng, strings: true)}, OutputMode = {Pick(rng, Modes)}, MaxTokens = {Pick(rng, Ints)}, NumOovIndices = {Pick(rng, ["0", "1", "2", "int.MaxValue", "-1"])})]",
                Pick(rng, [$"long {name}(string {p})", $"void {name}(string {p}, Span<float> {q})", $"void {name}(ReadOnlySpan<string> {p}, Span<float> {q})", $"long {name}(ReadOnlySpan<byte> {p})", $"double {name}(string {p})", $"void {name}(ref string {p})"])),
            1 => ($"[IntegerLookup({Vocabulary(rng, strings: false)}, OutputMode = {Pick(rng, Modes)}, OovMethod = {Pick(rng, ["OovMethod.FarmHash", "OovMethod.FloorMod", "(OovMethod)7"])}, NumOovIndices = {Pick(rng, ["1", "3", "-2"])}, Salt = {Pick(rng, ["1", "long.MinValue"])})]",
                Pick(rng, [$"long {name}(long {p})", $"int {name}(int {p})", $"void {name}(ReadOnlySpan<long> {p}, Span<long> {q})", $"void {name}(long {p}, Span<float> {q})"])),
            2 => ($"[Hashing(NumBins = {Pick(rng, Ints)}, OutputMode = {Pick(rng, Modes)}, MaskValue = {Pick(rng, ["\"\"", "0", "1.5", "\"\\uD800\""])})]",
                Pick(rng, [$"long {name}(string {p})", $"long {name}(long {p})", $"void {name}(ReadOnlySpan<long> {p}, Span<float> {q})"])),
            3 => ($"[HashedCrossing(NumBins = {Pick(rng, Ints)}, OutputMode = {Pick(rng, Modes)})]",
                Pick(rng, [$"long {name}(string {p}, long {q})", $"void {name}(string {p}, long {q}, Span<float> output)", $"long {name}(string {p})", $"long {name}(long hash, long prepgenHash_)"])),
            4 => ($"[CategoryEncoding(NumTokens = {Pick(rng, Ints)}, OutputMode = {Pick(rng, Modes)})]",
                Pick(rng, [$"void {name}(long {p}, Span<float> {q})", $"void {name}(ReadOnlySpan<long> {p}, Span<float> {q})"])),
            5 => ($"[TextVectorization({Vocabulary(rng, strings: true)}, Ngrams = {Pick(rng, Ints)}, OutputSequenceLength = {Pick(rng, Ints)}, OutputMode = {Pick(rng, Modes)}, Split = {Pick(rng, ["Split.Whitespace", "Split.Character", "(Split)5"])})]",
                Pick(rng, [$"int {name}(string {p}, Span<long> {q})", $"void {name}(string {p}, Span<float> {q})", $"void {name}(ReadOnlySpan<string> {p}, Span<long> {q})"])),
            6 => ($"[Normalization({Pick(rng, ["Mean = new[] { 1.0 }, Variance = new[] { 4.0 }", "Mean = new double[0], Variance = new double[0]", "Mean = new[] { double.NaN }, Variance = new[] { 1.0 }", "StatsFile = \"state/v.txt\", StatsKey = \"k\"", "StatsFile = \"v.txt\""])})]",
                Pick(rng, [$"void {name}(ReadOnlySpan<float> {p}, Span<float> {q})", $"float {name}(float {p})"])),
            7 => ($"[Discretization({Pick(rng, ["BinBoundaries = new[] { 0.0, 1.0 }", "BinBoundaries = new[] { 1.0, 0.0 }", "StatsFile = \"state/v.txt\", StatsKey = \"k\"", "BinBoundaries = new[] { double.NaN }"])}, OutputMode = {Pick(rng, Modes)})]",
                Pick(rng, [$"long {name}(float {p})", $"void {name}(float {p}, Span<float> {q})", $"void {name}(ReadOnlySpan<float> {p}, Span<long> {q})"])),
            _ => ($"[Rescaling(Scale = {Pick(rng, ["1.0 / 255", "double.NaN", "1e300"])}, Offset = {Pick(rng, ["0", "-1", "double.PositiveInfinity"])})]",
                Pick(rng, [$"void {name}(ReadOnlySpan<byte> {p}, Span<float> {q})", $"void {name}(ReadOnlySpan<float> {p}, Span<float> {q})"])),
        };

        // Two declarations with the same signature are the user's CS0111, not a generator matter: skip repeats.
        string key = System.Text.RegularExpressions.Regex.Replace(signature, @"\b(ref)\b|\s+@?\w+(?=[,)])", "").Replace(" ", "");
        key = key.Substring(key.IndexOf(name.TrimStart('@'), StringComparison.Ordinal));
        if (!used.Add(key) || p == q)
        {
            return null;
        }

        if (rng.Next(8) == 0)
        {
            attribute += attribute.StartsWith("[CategoryEncoding", StringComparison.Ordinal) ? "[Hashing(NumBins = 2)]" : "[CategoryEncoding(NumTokens = 2)]";
        }

        return attribute + " public static partial " + signature + ";";
    }

    private static string Vocabulary(Random rng, bool strings) => rng.Next(3) == 0
        ? "VocabularyFile = " + Pick(rng, ["\"state/v.txt\"", "\"v.txt\"", "\"missing.txt\"", "\"\""])
        : "Vocabulary = " + (strings ? Pick(rng, StringVocabularies) : Pick(rng, LongVocabularies));

    private static string Record(Random rng)
    {
        if (rng.Next(3) == 0)
        {
            return "";
        }

        var s = new StringBuilder();
        s.Append("    [FeatureRecord(IntegerOutput = ").Append(rng.Next(2) == 0 ? "true" : "false").Append(")]\n");
        s.Append("    public partial ").Append(Pick(rng, ["record", "record struct", "class", "struct"])).Append(' ').Append(Pick(rng, ["Row", "@record", "ROW"])).Append("\n    {\n");
        s.Append("        public string Text { get; init; }\n        public long Id { get; init; }\n        public float X { get; init; }\n");
        string[] members =
        [
            "[StringLookup(Vocabulary = new[] { \"a\", \"b\" })] public string @event { get; init; }",
            "[StringLookup(Vocabulary = new[] { \"a\", \"b\" }, OutputMode = OutputMode.OneHot)] private string City => Text;",
            "[Hashing(NumBins = 3)] public long @class;",
            "[HashedCrossing(NumBins = 5)] private (string, long) destination => (Text, Id);",
            "[HashedCrossing(NumBins = 8, OutputMode = OutputMode.OneHot)] private (long, long) Cross => (Id, Id);",
            "[TextVectorization(VocabularyFile = \"state/v.txt\", OutputSequenceLength = " + Pick(rng, Ints) + ")] private string Tokens => Text;",
            "[Normalization(Mean = new[] { 1.0, 2.0 }, Variance = new[] { 1.0, 4.0 })] public float[] prepgenValues { get; init; }",
            "[Normalization(StatsFile = \"state/v.txt\", StatsKey = \"k\")] private float Scaled => X;",
            "[Discretization(BinBoundaries = new[] { 0.0, 0.5 })] private float prepgenOne => X;",
            "[CategoryEncoding(NumTokens = " + Pick(rng, Ints) + ", OutputMode = OutputMode.OneHot)] private long Encoded => Id;",
            "[IntegerLookup(Vocabulary = new long[] { 1, 2 })] private long Looked => Id;",
            "[StringLookup(Vocabulary = new[] { \"a\" })] public DateTime When { get; init; }",
        ];
        int count = rng.Next(0, 5);
        var chosen = new HashSet<int>();
        for (int i = 0; i < count; i++)
        {
            chosen.Add(rng.Next(members.Length));
        }

        foreach (int i in chosen)
        {
            s.Append("        ").Append(members[i]).Append('\n');
        }

        if (rng.Next(3) == 0)
        {
            s.Append("        [IntegerLookup(VocabularyFile = \"state/v.txt\")] private static partial long Lookup(long value);\n");
        }

        s.Append("    }\n");
        return s.ToString();
    }

    private static string Pipeline(Random rng)
    {
        if (rng.Next(3) != 0)
        {
            return "";
        }

        string[] sizes = ["1", "4", "224", "46341", "65536", "100000", "0", "-1"];
        return "    [ImagePipeline(Height = " + Pick(rng, sizes) + ", Width = " + Pick(rng, sizes) + ", Channels = " + Pick(rng, ["1", "3", "0"]) + ")]" +
            Pick(rng, ["", "[Resizing(" + Pick(rng, sizes) + ", " + Pick(rng, sizes) + ")]", "[CenterCrop(" + Pick(rng, sizes) + ", " + Pick(rng, sizes) + ")]", "[RandomFlip(Mode = (FlipMode)9)]"]) +
            " public static partial class " + Pick(rng, ["Pipe", "@class"]) + " { }\n";
    }

    private static T Pick<T>(Random rng, T[] values) => values[rng.Next(values.Length)];
}
