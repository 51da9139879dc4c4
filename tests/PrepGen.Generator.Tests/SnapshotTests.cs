using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace PrepGen.Generator.Tests;

/// <summary>
/// The generated code, file for file, against committed snapshots in Snapshots/ (reviewed by a person, so
/// a change to the emitted code shows up in the diff). Run with PREPGEN_UPDATE_SNAPSHOTS=1 to rewrite them.
/// Uses Microsoft.CodeAnalysis.Testing, which also compiles the result and fails on any diagnostic.
/// </summary>
public class SnapshotTests
{
    internal static readonly ReferenceAssemblies Net10 = new(
        "net10.0",
        new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.12"),
        Path.Combine("ref", "net10.0"));

    public static TheoryData<string, string, string?> Cases() => new()
    {
        {
            "StringLookupMaskAndOovBuckets",
            """[StringLookup(VocabularyFile = "state/city.txt", MaskToken = "[MASK]", NumOovIndices = 2)] public static partial long City(ReadOnlySpan<byte> utf8);""",
            "new york\nlondon\nparis\ntokyo\n"
        },
        {
            "StringLookupTfIdfPadded",
            """[StringLookup(Vocabulary = new[] { "one", "two", "three" }, OutputMode = OutputMode.TfIdf, IdfWeights = new[] { 0.1, 0.2, 0.3 }, MaxTokens = 6, PadToMaxTokens = true)] public static partial void Words(ReadOnlySpan<string> values, Span<float> output);""",
            null
        },
        {
            "StringLookupInvert",
            """[StringLookup(Vocabulary = new[] { "", "[OOV]", "one", "two" }, MaskToken = "", OovToken = "[OOV]", Invert = true)] public static partial string Word(long index);""",
            null
        },
        {
            "IntegerLookupFarmHashSaltBatch",
            """[IntegerLookup(Vocabulary = new long[] { 10, 20, 30 }, NumOovIndices = 3, OovMethod = OovMethod.FarmHash, SaltPair = new long[] { 133, -137 })] public static partial void Rooms(ReadOnlySpan<long> values, Span<long> indices);""",
            null
        },
        {
            "HashingMaskCount",
            """[Hashing(NumBins = 4, MaskValue = "", OutputMode = OutputMode.Count)] public static partial void Tags(ReadOnlySpan<string> values, Span<float> output);""",
            null
        },
        {
            "HashedCrossingOneHot",
            """[HashedCrossing(NumBins = 5, OutputMode = OutputMode.OneHot)] public static partial void Cross(string a, long b, Span<float> output);""",
            null
        },
        {
            "CategoryEncodingWeightedCount",
            """[CategoryEncoding(NumTokens = 6, OutputMode = OutputMode.Count)] public static partial void Amenities(ReadOnlySpan<long> ids, ReadOnlySpan<float> countWeights, Span<float> output);""",
            null
        },
        {
            "TextVectorizationIntBigramsSeq8",
            """[TextVectorization(Vocabulary = new[] { "the", "brain", "the brain", "sky", "wider" }, Ngrams = 2, OutputSequenceLength = 8)] public static partial int Tokens(ReadOnlySpan<char> text, Span<long> tokenIds);""",
            null
        },
    };

    // ---- Numeric layers (issue 4). The harness's one state file is state/city.txt: here it holds a stats.json. ----
    public static TheoryData<string, string, string?> NumericCases() => new()
    {
        {
            "NormalizationThreeFeatures",
            """[Normalization(Mean = new[] { 0.485, 0.456, 0.406 }, Variance = new[] { 0.052441, 0.050176, 0.0 })] public static partial void Pixels(ReadOnlySpan<float> input, Span<float> output);""",
            null
        },
        {
            "NormalizationStatsFileInvert",
            """[Normalization(StatsFile = "state/city.txt", StatsKey = "price", Invert = true)] public static partial void Price(ReadOnlySpan<float> input, Span<float> output);""",
            "{\n  \"format\": 1,\n  \"features\": {\n    \"price\": { \"kind\": \"normalization\", \"mean\": [-0.0], \"variance\": [1.44], \"count\": 10 }\n  }\n}\n"
        },
        {
            "DiscretizationIntBatch",
            """[Discretization(BinBoundaries = new[] { 0.0, 0.1, 0.5, 1e300 })] public static partial void Bins(ReadOnlySpan<float> values, Span<long> bins);""",
            null
        },
        {
            "DiscretizationOneHot",
            """[Discretization(BinBoundaries = new[] { 18.0, 30.0, 45.0 }, OutputMode = OutputMode.OneHot)] public static partial void Age(float value, Span<float> output);""",
            null
        },
        {
            "RescalingBytes",
            """[Rescaling(Scale = 1.0 / 255)] public static partial void Pixels(ReadOnlySpan<byte> input, Span<float> output);""",
            null
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    [MemberData(nameof(NumericCases))]
    public async Task Generated_code_matches_the_snapshot(string name, string member, string? vocabulary)
    {
        string source = "using System;\nusing PrepGen;\n\nnamespace Demo;\n\npublic static partial class Encoders\n{\n    " + member + "\n}\n";
        string methodName = member.Substring(member.IndexOf("partial ", StringComparison.Ordinal)).Split(' ', '(')[2];
        string hintName = "Demo.Encoders." + methodName + ".PrepGen.g.cs";
        string snapshot = SnapshotFiles.PathOf(name);

        if (Environment.GetEnvironmentVariable("PREPGEN_UPDATE_SNAPSHOTS") == "1")
        {
            var files = vocabulary is null ? [] : new[] { ("/0/state/city.txt", (string?)vocabulary) };
            SnapshotFiles.Update(GeneratorHarness.Run(source, files), (name, hintName));
        }

        Assert.True(File.Exists(snapshot), "missing snapshot " + snapshot + " (run with PREPGEN_UPDATE_SNAPSHOTS=1)");
        var test = new CSharpSourceGeneratorTest<PrepGenGenerator, DefaultVerifier>
        {
            ReferenceAssemblies = Net10,
            TestState =
            {
                Sources = { source },
                GeneratedSources = { (typeof(PrepGenGenerator), hintName, SourceText.From(File.ReadAllText(snapshot), Encoding.UTF8)) },
            },
        };
        test.TestState.AdditionalReferences.AddRange(GeneratorHarness.PrepGenReferences);
        if (vocabulary is not null)
        {
            test.TestState.AdditionalFiles.Add(("/0/state/city.txt", vocabulary));
        }

        foreach ((string hint, string text) in SnapshotFiles.Tables(name))
        {
            test.TestState.GeneratedSources.Add((typeof(PrepGenGenerator), hint, SourceText.From(text, Encoding.UTF8)));
        }

        await test.RunAsync();
    }
}
