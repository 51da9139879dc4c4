using Microsoft.CodeAnalysis;
using PrepGen.Generator.Model;
using PrepGen.Tests.Shared;

namespace PrepGen.Generator.Tests;

/// <summary>
/// One case per diagnostic (and per Keras rule behind PG0200-PG0205). Each asserts the ID, that it is
/// an error at the attribute (or the method name), and that a word of the message explains it.
/// </summary>
public class DiagnosticTests
{
    private const string Vocab = "Vocabulary = new[] { \"a\", \"b\" }";

    public static TheoryData<string, string, string, string> Cases() => new()
    {
        // id, members of a static partial class E, a file "v.txt" content (or "-" for none), a word of the message
        { "PG0001", "[StringLookup(" + Vocab + ")] public partial long M(string v);", "-", "not static" },
        { "PG0001", "[StringLookup(" + Vocab + ")] public static long M(string v) => 0;", "-", "partial" },
        { "PG0002", "[StringLookup(" + Vocab + ")] public static partial double M(string v);", "-", "long|int M(string|ReadOnlySpan<char>|ReadOnlySpan<byte>)" },
        { "PG0002", "[StringLookup(" + Vocab + ", OutputMode = OutputMode.MultiHot)] public static partial long M(string v);", "-", "ReadOnlySpan<string>" },
        { "PG0002", "[HashedCrossing(NumBins = 4)] public static partial long M(string a);", "-", "HashedCrossing" },
        { "PG0003", "[StringLookup(" + Vocab + ")][Hashing(NumBins = 3)] public static partial long M(string v);", "-", "Hashing" },
        { "PG0100", "[StringLookup(VocabularyFile = \"missing.txt\")] public static partial long M(string v);", "-", "missing.txt" },
        { "PG0102", "[StringLookup(VocabularyFile = \"v.txt\")] public static partial long M(string v);", "", "no entries" },
        { "PG0102", "[StringLookup(Vocabulary = new string[0])] public static partial long M(string v);", "-", "no entries" },
        { "PG0103", "[StringLookup(VocabularyFile = \"v.txt\")] public static partial long M(string v);", "a\nb\na\n", "line 3" },
        { "PG0103", "[IntegerLookup(Vocabulary = new long[] { 1, 2, 1 })] public static partial long M(long v);", "-", "entry 2" },
        { "PG0104", "[IntegerLookup(VocabularyFile = \"v.txt\")] public static partial long M(long v);", "10\n2x0\n", "line 2" },
        { "PG0104", "[StringLookup(VocabularyFile = \"v.txt\", OutputMode = OutputMode.TfIdf, IdfWeightsFile = \"w.txt\")] public static partial void M(System.ReadOnlySpan<string> v, System.Span<float> o);", "a\nb\n", "not a number" },
        { "PG0105", "[StringLookup(VocabularyFile = \"unreadable.txt\")] public static partial long M(string v);", "-", "could not be read" },
        { "PG0200", "[StringLookup(" + Vocab + ", MaxTokens = 1)] public static partial long M(string v);", "-", "MaxTokens must be greater than 1" },
        { "PG0200", "[StringLookup(" + Vocab + ", NumOovIndices = -1)] public static partial long M(string v);", "-", "NumOovIndices" },
        { "PG0206", "[StringLookup(" + Vocab + ", PadToMaxTokens = true, OutputMode = OutputMode.MultiHot)] public static partial void M(System.ReadOnlySpan<string> v, System.Span<float> o);", "-", "PadToMaxTokens requires MaxTokens" },
        { "PG0207", "[StringLookup(" + Vocab + ", Invert = true, OutputMode = OutputMode.MultiHot)] public static partial void M(System.ReadOnlySpan<string> v, System.Span<float> o);", "-", "Invert is not valid with OutputMode MultiHot" },
        { "PG0207", "[StringLookup(" + Vocab + ", IdfWeights = new[] { 1.0, 2.0 })] public static partial long M(string v);", "-", "IdfWeights is not valid with OutputMode Int" },
        { "PG0213", "[StringLookup(" + Vocab + ", SaltPair = new long[] { 1 })] public static partial long M(string v);", "-", "SaltPair has 1 value(s) but needs exactly 2" },
        { "PG0206", "[IntegerLookup(Vocabulary = new long[] { 1 }, Salt = 5)] public static partial long M(long v);", "-", "OovMethod.FarmHash" },
        { "PG0211", "[IntegerLookup(Vocabulary = new long[] { 1 }, MaskToken = \"x\")] public static partial long M(long v);", "-", "must be an integer" },
        { "PG0208", "[StringLookup(" + Vocab + ", OutputMode = (OutputMode)42)] public static partial long M(string v);", "-", "OutputMode = 42 is not a defined OutputMode value" },
        { "PG0200", "[Hashing(NumBins = 0)] public static partial long M(string v);", "-", "NumBins must be greater than 0, not 0" },
        { "PG0210", "[Hashing(NumBins = 3, OutputMode = OutputMode.TfIdf)] public static partial void M(System.ReadOnlySpan<string> v, System.Span<float> o);", "-", "OutputMode TfIdf is not supported; Keras accepts Int, OneHot, MultiHot, Count" },
        { "PG0211", "[Hashing(NumBins = 3, MaskValue = 5)] public static partial long M(string v);", "-", "MaskValue 5 must be a string: the method takes strings" },
        { "PG0209", "[Hashing(NumBins = 3, MaskValue = 1.5)] public static partial long M(string v);", "-", "unsupported type" },
        { "PG0210", "[HashedCrossing(NumBins = 3, OutputMode = OutputMode.MultiHot)] public static partial void M(string a, long b, System.Span<float> o);", "-", "not supported" },
        { "PG0210", "[CategoryEncoding(NumTokens = 3, OutputMode = OutputMode.Int)] public static partial long M(long v);", "-", "not supported" },
        { "PG0201", "[StringLookup(" + Vocab + ", VocabularyFile = \"v.txt\")] public static partial long M(string v);", "a\n", "VocabularyFile" },
        { "PG0201", "[Hashing(NumBins = 3, Salt = 1, SaltPair = new long[] { 1, 2 })] public static partial long M(string v);", "-", "SaltPair" },
        { "PG0202", "[StringLookup] public static partial long M(string v);", "-", "A vocabulary (Vocabulary, or VocabularyFile with state adapted by PrepGen.Adapt or the prepgen tool) is required" },
        { "PG0202", "[Hashing] public static partial long M(string v);", "-", "NumBins is required" },
        { "PG0206", "[StringLookup(" + Vocab + ", OutputMode = OutputMode.TfIdf)] public static partial void M(System.ReadOnlySpan<string> v, System.Span<float> o);", "-", "OutputMode.TfIdf requires IdfWeights or IdfWeightsFile" },
        { "PG0203", "[StringLookup(Vocabulary = new[] { \"a\", \"[MASK]\" }, MaskToken = \"[MASK]\")] public static partial long M(string v);", "-", "mask" },
        { "PG0203", "[StringLookup(Vocabulary = new[] { \"a\", \"[UNK]\" }, Invert = true)] public static partial string M(long i);", "-", "OOV" },
        { "PG0204", "[StringLookup(Vocabulary = new[] { \"a\", \"b\", \"c\" }, MaxTokens = 3)] public static partial long M(string v);", "-", "MaxTokens = 3" },
        { "PG0205", "[StringLookup(" + Vocab + ", OutputMode = OutputMode.TfIdf, IdfWeights = new[] { 1.0 })] public static partial void M(System.ReadOnlySpan<string> v, System.Span<float> o);", "-", "1 weights" },

        // TextVectorization (docs/keras-semantics.md, "TextVectorization" and the rules of "Lookup layers")
        { "PG0207", "[TextVectorization(" + Vocab + ", OutputMode = OutputMode.MultiHot, OutputSequenceLength = 4)] public static partial void M(string t, System.Span<float> o);", "-", "OutputSequenceLength is not valid with OutputMode MultiHot" },
        { "PG0200", "[TextVectorization(" + Vocab + ", OutputSequenceLength = -1)] public static partial int M(string t, System.Span<long> ids);", "-", "OutputSequenceLength must be > 0" },
        { "PG0206", "[TextVectorization(" + Vocab + ", OutputMode = OutputMode.TfIdf)] public static partial void M(string t, System.Span<float> o);", "-", "requires IdfWeights" },
        { "PG0207", "[TextVectorization(" + Vocab + ", IdfWeights = new[] { 1.0, 2.0 })] public static partial int M(string t, System.Span<long> ids);", "-", "idf weights are only used with OutputMode.TfIdf" },
        { "PG0201", "[TextVectorization(" + Vocab + ", Ngrams = 2, NgramWidths = new[] { 2, 3 })] public static partial int M(string t, System.Span<long> ids);", "-", "NgramWidths" },
        { "PG0200", "[TextVectorization(" + Vocab + ", Ngrams = -1)] public static partial int M(string t, System.Span<long> ids);", "-", "Ngrams must be >= 0" },
        { "PG0213", "[TextVectorization(" + Vocab + ", NgramWidths = new int[0])] public static partial int M(string t, System.Span<long> ids);", "-", "NgramWidths has 0 value(s) but needs at least one width" },
        { "PG0206", "[TextVectorization(" + Vocab + ")] public static partial void M(System.ReadOnlySpan<string> t, System.Span<long> ids);", "-", "The batch shape requires OutputSequenceLength" },
        { "PG0207", "[TextVectorization(" + Vocab + ", OutputMode = OutputMode.OneHot)] public static partial void M(string t, System.Span<float> o);", "-", "Split = Split.Whitespace is not valid with OutputMode OneHot" },
        { "PG0203", "[TextVectorization(Vocabulary = new[] { \"a\", \"\" })] public static partial int M(string t, System.Span<long> ids);", "-", "mask" },
        { "PG0204", "[TextVectorization(Vocabulary = new[] { \"a\", \"b\" }, MaxTokens = 3)] public static partial int M(string t, System.Span<long> ids);", "-", "MaxTokens = 3" },
        { "PG0208", "[TextVectorization(" + Vocab + ", Standardize = (Standardize)9)] public static partial int M(string t, System.Span<long> ids);", "-", "not a defined Standardize" },
    };

