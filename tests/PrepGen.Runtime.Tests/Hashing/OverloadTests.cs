using System.Globalization;
using System.Text;
using PrepGen.Hashing;

namespace PrepGen.Runtime.Tests.Hashing;

/// <summary>The integer, char and string overloads, FloorMod, and the no-allocation guarantee.</summary>
public class OverloadTests
{
    private const ulong K0 = 98765;
    private const ulong K1 = 132;

    [Theory]
    [InlineData(0L)]
    [InlineData(-5L)]
    [InlineData(5L)]
    [InlineData(1234567890123L)]
    [InlineData(long.MinValue)]
    [InlineData(long.MaxValue)]
    public void Integer_overloads_hash_the_decimal_string(long value)
    {
        // tf.as_string("%lld"): plain decimal, '-' for negatives, no padding or '+'.
        string text = value.ToString(CultureInfo.InvariantCulture);
        byte[] utf8 = Encoding.ASCII.GetBytes(text);

        Assert.Equal(KerasHash.Fingerprint64(utf8), KerasHash.Fingerprint64(value));
        Assert.Equal(KerasHash.SipHash24(K0, K1, utf8), KerasHash.SipHash24(K0, K1, value));
        Assert.Equal(KerasHash.HashBucketFast(utf8, 7), KerasHash.HashBucketFast(value, 7));
        Assert.Equal(KerasHash.HashBucketStrong(K0, K1, utf8, 7), KerasHash.HashBucketStrong(K0, K1, value, 7));
    }

    [Fact]
    public void Integer_overloads_use_the_exact_strings()
    {
        Assert.Equal(KerasHash.Fingerprint64("-5"u8), KerasHash.Fingerprint64(-5L));
        Assert.Equal(KerasHash.Fingerprint64("0"u8), KerasHash.Fingerprint64(0L));
        Assert.Equal(KerasHash.Fingerprint64("-9223372036854775808"u8), KerasHash.Fingerprint64(long.MinValue));
        Assert.Equal(KerasHash.SipHash24(K0, K1, "-5"u8), KerasHash.SipHash24(K0, K1, -5L));
        Assert.Equal(KerasHash.SipHash24(K0, K1, "-9223372036854775808"u8), KerasHash.SipHash24(K0, K1, long.MinValue));
    }

    [Theory]
    [InlineData(-3L, 2L, 1L)]
    [InlineData(-4L, 2L, 0L)]
    [InlineData(5L, 3L, 2L)]
    [InlineData(-1L, 10L, 9L)]
    [InlineData(0L, 7L, 0L)]
    [InlineData(long.MinValue, 3L, 1L)]
    [InlineData(5L, -3L, -1L)]
    [InlineData(long.MinValue, -1L, 0L)]
    public void FloorMod_follows_python(long x, long n, long expected) => Assert.Equal(expected, KerasHash.FloorMod(x, n));

    public static TheoryData<string> Texts => new()
    {
        "",
        "a",
        "café",
        "Καλημέρα κόσμε",
        "日本語 🎉",
        "ascii prefix then ünïcödé",
        new string('x', 1024),
        new string('x', 1025),
        string.Concat(Enumerable.Repeat("Ξεσκεπάζω την ψυχοφθόρα βδελυγμία 🚀 ", 200)),
        new string('é', 5000),
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Char_and_string_overloads_match_utf8(string text)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(text);

        Assert.Equal(KerasHash.Fingerprint64(utf8), KerasHash.Fingerprint64(text));
        Assert.Equal(KerasHash.Fingerprint64(utf8), KerasHash.Fingerprint64(text.AsSpan()));
        Assert.Equal(KerasHash.SipHash24(K0, K1, utf8), KerasHash.SipHash24(K0, K1, text));
        Assert.Equal(KerasHash.SipHash24(K0, K1, utf8), KerasHash.SipHash24(K0, K1, text.AsSpan()));
        Assert.Equal(KerasHash.HashBucketFast(utf8, 1000), KerasHash.HashBucketFast(text.AsSpan(), 1000));
        Assert.Equal(KerasHash.HashBucketStrong(K0, K1, utf8, 1000), KerasHash.HashBucketStrong(K0, K1, text.AsSpan(), 1000));
    }

    [Fact]
    public void FingerprintCat64_is_order_sensitive_and_CrossHashed_folds_it()
    {
        ulong a = KerasHash.Fingerprint64("a");
        ulong b = KerasHash.Fingerprint64("b");

        Assert.NotEqual(KerasHash.FingerprintCat64(a, b), KerasHash.FingerprintCat64(b, a));
        Assert.Equal(
            KerasHash.FingerprintCat64(KerasHash.FingerprintCat64(KerasHash.DefaultCrossHashKey, a), b),
            KerasHash.CrossHashed([a, b]));
        Assert.Equal(KerasHash.DefaultCrossHashKey, KerasHash.CrossHashed([]));
    }

    [Fact]
    public void Hashing_allocates_nothing()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("a string of some length, long enough for the 64-byte loop of FarmHash");
        string shortText = "Καλημέρα κόσμε, hello";
        string longText = new('z', 3000);
        ReadOnlySpan<ulong> fingerprints = [1UL, 2UL, 3UL];

        ulong sink = Run(bytes, shortText, longText, fingerprints);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            sink += Run(bytes, shortText, longText, fingerprints);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.NotEqual(0UL, sink);
    }

    private static ulong Run(byte[] bytes, string shortText, string longText, ReadOnlySpan<ulong> fingerprints)
    {
        ulong h = KerasHash.Fingerprint64(bytes);
        h += KerasHash.Fingerprint64(shortText);
        h += KerasHash.Fingerprint64(shortText.AsSpan());
        h += KerasHash.Fingerprint64(longText);
        h += KerasHash.Fingerprint64(-123456789L);
        h += KerasHash.SipHash24(K0, K1, bytes);
        h += KerasHash.SipHash24(K0, K1, shortText);
        h += KerasHash.SipHash24(K0, K1, shortText.AsSpan());
        h += KerasHash.SipHash24(K0, K1, longText);
        h += KerasHash.SipHash24(K0, K1, long.MinValue);
        h += (ulong)KerasHash.HashBucketFast(bytes, 10);
        h += (ulong)KerasHash.HashBucketStrong(K0, K1, bytes, 10);
        h += KerasHash.CrossHashed(fingerprints);
        return h + (ulong)KerasHash.FloorMod(-3, 2);
    }
}
