using System.Globalization;
using System.Text;
using PrepGen.Hashing;
using PrepGen.Parity.Tests.Layers;

namespace PrepGen.Parity.Tests;

/// <summary>UTF-16 and UTF-8 entry points, batch shapes and error cases of generated layers.</summary>
public sealed class EntryPointTests
{
    private static readonly string[] Vocabulary = { "café", "東京", "😀", "naïve", "a" };

    public static TheoryData<string> Tokens => new()
    {
        "café", "東京", "😀", "naïve", "a",
        "cafe", "cafe\u0301", "東", "😀😀", "", "Ä", "\u00a0", "naïve ",
        string.Concat(Enumerable.Repeat("é東😀", 120)), // longer than any stack buffer a generated method may use
    };

    [Theory]
    [MemberData(nameof(Tokens))]
    public void Utf16_and_utf8_lookups_agree(string token)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(token);
        long expected = Array.IndexOf(Vocabulary, token) + 1; // 0 is the OOV index
        Assert.Equal(expected, GuideLayers.WorldString(token));
        Assert.Equal(expected, GuideLayers.WorldChars(token.AsSpan()));
        Assert.Equal(expected, GuideLayers.WorldUtf8(utf8));

        var batch = new long[1];
        GuideLayers.WorldBatch(new[] { token }, batch);
        Assert.Equal(expected, batch[0]);

