using System.Text;
using PrepGen.Parity.Tests.Layers;

namespace PrepGen.Parity.Tests;

/// <summary>
/// docs/api-contract.md, "Calling shapes": generated layers allocate nothing on the managed heap for span (and scalar)
/// inputs. Each case runs 1000 calls after a warm-up and measures GC.GetAllocatedBytesForCurrentThread().
/// Runs alone (no other test class in parallel): GC.GetAllocatedBytesForCurrentThread was seen to report a few
/// hundred to a few thousand bytes over 1000 calls, for old and new cases alike, when allocation-heavy tests (the
/// TextVectorization differential tests) ran beside it on a loaded machine.
/// </summary>
[Collection(nameof(ZeroAllocationTests))]
public sealed class ZeroAllocationTests
{
    private const int Calls = 1000;

    private static readonly byte[] Utf8Token = Encoding.UTF8.GetBytes("東京");
    private static readonly byte[] Utf8Oov = Encoding.UTF8.GetBytes("naïveté");
    private static readonly string CharsToken = "café";
    private static readonly string[] Strings = { "a", "東京", "x", "😀", "café" };
    private static readonly string[] Ids = { "one", "two", "four", "two" };
    private static readonly long[] Longs = { 1, 2, 3, 4, 99 };
    private static readonly long[] Categories = { 0, 1, 1, 3, 5 };
    private static readonly float[] Weights = { 0.5f, 1f, 1f, 2f, 0.25f };
    private static readonly long[] LongOut = new long[8];
    private static readonly float[] FloatOut = new float[8];
    private static long _sink;

    // TextVectorization documents; the long ones (> 2 KB of UTF-8, more than any stack buffer) use pooled buffers.
    private static readonly string Document = "foo qux bar baz foo";
    private static readonly byte[] DocumentUtf8 = Encoding.UTF8.GetBytes(Document);
    private static readonly string[] Documents = { "foo qux bar", "qux baz", "", "baz bada boom foo bar" };
    private static readonly string LongDocument = string.Join(" ", Enumerable.Repeat("Foo, qux BAR baz! ξεῖν᾽ 😀 foo", 120));
    private static readonly byte[] LongDocumentUtf8 = Encoding.UTF8.GetBytes(LongDocument);
    private static readonly long[] LongIds = new long[16];
    private static readonly long[] ManyIds = new long[1 << 14];
    private static readonly float[] TextFloats = new float[16];
    private static readonly float[] ManyFloats = new float[4096];

