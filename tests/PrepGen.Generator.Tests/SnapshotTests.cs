using System.Threading.Tasks;

namespace PrepGen.Generator.Tests;

/// <summary>
/// Each layer's generated code, file for file, against committed snapshots in Snapshots/ (<see cref="GeneratorSnapshots"/>).
/// Run with PREPGEN_UPDATE_SNAPSHOTS=1 to rewrite them.
/// </summary>
public class SnapshotTests
{
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
        await GeneratorSnapshots.Verify(source, [(name, hintName)], vocabulary is null ? null : ("/0/state/city.txt", vocabulary));
    }
}