    // ---- Numeric layers (issue 4): Normalization, Discretization, Rescaling; "v.txt" holds a stats.json ----
    private const string NormSig = "public static partial void M(System.ReadOnlySpan<float> x, System.Span<float> y);";
    private const string BinSig = "public static partial long M(float x);";
    private const string FromStats = "StatsFile = \"v.txt\", StatsKey = \"price\"";
    private const string PriceNorm = "{\"format\": 1, \"features\": {\"price\": {\"kind\": \"normalization\", \"mean\": [1.0], \"variance\": [-4.0]}}}";

    public static TheoryData<string, string, string, string> NumericCases() => new()
    {
        { "PG0002", "[Normalization(Mean = new[] { 1.0 }, Variance = new[] { 1.0 })] public static partial float M(float x);", "-", "void M(ReadOnlySpan<float>, Span<float>)" },
        { "PG0002", "[Discretization(BinBoundaries = new[] { 1.0 })] public static partial long M(double x);", "-", "long|int M(float)" },
        { "PG0002", "[Rescaling(Scale = 2)] public static partial void M(System.ReadOnlySpan<int> x, System.Span<float> y);", "-", "ReadOnlySpan<float>|ReadOnlySpan<byte>" },
        { "PG0100", "[Normalization(StatsFile = \"missing.json\", StatsKey = \"price\")] " + NormSig, "-", "missing.json" },
        { "PG0104", "[Normalization(" + FromStats + ")] " + NormSig, "{\"format\": 1,\n \"features\": {,}}", "line 2: not valid JSON" },
        { "PG0104", "[Normalization(" + FromStats + ")] " + NormSig, "{\"format\": 1, \"features\": {\"price\": {\"kind\": \"normalization\", \"mean\": [1.0,], \"variance\": [1.0]}}}", "not valid JSON" },
        { "PG0104", "[Normalization(" + FromStats + ")] " + NormSig, "{\"format\": 2, \"features\": {}}", "stats format 2 is not supported" },
        { "PG0104", "[Normalization(" + FromStats + ")] " + NormSig, "{\"features\": {}}", "\"format\" member is missing" },
        { "PG0104", "[Normalization(" + FromStats + ")] " + NormSig, "{\"format\": 1, \"features\": {\"price\": {\"kind\": \"normalization\",\n\"mean\": [\"a\"], \"variance\": [1.0]}}}", "line 2: \"mean\"[0] of entry \"price\" is a string, not a number" },
        { "PG0104", "[Discretization(" + FromStats + ")] " + BinSig, "{\"format\": 1, \"features\": {\"price\": {\"kind\": \"discretization\"}}}", "needs \"bin_boundaries\"" },
        { "PG0106", "[Normalization(" + FromStats + ")] " + NormSig, "{\"format\": 1, \"features\": {\"age\": {\"kind\": \"normalization\", \"mean\": [1], \"variance\": [1]}}}", "has no entry \"price\" under \"features\" (its keys: \"age\")" },
        { "PG0107", "[Normalization(" + FromStats + ")] " + NormSig, "{\"format\": 1, \"features\": {\"price\": {\"kind\": \"discretization\", \"bin_boundaries\": [1]}}}", "has kind \"discretization\", but this layer reads kind \"normalization\"" },
        { "PG0107", "[Discretization(" + FromStats + ")] " + BinSig, PriceNorm, "reads kind \"discretization\"" },
        { "PG0215", "[Normalization(" + FromStats + ")] " + NormSig, PriceNorm, "StatsFile 'v.txt' key \"price\": Variance[0] = -4 is negative" },
        { "PG0213", "[Normalization(Mean = new[] { 1.0, 2.0 }, Variance = new[] { 1.0 })] " + NormSig, "-", "Variance has 1 value(s) but needs as many as Mean (2" },
        { "PG0213", "[Normalization(Mean = new double[0], Variance = new double[0])] " + NormSig, "-", "Mean has 0 value(s) but needs at least one" },
        { "PG0214", "[Normalization(Mean = new[] { 1e39 }, Variance = new[] { 1.0 })] " + NormSig, "-", "Mean[0] = 1E+39 is not a finite float32" },
        { "PG0214", "[Normalization(Mean = new[] { 0.0 }, Variance = new[] { double.PositiveInfinity })] " + NormSig, "-", "Variance[0] = Infinity is not a finite float32" },
        { "PG0216", "[Discretization(BinBoundaries = new[] { 0.0, 1.0, 0.5 })] " + BinSig, "-", "but [1] = 1 > [2] = 0.5" },
        { "PG0216", "[Discretization(BinBoundaries = new[] { 0.0, double.NaN })] " + BinSig, "-", "but [1] is NaN" },
        { "PG0210", "[Discretization(BinBoundaries = new[] { 0.0 }, OutputMode = OutputMode.TfIdf)] public static partial void M(System.ReadOnlySpan<float> x, System.Span<float> y);", "-", "not supported" },
        { "PG0214", "[Rescaling(Scale = double.NaN)] " + NormSig, "-", "Scale = NaN is not a finite float32" },
        { "PG0214", "[Rescaling(Scale = 1, Offset = 1e300)] " + NormSig, "-", "Offset = 1E+300 is not a finite float32" },
        { "PG0201", "[Normalization(Mean = new[] { 1.0 }, Variance = new[] { 1.0 }, " + FromStats + ")] " + NormSig, "-", "Mean/Variance and StatsFile" },
        { "PG0201", "[Discretization(BinBoundaries = new[] { 1.0 }, " + FromStats + ")] " + BinSig, "-", "BinBoundaries and StatsFile" },
        { "PG0206", "[Normalization(Mean = new[] { 1.0 })] " + NormSig, "-", "Mean requires Variance (Keras needs both or neither)" },
        { "PG0206", "[Normalization(Variance = new[] { 1.0 })] " + NormSig, "-", "Variance requires Mean" },
        { "PG0202", "[Normalization] " + NormSig, "-", "The state (Mean and Variance, or StatsFile with StatsKey: adapt with PrepGen.Adapt" },
        { "PG0206", "[Normalization(StatsFile = \"v.txt\")] " + NormSig, PriceNorm, "StatsFile requires StatsKey" },
        { "PG0206", "[Normalization(StatsKey = \"price\")] " + NormSig, "-", "StatsKey requires StatsFile" },
        { "PG0202", "[Discretization] " + BinSig, "-", "The state (BinBoundaries, or StatsFile with StatsKey" },
        { "PG0202", "[Rescaling(Offset = 1)] " + NormSig, "-", "Scale (e.g. Scale = 1.0 / 255) is required" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    [MemberData(nameof(NumericCases))]
    public void Reports_the_diagnostic(string id, string member, string file, string messagePart)
    {
        string source = "using PrepGen;\nnamespace Demo;\npublic static partial class E\n{\n    " + member + "\n}\n";
        var files = new List<(string, string?)>();
        if (file != "-")
        {
            files.Add(("/proj/v.txt", file));
        }

        files.Add(("/proj/w.txt", "1.0\nnope\n"));
        files.Add(("/proj/unreadable.txt", null));
        GeneratorRun run = GeneratorHarness.Run(source, files.ToArray());

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains(messagePart, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal("Source0.cs", diagnostic.Location.GetLineSpan().Path);

        // The error is the only one: no follow-on CS8795 (the method gets a body that throws), nothing wrong in
        // generated code, and no generated layer. (An instance method in a static class stays the compiler's CS0708:
        // no implementation could fix it.)
        bool instanceInStatic = run.CompileErrors.Any(e => e.Id == "CS0708");
        Assert.Empty(run.CompileErrors.Where(e => !(instanceInStatic && e.Id is "CS0708" or "CS8795")));
        Assert.All(run.Result.Results[0].GeneratedSources, s => Assert.Contains("not generated", s.SourceText.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Ambiguous_state_file_paths_are_reported()
    {
        GeneratorRun run = GeneratorHarness.Run(
            "using PrepGen; public static partial class E { [StringLookup(VocabularyFile = \"v.txt\")] public static partial long M(string v); }",
            ("/a/v.txt", "x\n"),
            ("/b/v.txt", "y\n"));
        Assert.Equal("PG0101", Assert.Single(run.GeneratorDiagnostics).Id);
    }

    [Fact]
    public void A_token_beyond_the_table_limit_is_reported()
    {
        string huge = new('x', 0xFFFFFF);
        GeneratorRun run = GeneratorHarness.Run(
            "using PrepGen; public static partial class E { [StringLookup(VocabularyFile = \"v.txt\")] public static partial long M(string v); }",
            ("/p/v.txt", "a\n" + huge + "\n"));
        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("PG0300", diagnostic.Id);
        Assert.Contains("limited to", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_replacement_character_in_a_vocabulary_file_is_accepted()
    {
        GeneratorRun run = GeneratorHarness.Run(
            "using PrepGen; public static partial class E { [TextVectorization(VocabularyFile = \"v.txt\", Split = Split.Character)] public static partial int M(string t, System.Span<long> ids); }",
            ("/p/v.txt", "a\n\uFFFD\n"));
        Assert.Empty(run.GeneratorDiagnostics);
    }

    private static DiagnosticDescriptor[] AllDescriptors() => typeof(PrepGen.Generator.Diagnostics.Descriptors)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToArray();

    [Fact]
    public void Every_descriptor_is_tested_and_documented()
    {
        // The theories above and the ID-asserting theories of other classes; the rest by the tests named here:
        // PG0005 by FeatureRecordTests, PG0108 by MappedTableTests, PG0212 and PG0302 by HardeningTests,
        // PG0301 by ImagePipelineTests, PG0101 and PG0300 by the facts above, PG9999 by GeneratorStepTests.
        var tested = Cases().Concat(NumericCases()).Select(c => (string)c[0])
            .Concat(ImagePipelineTests.Rejections().Concat(FeatureRecordTests.BadRecords()).Select(c => (string)c[1]))
            .Concat(["PG0005", "PG0101", "PG0108", "PG0212", "PG0300", "PG0301", "PG0302", "PG9999"])
            .ToHashSet();
        string docs = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "diagnostics.md")).ReplaceLineEndings("\n");
        string shipped = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Generator", "AnalyzerReleases.Unshipped.md"));
        foreach (DiagnosticDescriptor descriptor in AllDescriptors())
        {
            string id = descriptor.Id;
            Assert.True(tested.Contains(id), id + " has no test");
            Assert.True(shipped.Contains(id + " | " + descriptor.Category + " | Error", StringComparison.Ordinal), id + " is missing from AnalyzerReleases.Unshipped.md");

            // The section opens with the descriptor's title in bold, so the docs name the rule as the IDE does.
            string heading = "## " + id + "\n**" + descriptor.Title;
            Assert.True(docs.Contains(heading, StringComparison.Ordinal), id + ": docs/diagnostics.md has no section starting \"" + heading + "\"");
        }
    }

    [Fact]
    public void Each_ID_is_one_rule_and_its_message_names_the_problem()
    {
        DiagnosticDescriptor[] descriptors = AllDescriptors();
        Assert.Equal(descriptors.Length, descriptors.Select(d => d.Id).Distinct().Count());
        Assert.Equal(descriptors.Length, descriptors.Select(d => d.Title.ToString(System.Globalization.CultureInfo.InvariantCulture)).Distinct().Count());
        foreach (DiagnosticDescriptor descriptor in descriptors)
        {
            // A format that is only arguments ("{0}: {1}") hides which rule fired; users search and suppress by ID.
            string words = System.Text.RegularExpressions.Regex.Replace(descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), @"\{\d+\}", " ");
            Assert.True(System.Text.RegularExpressions.Regex.IsMatch(words, "[A-Za-z]{4,}"), descriptor.Id + "'s message names no problem: " + descriptor.MessageFormat);
        }
    }
}
