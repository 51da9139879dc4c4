using System.Text;
using PrepGen.Parity.Tests.Layers;

namespace PrepGen.Parity.Tests;

/// <summary>
/// docs/api-contract.md, "Calling shapes": a destination shorter than the layer's width throws ArgumentException and
/// writes nothing; a longer one is fine and its extra elements are left untouched.
/// </summary>
public sealed class DestinationTests
{
    private const float Sentinel = -7.25f;
    private const long LongSentinel = -424242;

    private static readonly byte[] Tokyo = Encoding.UTF8.GetBytes("東京");

    /// <summary>Float-output methods: name -> (width, call writing into the destination).</summary>
    private static readonly Dictionary<string, (int Width, Action<float[]> Call)> FloatLayers = new()
    {
        ["CategoryEncoding one_hot"] = (6, o => CategoryEncodingLayers.OneHot6(3, o)),
        ["CategoryEncoding multi_hot"] = (6, o => CategoryEncodingLayers.MultiHot6(new long[] { 1, 5 }, o)),
        ["CategoryEncoding count"] = (6, o => CategoryEncodingLayers.Count6(new long[] { 1, 1, 5 }, o)),
        ["CategoryEncoding count weights"] = (6, o => CategoryEncodingLayers.CountWeighted6(new long[] { 1, 5 }, new[] { 0.5f, 2f }, o)),
        ["StringLookup multi_hot"] = (3, o => StringLookupLayers.MultiHot(new[] { "a", "b" }, o)),
        ["StringLookup one_hot string"] = (4, o => IndexLookupLayers.OutputOneHot("two", o)),
        ["StringLookup one_hot chars"] = (6, o => GuideLayers.WorldOneHotChars("東京", o)),
        ["StringLookup one_hot utf8"] = (6, o => GuideLayers.WorldOneHotUtf8(Tokyo, o)),
        ["StringLookup count"] = (4, o => IndexLookupLayers.OutputCountBatch(new[] { "one", "two", "two" }, o)),
        ["StringLookup tf_idf"] = (4, o => IndexLookupLayers.OutputTfIdf(new[] { "one", "four" }, o)),
        ["IntegerLookup one_hot"] = (4, o => IntegerLookupLayers.OneHotRank2(2, o)),
        ["IntegerLookup multi_hot"] = (4, o => IntegerLookupLayers.SparseMultiHot(new long[] { 1, 3 }, o)),
        ["IntegerLookup multi_hot pad_to_max_tokens"] = (5, o => IndexLookupLayers.PadToMaxMultiHot(new long[] { 1, 2 }, o)),
        ["IntegerLookup tf_idf"] = (4, o => GuideLayers.IntegerTfIdf(new long[] { 7, 8 }, o)),
        ["Hashing one_hot long"] = (3, o => HashingLayers.OneHotInt3(4, o)),
        ["Hashing one_hot utf8"] = (5, o => GuideLayers.HashOneHotUtf8(Tokyo, o)),
        ["Hashing multi_hot"] = (3, o => HashingLayers.MultiHotInt3(new long[] { 0, 1, 2 }, o)),
        ["Hashing count"] = (3, o => HashingLayers.CountInt3(new long[] { 0, 1, 2, 3 }, o)),
        ["HashedCrossing one_hot"] = (5, o => HashedCrossingLayers.OneHot5("A", 101, o)),
        ["TextVectorization multi_hot string"] = (4, o => TextVectorizationLayers.MultiHot("foo bar", o)),
        ["TextVectorization count chars"] = (4, o => TextVectorizationLayers.Count("baz foo foo".AsSpan(), o)),
        ["TextVectorization tf_idf utf8"] = (4, o => TextVectorizationLayers.TfIdf("baz foo foo qux"u8, o)),
        ["TextVectorization multi_hot batch"] = (8, o => TextVectorizationLayers.MultiHotBatch(new[] { "foo bar", "baz qux" }, o)),
        ["TextVectorization tf_idf batch"] = (8, o => TextVectorizationLayers.TfIdfBatch(new[] { "foo bar", "baz foo foo" }, o)),
    };

