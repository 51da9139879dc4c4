using System.Globalization;
using System.Text;
using System.Text.Json;
using PrepGen.Hashing;

namespace PrepGen.Runtime.Tests.Hashing;

/// <summary>Every hash-primitive vector of keras-vectors.json, one test case per vector.</summary>
public class KerasHashVectorTests
{
    private const string BucketFast = "tf.strings.to_hash_bucket_fast";
    private const string BucketStrong = "tf.strings.to_hash_bucket_strong";
    private const string Fingerprint = "Fingerprint64 (farmhash::Fingerprint64 = farmhashna::Hash64)";
    private const string StrongKeyed = "StrongKeyedHash (highwayhash SipHash-2-4)";
    private const string SipReference = "SipHash-2-4 (highwayhash::SipHash, used by StrongKeyedHash)";
    private const string CrossV1 = "tf.sparse.cross_hashed (SparseCross v1, hashed_output=True)";
    private const string CrossV2 = "gen_sparse_ops.sparse_cross_hashed (SparseCrossHashed op, NOT used by Keras)";
    private const string Legacy = "tf.compat.v1.string_to_hash_bucket (legacy Hash64, NOT used by Keras)";

    private static readonly string[] _coveredLayers =
        [BucketFast, BucketStrong, Fingerprint, StrongKeyed, SipReference, CrossV1, CrossV2, Legacy];

    public static TheoryData<string> BucketFastIds => Ids(BucketFast);

    public static TheoryData<string> BucketStrongIds => Ids(BucketStrong);

    public static TheoryData<string> FingerprintIds => Ids(Fingerprint);

    public static TheoryData<string> StrongKeyedIds => Ids(StrongKeyed);

    public static TheoryData<string> SipReferenceIds => Ids(SipReference);

    public static TheoryData<string> CrossV1Ids => Ids(CrossV1);

    public static TheoryData<string> CrossV2Ids => Ids(CrossV2);

    public static TheoryData<string> LegacyIds => Ids(Legacy);

    [Theory]
    [MemberData(nameof(BucketFastIds))]
    public void To_hash_bucket_fast(string id)
    {
        var v = VectorFiles.KerasVector(id);
        long buckets = v.GetProperty("config").GetProperty("num_buckets").GetInt64();
        string[] input = Strings(v.GetProperty("input"));
        long[] expected = v.GetProperty("expected").EnumerateArray().Select(e => e.GetInt64()).ToArray();

        Assert.Equal(expected, input.Select(s => KerasHash.HashBucketFast(Encoding.UTF8.GetBytes(s), buckets)));
        Assert.Equal(expected, input.Select(s => KerasHash.HashBucketFast(s.AsSpan(), buckets)));
    }

    [Theory]
    [MemberData(nameof(BucketStrongIds))]
    public void To_hash_bucket_strong(string id)
    {
        var v = VectorFiles.KerasVector(id);
        var config = v.GetProperty("config");
        long buckets = config.GetProperty("num_buckets").GetInt64();
        (ulong k0, ulong k1) = Key(config.GetProperty("key"));
        string[] input = Strings(v.GetProperty("input"));
        long[] expected = v.GetProperty("expected").EnumerateArray().Select(e => e.GetInt64()).ToArray();

        Assert.Equal(expected, input.Select(s => KerasHash.HashBucketStrong(k0, k1, Encoding.UTF8.GetBytes(s), buckets)));
        Assert.Equal(expected, input.Select(s => KerasHash.HashBucketStrong(k0, k1, s.AsSpan(), buckets)));
    }

    [Theory]
    [MemberData(nameof(FingerprintIds))]
    public void Fingerprint64_raw(string id)
    {
        var v = VectorFiles.KerasVector(id);
        string[] input = Strings(v.GetProperty("input"));
        ulong[] expected = v.GetProperty("expected").EnumerateArray().Select(e => ulong.Parse(e.GetString()!, CultureInfo.InvariantCulture)).ToArray();

        Assert.Equal(expected, input.Select(s => KerasHash.Fingerprint64(Encoding.UTF8.GetBytes(s))));
        Assert.Equal(expected, input.Select(KerasHash.Fingerprint64));
    }