    private static readonly Dictionary<string, Action> Cases = new()
    {
        ["StringLookup ReadOnlySpan<byte> -> long"] = static () => _sink += GuideLayers.WorldUtf8(Utf8Token) + GuideLayers.WorldUtf8(Utf8Oov),
        ["StringLookup ReadOnlySpan<char> -> long"] = static () => _sink += GuideLayers.WorldChars(CharsToken.AsSpan()),
        ["StringLookup string -> long"] = static () => _sink += GuideLayers.WorldString(CharsToken),
        ["StringLookup invert long -> string"] = static () => _sink += StringLookupLayers.InvertBasic(2).Length,
        ["Hashing ReadOnlySpan<byte> -> long (FarmHash)"] = static () => _sink += GuideLayers.FarmUtf8(Utf8Token),
        ["Hashing ReadOnlySpan<char> -> long (FarmHash)"] = static () => _sink += GuideLayers.FarmChars(CharsToken.AsSpan()),
        ["Hashing ReadOnlySpan<byte> -> long (SipHash)"] = static () => _sink += GuideLayers.SipUtf8(Utf8Token),
        ["Hashing ReadOnlySpan<char> -> long (SipHash)"] = static () => _sink += GuideLayers.SipChars(CharsToken.AsSpan()),
        ["Hashing ReadOnlySpan<byte> masked -> long"] = static () => _sink += HashingLayers.FarmhashSparseMaskOmar3(Utf8Token),
        ["Hashing long -> long"] = static () => _sink += GuideLayers.FarmLong(123456789) + HashingLayers.SiphashInt133137x3(-42),
        ["IntegerLookup long -> long"] = static () => _sink += IntegerLookupLayers.Mask0(2) + IntegerLookupLayers.OovFarmhash4(400) + IntegerLookupLayers.VocabFile(20),
        ["IntegerLookup invert long -> long"] = static () => _sink += IntegerLookupLayers.Invert(2),
        ["HashedCrossing (string, long) -> long"] = static () => _sink += HashedCrossingLayers.Int5("A", 101),
        ["StringLookup ReadOnlySpan<string> -> Span<long>"] = static () => GuideLayers.WorldBatch(Strings, LongOut),
        ["Hashing ReadOnlySpan<string> -> Span<long>"] = static () => HashingLayers.FarmhashWireFlat2(Strings, LongOut),
        ["IntegerLookup ReadOnlySpan<long> -> Span<long>"] = static () => IntegerLookupLayers.FixedVocab(Longs, LongOut),
        ["Hashing ReadOnlySpan<long> -> Span<long>"] = static () => HashingLayers.ListInput2(Longs, LongOut),
        ["StringLookup multi_hot ReadOnlySpan<string> -> Span<float>"] = static () => IndexLookupLayers.OutputMultiHot(Ids, FloatOut),
        ["StringLookup count ReadOnlySpan<string> -> Span<float>"] = static () => IndexLookupLayers.OutputCountBatch(Ids, FloatOut),
        ["StringLookup tf_idf ReadOnlySpan<string> -> Span<float>"] = static () => IndexLookupLayers.OutputTfIdf(Ids, FloatOut),
        ["StringLookup one_hot ReadOnlySpan<byte> -> Span<float>"] = static () => GuideLayers.WorldOneHotUtf8(Utf8Token, FloatOut),
        ["StringLookup one_hot ReadOnlySpan<char> -> Span<float>"] = static () => GuideLayers.WorldOneHotChars(CharsToken.AsSpan(), FloatOut),
        ["IntegerLookup multi_hot ReadOnlySpan<long> -> Span<float>"] = static () => IndexLookupLayers.PadToMaxMultiHot(Longs, FloatOut),
        ["IntegerLookup tf_idf ReadOnlySpan<long> -> Span<float>"] = static () => GuideLayers.IntegerTfIdf(Longs, FloatOut),
        ["IntegerLookup one_hot long -> Span<float>"] = static () => IntegerLookupLayers.OneHotRank2(3, FloatOut),
        ["Hashing count ReadOnlySpan<long> -> Span<float>"] = static () => HashingLayers.CountInt3(Longs, FloatOut),
        ["Hashing one_hot ReadOnlySpan<byte> -> Span<float>"] = static () => GuideLayers.HashOneHotUtf8(Utf8Token, FloatOut),
        ["HashedCrossing one_hot -> Span<float>"] = static () => HashedCrossingLayers.OneHot5("B", 102, FloatOut),
        ["CategoryEncoding count ReadOnlySpan<long> -> Span<float>"] = static () => CategoryEncodingLayers.Count6(Categories, FloatOut),
        ["CategoryEncoding count weights -> Span<float>"] = static () => CategoryEncodingLayers.CountWeighted6(Categories, Weights, FloatOut),
        ["CategoryEncoding multi_hot ReadOnlySpan<long> -> Span<float>"] = static () => CategoryEncodingLayers.MultiHot6(Categories, FloatOut),
        ["CategoryEncoding one_hot long -> Span<float>"] = static () => CategoryEncodingLayers.OneHot6(4, FloatOut),
        ["TextVectorization int ReadOnlySpan<byte> -> Span<long>"] = static () => _sink += TextVectorizationLayers.Ragged(DocumentUtf8, LongIds),
        ["TextVectorization int ReadOnlySpan<char> -> Span<long>"] = static () => _sink += TextVectorizationLayers.FixedVocabSeq4(Document.AsSpan(), LongIds),
        ["TextVectorization int string -> Span<long>"] = static () => _sink += TextVectorizationLayers.AdaptSeq4(Document, LongIds),
        ["TextVectorization multi_hot string -> Span<float>"] = static () => TextVectorizationLayers.MultiHot(Document, TextFloats),
        ["TextVectorization count ReadOnlySpan<char> -> Span<float>"] = static () => TextVectorizationLayers.Count(Document.AsSpan(), TextFloats),
        ["TextVectorization tf_idf ReadOnlySpan<byte> -> Span<float>"] = static () => TextVectorizationLayers.TfIdf(DocumentUtf8, TextFloats),
        ["TextVectorization int batch ReadOnlySpan<string> -> Span<long>"] = static () => TextVectorizationLayers.FixedVocabSeq4Batch(Documents, LongIds),
        ["TextVectorization multi_hot batch ReadOnlySpan<string> -> Span<float>"] = static () => TextVectorizationLayers.MultiHotBatch(Documents, TextFloats),
        ["TextVectorization tf_idf batch ReadOnlySpan<string> -> Span<float>"] = static () => TextVectorizationLayers.TfIdfBatch(Documents, TextFloats),
        ["TextVectorization int > 2 KB ReadOnlySpan<byte> -> Span<long>"] = static () => _sink += TextVectorizationLayers.Ragged(LongDocumentUtf8, ManyIds),
        ["TextVectorization int > 2 KB ReadOnlySpan<char> -> Span<long>"] = static () => _sink += TextDifferentialLayers.LpsWsN2Chars(LongDocument.AsSpan(), ManyIds),
        ["TextVectorization int > 2 KB string -> Span<long>"] = static () => _sink += TextVectorizationLayers.AdaptSeq4(LongDocument, LongIds),
        ["TextVectorization int > 2 KB character split, trigrams ReadOnlySpan<byte>"] = static () => _sink += TextDifferentialLayers.NonChW23Utf8(LongDocumentUtf8, ManyIds),
        ["TextVectorization multi_hot > 2 KB string -> Span<float>"] = static () => TextVectorizationLayers.MultiHot(LongDocument, TextFloats),
        ["TextVectorization tf_idf > 2 KB ReadOnlySpan<byte> -> Span<float>"] = static () => TextVectorizationLayers.TfIdf(LongDocumentUtf8, TextFloats),
        ["TextVectorization count > 2 KB ReadOnlySpan<byte> -> Span<float>"] = static () => TextDifferentialLayers.LowWsN2Count(LongDocumentUtf8, ManyFloats),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys.Concat(NumericCases.Keys));

