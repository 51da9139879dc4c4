using System.Globalization;
using System.Text;
using System.Text.Json;
using PrepGen.Hashing;

namespace PrepGen.Runtime.Tests.Hashing;

/// <summary>
/// farmhash-long.json: Fingerprint64 and SipHash-2-4 for every length class (the Keras/TF suites only cover
/// short strings), computed with the C/C++ reference implementations; see the file's "how" field.
/// </summary>
public class LongInputTests
{
    public static TheoryData<string> FingerprintCases => Cases(VectorFiles.FarmHashLong.GetProperty("fingerprint64"), "fp");

    public static TheoryData<string> SipHashCases
    {
        get
        {
            var data = new TheoryData<string>();
            int keyIndex = 0;
            foreach (var set in VectorFiles.FarmHashLong.GetProperty("siphash24").EnumerateArray())
            {
                foreach (var row in (IEnumerable<object[]>)Cases(set.GetProperty("values"), $"sip{keyIndex}"))
                {
                    data.Add((string)row[0]);
                }

                keyIndex++;
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(FingerprintCases))]
    public void Fingerprint64_matches_farmhash(string label)
    {
        var entry = Entry(VectorFiles.FarmHashLong.GetProperty("fingerprint64"), label);
        ulong expected = ulong.Parse(entry.GetProperty("value").GetString()!, CultureInfo.InvariantCulture);

        Assert.Equal(expected, KerasHash.Fingerprint64(Bytes(entry)));
        if (entry.TryGetProperty("text", out var text))
        {
            Assert.Equal(expected, KerasHash.Fingerprint64(text.GetString()!));
            Assert.Equal(expected, KerasHash.Fingerprint64(text.GetString().AsSpan()));
        }
    }

    [Theory]
    [MemberData(nameof(SipHashCases))]
    public void SipHash24_matches_reference_c(string label)
    {
        int keyIndex = int.Parse(label.AsSpan(3, label.IndexOf(':') - 3), CultureInfo.InvariantCulture);
        var set = VectorFiles.FarmHashLong.GetProperty("siphash24")[keyIndex];
        ulong k0 = ulong.Parse(set.GetProperty("k0").GetString().AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        ulong k1 = ulong.Parse(set.GetProperty("k1").GetString().AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var entry = Entry(set.GetProperty("values"), label);
        ulong expected = ulong.Parse(entry.GetProperty("value").GetString()!, CultureInfo.InvariantCulture);

        Assert.Equal(expected, KerasHash.SipHash24(k0, k1, Bytes(entry)));
        if (entry.TryGetProperty("text", out var text))
        {
            Assert.Equal(expected, KerasHash.SipHash24(k0, k1, text.GetString()!));
        }
    }

    [Fact]
    public void Every_length_class_is_covered()
    {
        var lengths = VectorFiles.FarmHashLong.GetProperty("fingerprint64").EnumerateArray()
            .Where(e => e.TryGetProperty("len", out _)).Select(e => e.GetProperty("len").GetInt32()).ToHashSet();
        Assert.True(Enumerable.Range(0, 301).All(lengths.Contains));
        Assert.Superset(new HashSet<int> { 511, 512, 513, 1000, 1024, 2048, 4096, 4097 }, lengths);
    }

    // Labels are "<prefix>:len=N" or "<prefix>:text#i" so each value is its own test case.
    private static TheoryData<string> Cases(JsonElement entries, string prefix)
    {
        var data = new TheoryData<string>();
        int textIndex = 0;
        foreach (var e in entries.EnumerateArray())
        {
            data.Add(e.TryGetProperty("len", out var len) ? $"{prefix}:len={len.GetInt32()}" : $"{prefix}:text#{textIndex++}");
        }

        return data;
    }

    private static JsonElement Entry(JsonElement entries, string label)
    {
        string key = label[(label.IndexOf(':') + 1)..];
        if (key.StartsWith("len=", StringComparison.Ordinal))
        {
            int len = int.Parse(key.AsSpan(4), CultureInfo.InvariantCulture);
            return entries.EnumerateArray().Single(e => e.TryGetProperty("len", out var l) && l.GetInt32() == len);
        }

        int index = int.Parse(key.AsSpan(5), CultureInfo.InvariantCulture);
        return entries.EnumerateArray().Where(e => e.TryGetProperty("text", out _)).ElementAt(index);
    }

    // byte i = (i * 31 + 7) & 0xFF for "len" entries; the UTF-8 bytes for "text" entries.
    private static byte[] Bytes(JsonElement entry) =>
        entry.TryGetProperty("len", out var len)
            ? Enumerable.Range(0, len.GetInt32()).Select(i => (byte)((i * 31) + 7)).ToArray()
            : Encoding.UTF8.GetBytes(entry.GetProperty("text").GetString()!);
}