    [Theory]
    [MemberData(nameof(StrongKeyedIds))]
    public void StrongKeyedHash_raw(string id)
    {
        var v = VectorFiles.KerasVector(id);
        (ulong k0, ulong k1) = Key(v.GetProperty("config").GetProperty("key"));
        string[] input = Strings(v.GetProperty("input"));
        ulong[] expected = v.GetProperty("expected").EnumerateArray().Select(e => ulong.Parse(e.GetString()!, CultureInfo.InvariantCulture)).ToArray();

        Assert.Equal(expected, input.Select(s => KerasHash.SipHash24(k0, k1, Encoding.UTF8.GetBytes(s))));
        Assert.Equal(expected, input.Select(s => KerasHash.SipHash24(k0, k1, s)));
    }

    [Theory]
    [MemberData(nameof(SipReferenceIds))]
    public void SipHash24_reference(string id)
    {
        var v = VectorFiles.KerasVector(id);
        var config = v.GetProperty("config");
        ulong k0 = ParseUInt64(config.GetProperty("key_k0").GetString()!);
        ulong k1 = ParseUInt64(config.GetProperty("key_k1").GetString()!);
        byte[] message = Convert.FromHexString(v.GetProperty("input").GetProperty("bytes_hex").GetString()!);
        ulong expected = ParseUInt64(v.GetProperty("expected").GetString()!);

        // The vectors use key bytes 00..0F and message bytes 00..len-1; check the JSON says so.
        Assert.Equal(0x0706050403020100UL, k0);
        Assert.Equal(0x0F0E0D0C0B0A0908UL, k1);
        Assert.Equal(Enumerable.Range(0, message.Length).Select(i => (byte)i), message);
        Assert.Equal(expected, KerasHash.SipHash24(k0, k1, message));
    }

    [Theory]
    [MemberData(nameof(CrossV1Ids))]
    public void Sparse_cross_hashed_v1(string id)
    {
        var v = VectorFiles.KerasVector(id);
        var config = v.GetProperty("config");
        long buckets = config.GetProperty("num_buckets").GetInt64();
        ulong hashKey = ParseHashKey(config.GetProperty("hash_key").GetString()!);
        long[][] expected = v.GetProperty("expected").EnumerateArray().Select(r => r.EnumerateArray().Select(e => e.GetInt64()).ToArray()).ToArray();

        Assert.Equal(expected, CrossRows(v.GetProperty("input"), hashKey, buckets));
    }

    // The SparseCrossHashed op (no hash_key seed) is not what Keras calls; CrossHashed must not match it.
    [Theory]
    [MemberData(nameof(CrossV2Ids))]
    public void Sparse_cross_hashed_v2_op_is_not_reproduced(string id)
    {
        var v = VectorFiles.KerasVector(id);
        long buckets = v.GetProperty("config").GetProperty("num_buckets").GetInt64();
        long[][] expected = v.GetProperty("expected").EnumerateArray().Select(r => r.EnumerateArray().Select(e => e.GetInt64()).ToArray()).ToArray();

        Assert.NotEqual(expected, CrossRows(v.GetProperty("input"), KerasHash.DefaultCrossHashKey, buckets));
    }

    // The legacy string_to_hash_bucket (platform Hash64) vector exists to catch confusion with Fingerprint64.
    [Theory]
    [MemberData(nameof(LegacyIds))]
    public void Legacy_hash64_is_not_fingerprint64(string id)
    {
        var v = VectorFiles.KerasVector(id);
        long buckets = v.GetProperty("config").GetProperty("num_buckets").GetInt64();
        string[] input = Strings(v.GetProperty("input"));
        long[] legacy = v.GetProperty("expected").EnumerateArray().Select(e => e.GetInt64()).ToArray();

        for (int i = 0; i < input.Length; i++)
        {
            Assert.NotEqual(legacy[i], KerasHash.HashBucketFast(input[i].AsSpan(), buckets));
        }
    }