    // ---- Numeric layers (issue 4): inputs long enough for the SIMD paths and their scalar tails ----
    private static readonly float[] NumericInput = Enumerable.Range(0, 99).Select(i => (i * 0.731f) - 20f).ToArray();
    private static readonly byte[] ByteInput = Enumerable.Range(0, 131).Select(i => (byte)(i * 3)).ToArray();
    private static readonly float[] NumericOut = new float[131];
    private static readonly long[] BinsOut = new long[99];

    private static readonly Dictionary<string, Action> NumericCases = new()
    {
        ["Normalization 3 features ReadOnlySpan<float> -> Span<float>"] = static () => NormalizationLayers.Rgb(NumericInput, NumericOut),
        ["Normalization broadcast ReadOnlySpan<float> -> Span<float>"] = static () => NormalizationLayers.Broadcast(NumericInput, NumericOut),
        ["Normalization invert ReadOnlySpan<float> -> Span<float>"] = static () => NormalizationLayers.GuideInverse(NumericInput, NumericOut),
        ["Rescaling ReadOnlySpan<float> -> Span<float>"] = static () => RescalingLayers.Centered(NumericInput, NumericOut),
        ["Rescaling ReadOnlySpan<byte> -> Span<float>"] = static () => RescalingLayers.Bytes(ByteInput, NumericOut),
        ["Discretization float -> long"] = static () => _sink += DiscretizationLayers.Int3(0.7f) + DiscretizationLayers.Four(2f),
        ["Discretization ReadOnlySpan<float> -> Span<long>"] = static () => DiscretizationLayers.Int3Batch(NumericInput, BinsOut),
        ["Discretization many boundaries ReadOnlySpan<float> -> Span<long>"] = static () => DiscretizationLayers.ManyBatch(NumericInput, BinsOut),
        ["Discretization one_hot float -> Span<float>"] = static () => DiscretizationLayers.OneHot3(0.7f, NumericOut),
        ["Discretization count ReadOnlySpan<float> -> Span<float>"] = static () => DiscretizationLayers.Count3(NumericInput, NumericOut),
    };

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Generated_layer_allocates_nothing(string name)
    {
        Action call = Cases.TryGetValue(name, out Action? known) ? known : NumericCases[name];
        for (int i = 0; i < 200; i++)
        {
            call();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Calls; i++)
        {
            call();
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated == 0, $"{name}: {allocated} bytes allocated over {Calls} calls");
    }
}

/// <summary>The zero-allocation measurements run after the parallel tests, with nothing beside them.</summary>
[CollectionDefinition(nameof(ZeroAllocationTests), DisableParallelization = true)]
public sealed class ZeroAllocationCollection
{
}
