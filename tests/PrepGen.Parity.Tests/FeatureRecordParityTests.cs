using System.Text.Json;
using PrepGen.Hashing;
using PrepGen.Parity.Tests.Layers;

namespace PrepGen.Parity.Tests;

/// <summary>
/// [FeatureRecord] rows in the shapes a Keras model importer emits (Layers/FeatureRecordLayers.cs), compiled
/// by the real analyzer. Expected values come from keras-vectors.json and the Keras index layout (mask, OOV,
/// then tokens in vocabulary order), never from the generated code.
/// </summary>
public sealed class FeatureRecordParityTests
{
    private static long[] Longs(JsonElement array) => array.EnumerateArray().Select(e => e.GetInt64()).ToArray();

    private static float[] Floats(JsonElement array) => array.EnumerateArray().Select(e => e.GetSingle()).ToArray();

    private static JsonElement Input(string id) => Vectors.Get(id).GetProperty("input");

    private static JsonElement Expected(string id) => Vectors.Get(id).GetProperty("expected");

    /// <summary>Keras Int-mode lookup without a mask: OOV is 0, the file's tokens take 1.. in order.</summary>
    private static long VocabularyIndex<T>(T[] vocabulary, T value) => Array.IndexOf(vocabulary, value) + 1;

    [Fact]
    public void TextVectorization_ids_fill_an_IntegerOutput_row()
    {
        // textvec-vocab-file: the file foo, bar, baz; "foo bar baz unknown" -> [2, 3, 4, 1]; OutputSequenceLength pads with 0.
        JsonElement vector = Vectors.Get("textvec-vocab-file");
        Assert.Equal(vector.GetProperty("state").GetProperty("vocabulary_file_contents").GetString(), File.ReadAllText(StateFiles.Path("records/text_model/vocabulary.txt")));
        long[] expected = [.. Longs(vector.GetProperty("expected")[0]), .. new long[26]];

        Assert.Equal(30, TextModelRow.EncodedWidth);
        var row = new long[TextModelRow.EncodedWidth + 1];
        row[^1] = -7;
        new TextModelRow { Input = vector.GetProperty("input")[0].GetString()! }.Encode(row);
        Assert.Equal([.. expected, -7], row);

        // textvec-fixed-vocab-seq4 semantics (truncation): 31 tokens keep the first 30.
        new TextModelRow { Input = string.Join(' ', Enumerable.Repeat("baz", 31)) }.Encode(row);
        Assert.Equal(Enumerable.Repeat(4L, 30), row[..30]);
    }

    [Fact]
    public void EncodeBatch_writes_integer_rows_row_major()
    {
        TextModelRow[] rows = [new() { Input = "foo" }, new() { Input = "bar unknown" }];
        var batch = new long[2 * TextModelRow.EncodedWidth];
        TextModelRow.EncodeBatch(rows, batch);
        Assert.Equal(new long[] { 2, 0 }, batch[..2]);
        Assert.Equal(new long[] { 3, 1, 0 }, batch[30..33]);
        Assert.Throws<ArgumentException>(() => TextModelRow.EncodeBatch(rows, new long[59]));
    }

    [Fact]
    public void Every_integer_member_kind_follows_its_Keras_vector()
    {
        string[] types = StateFiles.ReadVocabulary("records/pets/type.txt");
        long[] ages = StateFiles.ReadVocabulary("records/pets/age.txt").Select(long.Parse).ToArray();
        JsonElement crossInput = Input("hashedcrossing-int-5");
        long[] cross = Longs(Expected("hashedcrossing-int-5"));
        float[] ratios = Floats(Input("discretization-int")[0]);
        long[] bins = Longs(Expected("discretization-int")[0]);
        var hashes = new Dictionary<string, long>();
        JsonElement hashInput = Input("hashing-farmhash-ABCDE-3");
        for (int i = 0; i < hashInput.GetArrayLength(); i++)
        {
            hashes[hashInput[i][0].GetString()!] = Expected("hashing-farmhash-ABCDE-3")[i][0].GetInt64();
        }

        Assert.Equal(5, IntegerRow.EncodedWidth);
        var row = new long[IntegerRow.EncodedWidth];
        for (int i = 0; i < cross.Length; i++)
        {
            string letter = crossInput[0][i].GetString()!;
            long code = crossInput[1][i].GetInt64();
            new IntegerRow { Letter = letter, Code = code, Ratio = ratios[i] }.Encode(row);
            Assert.Equal(new[] { VocabularyIndex(types, letter), VocabularyIndex(ages, code), hashes[letter], bins[i], cross[i] }, row);
        }

        // stringlookup-fixed-vocab (b, c, d -> 2, 3, 0) and integerlookup-vocab-file (10, 20, 30, 999 -> 1, 2, 3, 0).
        long[] letters = Longs(Expected("stringlookup-fixed-vocab"));
        long[] codes = Longs(Expected("integerlookup-vocab-file"));
        for (int i = 0; i < letters.Length; i++)
        {
            new IntegerRow { Letter = Input("stringlookup-fixed-vocab")[i].GetString()!, Code = Input("integerlookup-vocab-file")[i].GetInt64() }.Encode(row);
            Assert.Equal(new[] { letters[i], codes[i] }, row[..2]);
        }
    }

    [Fact]
    public void A_layer_method_inside_the_record_feeds_computed_members()
    {
        long[] ageInput = Longs(Input("integerlookup-vocab-file"));
        long[] ageIds = Longs(Expected("integerlookup-vocab-file"));
        float[] crossed = Floats(Expected("hashedcrossing-one-hot-5")[0]);     // ("A", 101)
        Assert.Equal("A", Input("hashedcrossing-one-hot-5")[0][0].GetString());
        Assert.Equal(101, Input("hashedcrossing-one-hot-5")[1][0].GetInt64());

        Assert.Equal(6 + 4 + 1 + 5 + 8, PetsRow.EncodedWidth);
        var row = new float[PetsRow.EncodedWidth];
        for (int i = 0; i < ageInput.Length; i++)
        {
            Assert.Equal(ageIds[i], PetsRow.LookupAge(ageInput[i]));
            new PetsRow { Age = ageInput[i], Type = "b", Fee = 5.5f, Letter = "a", Poutcome = 101 }.Encode(row);

            var ageOneHot = new float[6];
            ageOneHot[ageIds[i]] = 1;                                         // catenc-one-hot-1d: one 1 at the index
            Assert.Equal(ageOneHot, row[..6]);
            Assert.Equal(new float[] { 0, 0, 1, 0 }, row[6..10]);             // "b": index 2 of [OOV, a, b, c]
            Assert.Equal(2f, row[10]);                                        // (5.5 - 1.5) / sqrt(4)
            Assert.Equal(crossed, row[11..16]);

            // HashedCrossing of two int64 values: FingerprintCat64 over the raw values from the default key,
            // modulo the bins (docs/keras-semantics.md, "HashedCrossing"; the hash itself is checked against tf.sparse.cross_hashed).
            ulong hash = KerasHash.FingerprintCat64(KerasHash.FingerprintCat64(KerasHash.DefaultCrossHashKey, unchecked((ulong)ageIds[i])), 101UL);
            var crossOneHot = new float[8];
            crossOneHot[hash % 8] = 1;
            Assert.Equal(crossOneHot, row[16..]);
        }
    }
}