        var fromChars = new float[6];
        var fromUtf8 = new float[6];
        GuideLayers.WorldOneHotChars(token.AsSpan(), fromChars);
        GuideLayers.WorldOneHotUtf8(utf8, fromUtf8);
        Assert.Equal(fromChars, fromUtf8);
        Assert.Equal(1f, fromUtf8[expected]);
    }

    [Theory]
    [MemberData(nameof(Tokens))]
    public void Utf16_and_utf8_hashing_agree_and_hash_the_utf8_bytes(string token)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(token);
        const ulong Bins = 1 << 20;
        long farm = (long)(KerasHash.Fingerprint64(utf8) % Bins);
        Assert.Equal(farm, GuideLayers.FarmString(token));
        Assert.Equal(farm, GuideLayers.FarmChars(token.AsSpan()));
        Assert.Equal(farm, GuideLayers.FarmUtf8(utf8));

        long sip = (long)(KerasHash.SipHash24(133, 137, utf8) % Bins);
        Assert.Equal(sip, GuideLayers.SipString(token));
        Assert.Equal(sip, GuideLayers.SipChars(token.AsSpan()));
        Assert.Equal(sip, GuideLayers.SipUtf8(utf8));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(7L)]
    [InlineData(-3L)]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    public void Hashing_an_integer_hashes_its_decimal_string(long value)
    {
        Assert.Equal(GuideLayers.FarmString(value.ToString(CultureInfo.InvariantCulture)), GuideLayers.FarmLong(value));
    }

    [Fact]
    public void HashedCrossing_of_three_inputs_folds_them_in_order()
    {
        ulong[] fingerprints = { KerasHash.Fingerprint64("a"u8), 5UL, KerasHash.Fingerprint64("b"u8) };
        Assert.Equal((long)(KerasHash.CrossHashed(fingerprints) % 16), GuideLayers.CrossThree("a", 5, "b"));
    }

    [Fact]
    public void Batch_shapes_map_element_wise()
    {
        var indices = new long[5];
        GuideLayers.WorldBatch(new[] { "a", "東京", "x", "😀", "café" }, indices);
        Assert.Equal(new long[] { 5, 2, 0, 3, 1 }, indices);

        var ints = new long[5];
        IntegerLookupLayers.FixedVocab(new long[] { 4, 3, 2, 1, 0 }, ints);
        Assert.Equal(new long[] { 4, 3, 2, 1, 0 }, ints);

        var bins = new long[3];
        HashingLayers.FarmhashWireFlat2(new[] { "omar", "marlo", "wire" }, bins);
        Assert.Equal(new long[] { 0, 1, 0 }, bins);

        // Empty batches are fine, even into an empty destination.
        GuideLayers.WorldBatch(ReadOnlySpan<string>.Empty, Span<long>.Empty);
        Assert.Equal(3, GuideLayers.IntegerInt(3));
        Assert.Equal(0, GuideLayers.IntegerInt(99));
    }

    [Fact]
    public void Vocabulary_file_layer_puts_the_special_tokens_first()
    {
        Assert.Equal(0, StringLookupLayers.VocabFileSpecialTokens("[MASK]"));
        Assert.Equal(1, StringLookupLayers.VocabFileSpecialTokens("zzz"));
        Assert.Equal(2, StringLookupLayers.VocabFileSpecialTokens("a"));
        Assert.Equal(4, StringLookupLayers.VocabFileSpecialTokens("c"));
        Assert.Equal("[OOV]", StringLookupLayers.VocabFileSpecialTokensInverse(5));
        Assert.Equal("[OOV]", StringLookupLayers.VocabFileSpecialTokensInverse(-1));
    }

    [Fact]
    public void NumOovIndices_zero_throws_for_oov_values()
    {
        Assert.Equal(0, GuideLayers.StringNoOov("a"));
        Assert.Equal(2, GuideLayers.StringNoOov("c"));
        Assert.Throws<ArgumentException>(() => GuideLayers.StringNoOov("d"));
        Assert.Throws<ArgumentException>(() => GuideLayers.StringNoOovUtf8("é"u8));

        Assert.Equal(2, IntegerLookupLayers.NoOov(3));
        Assert.Throws<ArgumentException>(() => IntegerLookupLayers.NoOov(4));
        Assert.Throws<ArgumentException>(() => IntegerLookupLayers.NoOov(-1));

        var indices = new long[2];
        Assert.Throws<ArgumentException>(() => GuideLayers.IntegerNoOovBatch(new long[] { 1, 5 }, indices));
    }

    [Fact]
    public void CategoryEncoding_count_with_weights_sums_the_weights_per_bin()
    {
        var output = new float[6];
        CategoryEncodingLayers.CountWeighted6(new long[] { 1, 1, 3, 5, 9 }, new[] { 0.5f, 0.25f, 2f, -1f, 100f }, output);
        Assert.Equal(new[] { 0f, 0.75f, 0f, 2f, 0f, -1f }, output); // 9 >= num_tokens vanishes (Keras 3)

        Assert.Throws<ArgumentException>(() => CategoryEncodingLayers.CountWeighted6(new long[] { 1, 2 }, new[] { 1f }, output));
    }

    [Fact]
    public void IntegerLookup_tf_idf_pads_the_oov_idf_with_the_mean()
    {
        var output = new float[4];
        GuideLayers.IntegerTfIdf(new long[] { 7, 9, 9, 1, 2 }, output);
        Assert.Equal(new[] { 2 * 1.5f, 0.5f, 0f, 2 * 2.5f }, output); // OOV idf = mean(0.5, 1.5, 2.5) = 1.5
    }

    [Fact]
    public void Mask_token_is_index_0_in_int_mode_and_dropped_in_other_modes()
    {
        // Int mode: the mask takes index 0; inverting 0 gives the mask token back.
        Assert.Equal(0, IntegerLookupLayers.Mask0(0));
        Assert.Equal(string.Empty, IndexLookupLayers.Invert(0));
        Assert.Equal("[OOV]", IndexLookupLayers.Invert(1));

        // Other modes: the mask has no slot and is dropped (not counted as OOV).
        var output = new float[4];
        IndexLookupLayers.OutputMultiHot(new[] { "", "one" }, output);
        Assert.Equal(new[] { 0f, 1f, 0f, 0f }, output);
        IndexLookupLayers.OutputCountBatch(new[] { "", "", "zzz" }, output);
        Assert.Equal(new[] { 1f, 0f, 0f, 0f }, output);
        IndexLookupLayers.OutputOneHot(string.Empty, output);
        Assert.Equal(new[] { 0f, 0f, 0f, 0f }, output);

        var five = new float[5];
        IndexLookupLayers.PadToMaxMultiHot(new long[] { 0, 2, 7 }, five);
        Assert.Equal(new[] { 1f, 0f, 1f, 0f, 0f }, five);

        var three = new float[3];
        GuideLayers.IntegerMaskOneHot(0, three);
        Assert.Equal(new[] { 0f, 0f, 0f }, three);
        GuideLayers.IntegerMaskOneHot(2, three);
        Assert.Equal(new[] { 0f, 0f, 1f }, three);
    }

    [Fact]
    public void Hashing_integer_mask_value_takes_bin_0_and_shifts_the_rest()
    {
        Assert.Equal(0, GuideLayers.HashMaskZero(0));
        foreach (long v in new long[] { 1, 2, 3, 4, -5 })
        {
            // hash_bins = num_bins - 1 = 2, then + 1
            Assert.Equal(1 + (long)(KerasHash.Fingerprint64(Encoding.UTF8.GetBytes(v.ToString(CultureInfo.InvariantCulture))) % 2), GuideLayers.HashMaskZero(v));
        }
    }
}
