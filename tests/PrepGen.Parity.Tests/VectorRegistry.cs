using System.Text;
using System.Text.Json;
using PrepGen.Parity.Tests.Layers;

namespace PrepGen.Parity.Tests;

/// <summary>
/// Maps each Keras vector id of the generated layers to a runner: it feeds the vector's input (JSON) to the
/// generated method(s) declared in Layers/ with Keras's shape rules, and returns the output as values
/// <see cref="JsonCompare"/> compares with the vector's expected JSON. Vectors that cannot run yet are listed,
/// with their reason, in <see cref="PendingAdapt"/> or <see cref="KnownGaps"/>.
/// </summary>
internal static class VectorRegistry
{
    /// <summary>The "layer" values whose vectors this project must account for.</summary>
    public static readonly string[] Layers =
    {
        "Hashing",
        "HashedCrossing",
        "StringLookup",
        "IntegerLookup",
        "IndexLookup (StringLookup engine)",
        "IndexLookup (IntegerLookup engine)",
        "CategoryEncoding",

        // ---- Numeric layers (issue 4) ----
        "Discretization",
        "TextVectorization",
    };

    private const string AdaptReason = "state comes from adapt(): run end to end (adapter -> state files -> generated layer) by PrepGen.Generator.Tests.AdaptEndToEndTests, which compiles at test time";

    /// <summary>Vectors whose state is {"adapt": [...]}: not faked here, they wait for PrepGen.Adapt.</summary>
    public static readonly IReadOnlyDictionary<string, string> PendingAdapt = new Dictionary<string, string>
    {
        ["stringlookup-adapt-basic"] = AdaptReason,
        ["indexlookup-k3-adapt-string"] = AdaptReason,
        ["indexlookup-k3-adapt-int-max-tokens"] = AdaptReason,
        ["indexlookup-k3-adapt-tfidf-unbatched"] = AdaptReason,
        ["indexlookup-k3-adapt-tfidf-batched"] = AdaptReason,
        ["integerlookup-adapt-int"] = AdaptReason,
        ["integerlookup-adapt-one-hot"] = AdaptReason,
        ["integerlookup-adapt-multi-hot"] = AdaptReason,
        ["integerlookup-adapt-tfidf"] = AdaptReason,
        ["integerlookup-adapt-count"] = AdaptReason,
    };

    /// <summary>
    /// Vectors whose state is {"adapt": [...]} and which are run anyway: their runner adapts with PrepGen.Adapt on the
    /// vector's adapt data, asserts the learned vocabulary, and calls a generated layer compiled from that vocabulary.
    /// </summary>
    public static readonly IReadOnlySet<string> AdaptedInRunner = new HashSet<string>
    {
        "textvec-adapt-seq4",
    };

    /// <summary>Vectors the current generator cannot express or gets wrong (unsupported shape or generator bug).</summary>
    public static readonly IReadOnlyDictionary<string, string> KnownGaps = new Dictionary<string, string>
    {
    };