    /// <summary>TextVectorization Int methods with OutputSequenceLength: name -> (L * documents, call).</summary>
    private static readonly Dictionary<string, (int Width, Action<long[]> Call)> SequenceLayers = new()
    {
        ["TextVectorization int L=4 chars, 3 tokens"] = (4, o => TextVectorizationLayers.FixedVocabSeq4("foo qux bar".AsSpan(), o)),
        ["TextVectorization int L=4 string, 6 tokens (truncated)"] = (4, o => TextVectorizationLayers.AdaptSeq4("foo qux bar baz bada boom", o)),
        ["TextVectorization int L=2 string, 1 token"] = (2, o => TextVectorizationLayers.RaggedSeq2("foo", o)),
        ["TextVectorization int L=4 batch of 2"] = (8, o => TextVectorizationLayers.FixedVocabSeq4Batch(new[] { "foo qux bar", "qux baz" }, o)),
    };

    /// <summary>Batch index methods over 3 values: name -> call writing into the destination.</summary>
    private static readonly Dictionary<string, Action<long[]>> IndexLayers = new()
    {
        ["StringLookup batch"] = o => StringLookupLayers.FixedVocab(new[] { "a", "b", "z" }, o),
        ["IntegerLookup batch"] = o => IntegerLookupLayers.FixedVocab(new long[] { 1, 2, 9 }, o),
        ["Hashing strings batch"] = o => HashingLayers.FarmhashWireFlat2(new[] { "omar", "marlo", "wire" }, o),
        ["Hashing longs batch"] = o => HashingLayers.ListInput2(new long[] { 1, 2, 3 }, o),
    };

    public static TheoryData<string> FloatLayerNames => new(FloatLayers.Keys.Concat(NumericFloatLayers.Keys));

    public static TheoryData<string> IndexLayerNames => new(IndexLayers.Keys.Concat(NumericIndexLayers.Keys));

    // ---- Numeric layers (issue 4): fixed-width outputs, and element-wise outputs as wide as their 3-element input ----
    private static readonly Dictionary<string, (int Width, Action<float[]> Call)> NumericFloatLayers = new()
    {
        ["Discretization one_hot"] = (4, o => DiscretizationLayers.OneHot3(0.7f, o)),
        ["Discretization multi_hot"] = (4, o => DiscretizationLayers.MultiHot3(new[] { 0.1f, 2f }, o)),
        ["Discretization count"] = (4, o => DiscretizationLayers.Count3(new[] { 0.1f, 0.2f, 2f }, o)),
        ["Normalization 3 features"] = (3, o => NormalizationLayers.Rgb(new[] { 0.1f, 0.5f, 0.9f }, o)),
        ["Normalization broadcast"] = (3, o => NormalizationLayers.Broadcast(new[] { 0.1f, 0.5f, 0.9f }, o)),
        ["Normalization invert"] = (3, o => NormalizationLayers.GuideInverse(new[] { 0.1f, 0.5f, 0.9f }, o)),
        ["Rescaling float"] = (3, o => RescalingLayers.Centered(new[] { 0f, 127f, 255f }, o)),
        ["Rescaling byte"] = (3, o => RescalingLayers.Bytes(new byte[] { 0, 127, 255 }, o)),
    };

    private static readonly Dictionary<string, Action<long[]>> NumericIndexLayers = new()
    {
        ["Discretization batch"] = o => DiscretizationLayers.Int3Batch(new[] { -1f, 0.5f, 7f }, o),
        ["Discretization batch, many boundaries"] = o => DiscretizationLayers.ManyBatch(new[] { -100f, 0.5f, float.NaN }, o),
    };

    private static (int Width, Action<float[]> Call) FloatLayer(string name) =>
        FloatLayers.TryGetValue(name, out var layer) ? layer : NumericFloatLayers[name];

    private static Action<long[]> IndexLayer(string name) =>
        IndexLayers.TryGetValue(name, out var layer) ? layer : NumericIndexLayers[name];

    public static TheoryData<string> SequenceLayerNames => new(SequenceLayers.Keys);

    [Theory]
    [MemberData(nameof(FloatLayerNames))]
    public void Float_destination_too_short_throws_without_writing(string name)
    {
        (int width, Action<float[]> call) = FloatLayer(name);
        foreach (int length in new[] { 0, 1, width - 1 }.Where(n => n < width).Distinct())
        {
            var destination = Filled(length);
            Assert.Throws<ArgumentException>(() => call(destination));
            Assert.All(destination, v => Assert.Equal(Sentinel, v));
        }
    }