    [Fact]
    public void Every_hash_primitive_vector_is_exercised()
    {
        foreach (string layer in _coveredLayers)
        {
            Assert.NotEmpty(Ids(layer));
        }

        var exercised = new HashSet<string>(
            new[] { BucketFastIds, BucketStrongIds, FingerprintIds, StrongKeyedIds, SipReferenceIds, CrossV1Ids, CrossV2Ids, LegacyIds }
                .SelectMany(d => ((IEnumerable<object[]>)d).Select(row => (string)row[0])));
        var all = VectorFiles.Keras.EnumerateArray()
            .Where(v => _coveredLayers.Contains(v.GetProperty("layer").GetString()))
            .Select(v => v.GetProperty("id").GetString()!);
        Assert.Equal(all.Order(), exercised.Order());
    }

    [Theory]
    [InlineData("default 0xDECAFCAFFE", 0xDECAFCAFFEUL)]
    [InlineData("0xDECAFCAFFE + 1", 0xDECAFCAFFFUL)]
    [InlineData("42", 42UL)]
    public void Hash_key_parser(string text, ulong expected) => Assert.Equal(expected, ParseHashKey(text));

    private static TheoryData<string> Ids(string layer)
    {
        var data = new TheoryData<string>();
        foreach (var v in VectorFiles.KerasVectorsOf(layer))
        {
            data.Add(v.GetProperty("id").GetString()!);
        }

        return data;
    }

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    // TF's key attribute is two int64 values memcpy'd into uint64: negative values are two's complement.
    private static (ulong K0, ulong K1) Key(JsonElement key)
    {
        long[] k = key.EnumerateArray().Select(e => e.GetInt64()).ToArray();
        Assert.Equal(2, k.Length);
        return ((ulong)k[0], (ulong)k[1]);
    }

    private static ulong ParseUInt64(string text) =>
        text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? ulong.Parse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
            : ulong.Parse(text, CultureInfo.InvariantCulture);

    // "default 0xDECAFCAFFE" or a sum such as "0xDECAFCAFFE + 1".
    private static ulong ParseHashKey(string text)
    {
        string expression = text.StartsWith("default ", StringComparison.Ordinal) ? text["default ".Length..] : text;
        ulong sum = 0;
        foreach (string term in expression.Split('+', StringSplitOptions.TrimEntries))
        {
            sum += ParseUInt64(term);
        }

        return sum;
    }

    // input.sparse_columns[column][row] is the list of string values of that row; a row's crosses are the
    // cartesian product of its columns' values (first column varying slowest).
    private static long[][] CrossRows(JsonElement input, ulong hashKey, long buckets)
    {
        string[][][] columns = input.GetProperty("sparse_columns").EnumerateArray()
            .Select(c => c.EnumerateArray().Select(Strings).ToArray()).ToArray();
        int rows = columns[0].Length;
        var result = new long[rows][];
        for (int r = 0; r < rows; r++)
        {
            IEnumerable<ulong[]> crosses = [[]];
            foreach (string[][] column in columns)
            {
                ulong[] fingerprints = column[r].Select(KerasHash.Fingerprint64).ToArray();
                crosses = crosses.SelectMany(prefix => fingerprints.Select(f => prefix.Append(f).ToArray()));
            }

            // num_buckets 0 means "no bucketing": TF then reduces modulo INT64_MAX.
            ulong modulus = buckets > 0 ? (ulong)buckets : long.MaxValue;
            result[r] = crosses.Select(c => (long)(KerasHash.CrossHashed(c, hashKey) % modulus)).ToArray();
        }

        return result;
    }
}