    /// <summary>Vector id -> runner over the vector's "input".</summary>
    public static readonly IReadOnlyDictionary<string, Func<JsonElement, object>> Runners = new Dictionary<string, Func<JsonElement, object>>
    {
        // ---- Hashing: int mode maps element-wise over nested lists ----
        ["hashing-farmhash-ABCDE-3"] = input => EachLeaf(input, v => HashingLayers.FarmhashAbcde3(S(v))),
        ["hashing-farmhash-mask-empty-3"] = input => EachLeaf(input, v => HashingLayers.FarmhashMaskEmpty3(S(v))),
        ["hashing-siphash-133-137-ABCDE-3"] = input => EachLeaf(input, v => HashingLayers.Siphash133137Abcde3(S(v))),
        ["hashing-siphash-int-salt-133-ABCDE-3"] = input => EachLeaf(input, v => HashingLayers.SiphashIntSalt133Abcde3(S(v))),
        ["hashing-farmhash-int-list-3"] = input => EachLeaf(input, v => HashingLayers.FarmhashIntList3(L(v))),
        ["hashing-single-bin"] = input => EachLeaf(input, v => HashingLayers.SingleBin(S(v))),
        ["hashing-farmhash-wire-2"] = input => EachLeaf(input, v => HashingLayers.FarmhashWire2(S(v))),
        ["hashing-farmhash-wire-mask-empty-3"] = input => EachLeaf(input, v => HashingLayers.FarmhashWireMaskEmpty3(S(v))),
        ["hashing-farmhash-wire-mask-omar-3"] = input => EachLeaf(input, v => HashingLayers.FarmhashWireMaskOmar3(S(v))),
        ["hashing-farmhash-wire-flat-2"] = input => Indices(input.GetArrayLength(), o => HashingLayers.FarmhashWireFlat2(Strings(input), o)),
        ["hashing-farmhash-int-2d-3"] = input => EachLeaf(input, v => HashingLayers.FarmhashInt2d3(L(v))),
        ["hashing-siphash-wire-133-137-2"] = input => EachLeaf(input, v => HashingLayers.SiphashWire133137x2(S(v))),
        ["hashing-siphash-wire-211-137-2"] = input => EachLeaf(input, v => HashingLayers.SiphashWire211137x2(S(v))),
        ["hashing-siphash-int-133-137-3"] = input => EachLeaf(input, v => HashingLayers.SiphashInt133137x3(L(v))),
        // A SparseTensor's values are hashed element-wise; the indices and dense shape pass through.
        ["hashing-farmhash-sparse-mask-omar-3"] = input => new Dictionary<string, object>
        {
            ["values"] = EachLeaf(input.GetProperty("values"), v => HashingLayers.FarmhashSparseMaskOmar3(Encoding.UTF8.GetBytes(S(v)))),
        },
        // one_hot: a rank-1 input is a batch of scalars.
        ["hashing-one-hot-int-3"] = input => EachLeaf(input, v => Floats(3, o => HashingLayers.OneHotInt3(L(v), o))),
        // multi_hot / count: a rank-1 input is one sample, rank 2 a batch of samples.
        ["hashing-multi-hot-int-3"] = input => PerSample(input, s => Floats(3, o => HashingLayers.MultiHotInt3(Longs(s), o))),
        ["hashing-count-int-1d-3"] = input => PerSample(input, s => Floats(3, o => HashingLayers.CountInt3(Longs(s), o))),
        ["hashing-count-int-2d-3"] = input => PerSample(input, s => Floats(3, o => HashingLayers.CountInt3(Longs(s), o))),
        ["hashing-list-input-2"] = input => Indices(input.GetArrayLength(), o => HashingLayers.ListInput2(Longs(input), o)),
        ["hashing-list-input-2d-multiple-2"] = input => EachLeaf(input, v => HashingLayers.ListInput2dMultiple2(L(v))),

        // ---- HashedCrossing: input is [feature1, feature2], crossed position by position ----
        ["hashedcrossing-int-5"] = input => Zip(input, (a, b) => HashedCrossingLayers.Int5(S(a), L(b))),
        ["hashedcrossing-one-hot-5"] = input => Zip(input, (a, b) => Floats(5, o => HashedCrossingLayers.OneHot5(S(a), L(b), o))),
        ["hashedcrossing-scalar-10"] = input => HashedCrossingLayers.Scalar10(S(input[0]), L(input[1])),

        // ---- StringLookup ----
        ["stringlookup-fixed-vocab"] = input => Indices(input.GetArrayLength(), o => StringLookupLayers.FixedVocab(Strings(input), o)),
        ["stringlookup-fixed-vocab-2d"] = input => PerSample(input, s => Indices(s.GetArrayLength(), o => StringLookupLayers.FixedVocab2d(Strings(s), o))),
        // get_vocabulary() == the inverse lookup of indices 0 .. vocabulary_size-1 (2 special slots + 3 tokens).
        ["stringlookup-vocab-file-special-tokens"] = input =>
        {
            Assert.Equal("get_vocabulary()", input.GetProperty("call").GetString());
            return Enumerable.Range(0, 5).Select(i => (object)StringLookupLayers.VocabFileSpecialTokensInverse(i)).ToArray();
        },
        ["stringlookup-invert-basic"] = input => EachLeaf(input, v => StringLookupLayers.InvertBasic(L(v))),
        ["stringlookup-multi-hot"] = input => PerSample(input, s => Floats(3, o => StringLookupLayers.MultiHot(Strings(s), o))),
        // The Keras test asserts only the first element.
        ["stringlookup-mask-basic"] = input => new Dictionary<string, object>
        {
            ["output[0]"] = StringLookupLayers.MaskBasic(S(input[0])),
        },

        // ---- IntegerLookup ----
        ["integerlookup-fixed-vocab"] = input => Indices(input.GetArrayLength(), o => IntegerLookupLayers.FixedVocab(Longs(input), o)),
        ["integerlookup-one-hot-rank2"] = input => EachLeaf(input, v => Floats(4, o => IntegerLookupLayers.OneHotRank2(L(v), o))),
        ["integerlookup-mask-0"] = input => EachLeaf(input, v => IntegerLookupLayers.Mask0(L(v))),
        ["integerlookup-invert"] = input => EachLeaf(input, v => IntegerLookupLayers.Invert(L(v))),
        ["integerlookup-no-oov"] = input => EachLeaf(input, v => IntegerLookupLayers.NoOov(L(v))),
        ["integerlookup-vocab-file"] = input => EachLeaf(input, v => IntegerLookupLayers.VocabFile(L(v))),
        ["integerlookup-oov-farmhash-4"] = input => EachLeaf(input, v => IntegerLookupLayers.OovFarmhash4(L(v))),
        ["integerlookup-sparse-multi-hot"] = input => PerSample(input, s => Floats(4, o => IntegerLookupLayers.SparseMultiHot(Longs(s), o))),

        // ---- IndexLookup (index_lookup_test.py) ----
        ["indexlookup-k3-output-int-batch"] = input => PerSample(input, s => Indices(s.GetArrayLength(), o => IndexLookupLayers.OutputIntBatch(Strings(s), o))),
        ["indexlookup-k3-output-multi-hot"] = input => PerSample(input, s => Floats(4, o => IndexLookupLayers.OutputMultiHot(Strings(s), o))),
        ["indexlookup-k3-output-one-hot"] = input => EachLeaf(input, v => Floats(4, o => IndexLookupLayers.OutputOneHot(S(v), o))),
        ["indexlookup-k3-output-count-batch"] = input => PerSample(input, s => Floats(4, o => IndexLookupLayers.OutputCountBatch(Strings(s), o))),
        ["indexlookup-k3-output-tfidf"] = input => PerSample(input, s => Floats(4, o => IndexLookupLayers.OutputTfIdf(Strings(s), o))),
        ["indexlookup-k3-output-tfidf-batch"] = input => PerSample(input, s => Floats(4, o => IndexLookupLayers.OutputTfIdf(Strings(s), o))),
        ["indexlookup-k3-invert"] = input => EachLeaf(input, v => IndexLookupLayers.Invert(L(v))),
        ["indexlookup-k3-pad-to-max-multi-hot"] = input => PerSample(input, s => Floats(5, o => IndexLookupLayers.PadToMaxMultiHot(Longs(s), o))),

        // ---- CategoryEncoding ----
        ["catenc-count-1d"] = input => PerSample(input, s => Floats(6, o => CategoryEncodingLayers.Count6(Longs(s), o))),
        ["catenc-count-weighted"] = input =>
        {
            JsonElement values = input.GetProperty("inputs");
            JsonElement weights = input.GetProperty("count_weights");
            return Enumerable.Range(0, values.GetArrayLength())
                .Select(r => (object)Floats(6, o => CategoryEncodingLayers.CountWeighted6(Longs(values[r]), FloatArray(weights[r]), o)))
                .ToArray();
        },
        ["catenc-count-batched"] = input => PerSample(input, s => Floats(6, o => CategoryEncodingLayers.Count6(Longs(s), o))),
        ["catenc-multi-hot-1d"] = input => PerSample(input, s => Floats(6, o => CategoryEncodingLayers.MultiHot6(Longs(s), o))),
        ["catenc-multi-hot-batched"] = input => PerSample(input, s => Floats(6, o => CategoryEncodingLayers.MultiHot6(Longs(s), o))),
        ["catenc-one-hot-1d"] = input => EachLeaf(input, v => Floats(6, o => CategoryEncodingLayers.OneHot6(L(v), o))),
        ["catenc-one-hot-batched"] = input => EachLeaf(input, v => Floats(6, o => CategoryEncodingLayers.OneHot6(L(v), o))),
        ["catenc-count-4"] = input => PerSample(input, s => Floats(4, o => CategoryEncodingLayers.Count4(Longs(s), o))),

        // ---- Discretization (numeric layers, issue 4): K3 casts inputs to float32 before bucketing ----
        ["discretization-int"] = input => PerSample(input, s => Indices(s.GetArrayLength(), o => DiscretizationLayers.Int3Batch(FloatArray(s), o))),
        ["discretization-4-boundaries"] = input => EachLeaf(input, v => (long)DiscretizationLayers.Four(v.GetSingle())),
        ["discretization-count"] = input => PerSample(input, s => Floats(4, o => DiscretizationLayers.Count3(FloatArray(s), o))),
        // one_hot: each value its own vector (rank 3 (1,2,2): the last dimension is not 1, so nothing is squeezed).
        ["discretization-one-hot-rank1"] = input => EachLeaf(input, v => Floats(4, o => DiscretizationLayers.OneHot3(v.GetSingle(), o))),
        ["discretization-one-hot-rank3"] = input => EachLeaf(input, v => Floats(4, o => DiscretizationLayers.OneHot3(v.GetSingle(), o))),
        ["discretization-multi-hot-rank2"] = input => PerSample(input, s => Floats(4, o => DiscretizationLayers.MultiHot3(FloatArray(s), o))),
        // Rank >= 3 multi_hot reduces axis 1 (keras.ops.multi_hot): (B, N, M) -> (B, M, depth), sample (b, j) = x[b, :, j].
        ["discretization-multi-hot-rank3"] = input => input.EnumerateArray()
            .Select(batch => (object)Enumerable.Range(0, batch[0].GetArrayLength())
                .Select(j => (object)Floats(4, o => DiscretizationLayers.MultiHot3(batch.EnumerateArray().Select(row => row[j].GetSingle()).ToArray(), o)))
                .ToArray())
            .ToArray(),
        // ---- TextVectorization: the input is a batch of documents (each a string or a [string] row) ----
        // int with output_sequence_length = L: exactly L ids per document.
        ["textvec-adapt-seq4"] = input =>
        {
            AssertAdapterLearnsTheNotedVocabulary("textvec-adapt-seq4", new PrepGen.Adapt.TextVectorizationAdapter { MaxTokens = 5000 });
            return Documents(input).Select(d => (object)Sequence(4, o => TextVectorizationLayers.AdaptSeq4(d, o))).ToArray();
        },
        ["textvec-fixed-vocab-seq4"] = input =>
        {
            string[] documents = Documents(input);
            object[] rows = documents.Select(d => (object)Sequence(4, o => TextVectorizationLayers.FixedVocabSeq4(d.AsSpan(), o))).ToArray();
            long[] batch = Indices(documents.Length * 4, o => TextVectorizationLayers.FixedVocabSeq4Batch(documents, o));
            Assert.Equal(rows.Cast<long[]>().SelectMany(r => r), batch);
            return rows;
        },
        // ragged=True: each document's ids, unpadded (truncated to L when set).
        ["textvec-ragged"] = input => Documents(input).Select(d => (object)Tokens(o => TextVectorizationLayers.Ragged(Encoding.UTF8.GetBytes(d), o))).ToArray(),
        ["textvec-ragged-seq2"] = input => Documents(input).Select(d => (object)RaggedSequence(2, o => TextVectorizationLayers.RaggedSeq2(d, o))).ToArray(),
        // multi_hot / count / tf_idf: one row of vocabulary-size floats per document.
        ["textvec-multi-hot"] = input =>
        {
            string[] documents = Documents(input);
            object[] rows = documents.Select(d => (object)Floats(4, o => TextVectorizationLayers.MultiHot(d, o))).ToArray();
            float[] batch = Floats(documents.Length * 4, o => TextVectorizationLayers.MultiHotBatch(documents, o));
            Assert.Equal(rows.Cast<float[]>().SelectMany(r => r), batch);
            return rows;
        },
        ["textvec-count"] = input => Documents(input).Select(d => (object)Floats(4, o => TextVectorizationLayers.Count(d.AsSpan(), o))).ToArray(),
        ["textvec-tfidf-given-idf"] = input =>
        {
            string[] documents = Documents(input);
            object[] rows = documents.Select(d => (object)Floats(4, o => TextVectorizationLayers.TfIdf(Encoding.UTF8.GetBytes(d), o))).ToArray();
            float[] batch = Floats(documents.Length * 4, o => TextVectorizationLayers.TfIdfBatch(documents, o));
            Assert.Equal(rows.Cast<float[]>().SelectMany(r => r), batch);
            return rows;
        },
        // int without output_sequence_length: Keras pads the batch to its longest row with 0.
        ["textvec-lower-strip-punct"] = input => PadToLongest(Documents(input).Select(d => Tokens(o => TextVectorizationLayers.LowerStripPunct(d, o)))),
        ["textvec-lower-only"] = input => PadToLongest(Documents(input).Select(d => Tokens(o => TextVectorizationLayers.LowerOnly(d.AsSpan(), o)))),
        ["textvec-char-split"] = input => PadToLongest(Documents(input).Select(d => Tokens(o => TextVectorizationLayers.CharSplit(Encoding.UTF8.GetBytes(d), o)))),
        ["textvec-strip-punct-only"] = input => PadToLongest(Documents(input).Select(d => Tokens(o => TextVectorizationLayers.StripPunctOnly(d, o)))),
        ["textvec-no-standardize"] = input => PadToLongest(Documents(input).Select(d => Tokens(o => TextVectorizationLayers.NoStandardize(d.AsSpan(), o)))),
        ["textvec-no-split"] = input => PadToLongest(Documents(input).Select(d => Tokens(o => TextVectorizationLayers.NoSplit(Encoding.UTF8.GetBytes(d), o)))),
        ["textvec-vocab-file"] = input => PadToLongest(Documents(input).Select(d => Tokens(o => TextVectorizationLayers.VocabFile(d, o)))),
    };