    [Theory]
    [MemberData(nameof(FloatLayerNames))]
    public void Float_destination_longer_than_width_keeps_its_tail(string name)
    {
        (int width, Action<float[]> call) = FloatLayer(name);
        var exact = Filled(width);
        call(exact);
        Assert.DoesNotContain(Sentinel, exact); // the whole width is written (cleared, then encoded)

        var longer = Filled(width + 5);
        call(longer);
        Assert.Equal(exact, longer[..width]);
        Assert.All(longer[width..], v => Assert.Equal(Sentinel, v));
    }

    [Theory]
    [MemberData(nameof(IndexLayerNames))]
    public void Index_destination_too_short_throws_without_writing(string name)
    {
        Action<long[]> call = IndexLayer(name);
        foreach (int length in new[] { 0, 2 })
        {
            long[] destination = Enumerable.Repeat(LongSentinel, length).ToArray();
            Assert.Throws<ArgumentException>(() => call(destination));
            Assert.All(destination, v => Assert.Equal(LongSentinel, v));
        }
    }

    [Theory]
    [MemberData(nameof(IndexLayerNames))]
    public void Index_destination_longer_keeps_its_tail(string name)
    {
        Action<long[]> call = IndexLayer(name);
        var exact = new long[3];
        call(exact);
        long[] longer = Enumerable.Repeat(LongSentinel, 7).ToArray();
        call(longer);
        Assert.Equal(exact, longer[..3]);
        Assert.All(longer[3..], v => Assert.Equal(LongSentinel, v));
    }

    [Theory]
    [MemberData(nameof(SequenceLayerNames))]
    public void Sequence_destination_too_short_throws_without_writing(string name)
    {
        (int width, Action<long[]> call) = SequenceLayers[name];
        foreach (int length in new[] { 0, 1, width - 1 }.Distinct())
        {
            long[] destination = Enumerable.Repeat(LongSentinel, length).ToArray();
            Assert.Throws<ArgumentException>(() => call(destination));
            Assert.All(destination, v => Assert.Equal(LongSentinel, v));
        }
    }

    [Theory]
    [MemberData(nameof(SequenceLayerNames))]
    public void Sequence_destination_longer_than_the_sequence_keeps_its_tail(string name)
    {
        (int width, Action<long[]> call) = SequenceLayers[name];
        long[] exact = Enumerable.Repeat(LongSentinel, width).ToArray();
        call(exact);
        Assert.DoesNotContain(LongSentinel, exact); // every id of the sequence is written, padding included

        long[] longer = Enumerable.Repeat(LongSentinel, width + 5).ToArray();
        call(longer);
        Assert.Equal(exact, longer[..width]);
        Assert.All(longer[width..], v => Assert.Equal(LongSentinel, v));
    }

    [Fact]
    public void Text_ids_without_a_sequence_length_need_room_for_every_token()
    {
        // "foo qux bar baz" has 4 tokens: 4 ids fit, 3 do not.
        long[] exact = Enumerable.Repeat(LongSentinel, 4).ToArray();
        Assert.Equal(4, TextVectorizationLayers.Ragged("foo qux bar baz"u8, exact));
        Assert.Equal(new long[] { 4, 1, 3, 2 }, exact);

        long[] longer = Enumerable.Repeat(LongSentinel, 9).ToArray();
        Assert.Equal(4, TextVectorizationLayers.Ragged("foo qux bar baz"u8, longer));
        Assert.Equal(exact, longer[..4]);
        Assert.All(longer[4..], v => Assert.Equal(LongSentinel, v));

        foreach (int length in new[] { 0, 1, 3 })
        {
            long[] destination = Enumerable.Repeat(LongSentinel, length).ToArray();
            Assert.Throws<ArgumentException>(() => TextVectorizationLayers.Ragged("foo qux bar baz"u8, destination));
        }
    }

    [Fact]
    public void Text_ids_without_a_sequence_length_too_short_writes_nothing()
    {
        foreach (int length in new[] { 1, 3 })
        {
            long[] destination = Enumerable.Repeat(LongSentinel, length).ToArray();
            Assert.Throws<ArgumentException>(() => TextVectorizationLayers.Ragged("foo qux bar baz"u8, destination));
            Assert.All(destination, v => Assert.Equal(LongSentinel, v));
        }
    }

    private static float[] Filled(int length) => Enumerable.Repeat(Sentinel, length).ToArray();
}