    /// <summary>TextVectorization input: a list of documents, each a string or a one-string row.</summary>
    private static string[] Documents(JsonElement input) =>
        input.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Array ? S(Assert.Single(e.EnumerateArray())) : S(e)).ToArray();

    /// <summary>Int mode without OutputSequenceLength: the ids of one document (the returned count of them), tail untouched.</summary>
    private static long[] Tokens(Func<long[], int> write)
    {
        var destination = new long[64 + Slack];
        destination.AsSpan().Fill(LongSentinel);
        int count = write(destination);
        Assert.InRange(count, 0, 64);
        Assert.All(destination[count..], x => Assert.Equal(LongSentinel, x));
        return destination[..count];
    }

    /// <summary>Int mode with OutputSequenceLength = <paramref name="length"/>: exactly that many ids, tail untouched.</summary>
    private static long[] Sequence(int length, Func<long[], int> write)
    {
        var destination = new long[length + Slack];
        destination.AsSpan().Fill(LongSentinel);
        int count = write(destination);
        Assert.True(count >= 0);
        Assert.All(destination[length..], x => Assert.Equal(LongSentinel, x));
        Assert.All(destination[Math.Min(count, length)..length], x => Assert.Equal(0, x)); // right-padded with 0
        return destination[..length];
    }

    /// <summary>ragged=True with output_sequence_length: the first min(count, L) ids, never padded.</summary>
    private static long[] RaggedSequence(int length, Func<long[], int> write)
    {
        long count = 0;
        long[] ids = Sequence(length, o => (int)(count = write(o)));
        return ids[..(int)Math.Min(count, length)];
    }

    /// <summary>Keras's dense int output without output_sequence_length: right-pad every row with 0 to the longest.</summary>
    private static object[] PadToLongest(IEnumerable<long[]> rows)
    {
        List<long[]> list = rows.ToList();
        int width = list.Max(r => r.Length);
        return list.Select(r => (object)r.Concat(Enumerable.Repeat(0L, width - r.Length)).ToArray()).ToArray();
    }

    /// <summary>
    /// Runs the adapter on the vector's adapt data and asserts its vocabulary equals the list in the vector's note
    /// ("learned vocab ['', '[UNK]', ...]"), which is the inline vocabulary of the generated layer.
    /// </summary>
    private static void AssertAdapterLearnsTheNotedVocabulary(string id, PrepGen.Adapt.TextVectorizationAdapter adapter)
    {
        JsonElement vector = Vectors.Get(id);
        adapter.Update(Strings(vector.GetProperty("state").GetProperty("adapt")));
        string note = vector.GetProperty("note").GetString()!;
        int open = note.IndexOf('[', StringComparison.Ordinal);
        int close = note.IndexOf("]:", StringComparison.Ordinal);
        string[] noted = note[(open + 1)..close].Split(", ").Select(t => t.Trim('\'')).ToArray();
        Assert.Equal(noted, adapter.GetVocabulary());
    }

    /// <summary>Extra elements past the layer's width, which a generated method must leave untouched.</summary>
    private const int Slack = 3;

    private const float FloatSentinel = -12345.5f;

    private const long LongSentinel = -987654321;

    private static string S(JsonElement value) => value.GetString()!;

    private static long L(JsonElement value) => value.GetInt64();

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(S).ToArray();

    private static long[] Longs(JsonElement array) => array.EnumerateArray().Select(L).ToArray();

    private static float[] FloatArray(JsonElement array) => array.EnumerateArray().Select(e => e.GetSingle()).ToArray();

    /// <summary>Element-wise: nested lists keep their shape, each leaf goes through <paramref name="leaf"/>.</summary>
    private static object EachLeaf(JsonElement value, Func<JsonElement, object> leaf) =>
        value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(e => EachLeaf(e, leaf)).ToArray()
            : leaf(value);

    /// <summary>Keras multi_hot/count/tf_idf: a rank-1 input is one sample; rank 2 is a batch of samples (one call per row).</summary>
    private static object PerSample(JsonElement value, Func<JsonElement, object> sample) =>
        value.GetArrayLength() > 0 && value[0].ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(sample).ToArray()
            : sample(value);

    /// <summary>Two features crossed position by position (rank 1), or two scalars.</summary>
    private static object Zip(JsonElement input, Func<JsonElement, JsonElement, object> cross)
    {
        Assert.Equal(2, input.GetArrayLength());
        JsonElement a = input[0];
        JsonElement b = input[1];
        Assert.Equal(a.GetArrayLength(), b.GetArrayLength());
        return Enumerable.Range(0, a.GetArrayLength()).Select(i => cross(a[i], b[i])).ToArray();
    }

    /// <summary>Runs a float-output method on a destination longer than <paramref name="width"/>, checks the tail is untouched.</summary>
    private static float[] Floats(int width, Action<Span<float>> write)
    {
        var destination = new float[width + Slack];
        destination.AsSpan().Fill(FloatSentinel);
        write(destination);
        Assert.All(destination[width..], x => Assert.Equal(FloatSentinel, x));
        return destination[..width];
    }

    /// <summary>Runs a batch index method on a destination longer than <paramref name="count"/>, checks the tail is untouched.</summary>
    private static long[] Indices(int count, Action<Span<long>> write)
    {
        var destination = new long[count + Slack];
        destination.AsSpan().Fill(LongSentinel);
        write(destination);
        Assert.All(destination[count..], x => Assert.Equal(LongSentinel, x));
        return destination[..count];
    }
}
