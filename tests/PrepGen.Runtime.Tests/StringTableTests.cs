using System.Text;

namespace PrepGen.Runtime.Tests;

/// <summary>
/// The run-time half of a string table: <see cref="StringTable.Build"/> rejects data that does not fit this
/// runtime instead of answering wrong ids. (Generated tables are tested through generated code in the
/// generator and parity tests.)
/// </summary>
public class StringTableTests
{
    [Fact]
    public void Two_keys_in_one_slot_are_rejected()
    {
        // One slot for two keys: no pilot can separate them, as data from another hash version would do.
        byte[] keys = Blob("cat", "dog");
        var ex = Assert.Throws<InvalidOperationException>(() => StringTable.Build(1, 1, " "u8, keys, 2));
        Assert.Contains("share a slot", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_count_that_differs_from_the_blob_is_rejected()
    {
        byte[] keys = Blob("cat");
        var ex = Assert.Throws<InvalidOperationException>(() => StringTable.Build(1, 4, " "u8, keys, 2));
        Assert.Contains("1 keys where 2 were expected", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_blob_is_rejected()
    {
        byte[] keys = Blob("cats")[..^1];
        Assert.Throws<InvalidOperationException>(() => StringTable.Build(1, 4, " "u8, keys, 1));
    }

    [Fact]
    public void Lengths_round_trip_at_the_one_byte_boundary_and_beyond()
    {
        foreach (int length in new[] { 0, 1, KeyBlob.MaxShortLength, KeyBlob.MaxShortLength + 1, 1000, KeyBlob.MaxLength })
        {
            var blob = new byte[5];
            int pos = 0;
            KeyBlob.WriteLength(blob, ref pos, length);
            Assert.Equal(KeyBlob.LengthBytes(length), pos);
            Assert.All(blob, b => Assert.True(b < 0x80, "length bytes must be ASCII"));
            if (length <= KeyBlob.MaxShortLength)
            {
                Assert.InRange(blob[0], (byte)0x20, (byte)0x7E); // printable
            }

            var withKey = new byte[pos + length];
            Array.Copy(blob, withKey, pos);
            int read = 0;
            Assert.Equal(length, KeyBlob.ReadLength(withKey, ref read));
            Assert.Equal(pos, read);
        }
    }

    [Fact]
    public void A_one_slot_table_finds_its_key_through_every_entry_point()
    {
        byte[] keys = Blob("a much longer key than sixteen bytes");
        nint slots = StringTable.Build(9, 1, " "u8, keys, 1);
        Assert.Equal(0, StringTable.Find("a much longer key than sixteen bytes"u8, 9, " "u8, slots, 1, keys));
        Assert.Equal(0, StringTable.FindAscii("a much longer key than sixteen bytes", 9, " "u8, slots, 1, keys));
        Assert.Equal(-1, StringTable.Find("a much longer key than sixteen bytez"u8, 9, " "u8, slots, 1, keys));
        Assert.Equal(-1, StringTable.FindAscii("a much longer key than sixteen bytez", 9, " "u8, slots, 1, keys));
        Assert.Equal(StringTable.NotAscii, StringTable.FindAscii("a much longer key than sixteen byt\u00e9", 9, " "u8, slots, 1, keys));
        Assert.Equal(StringTable.NotAscii, StringTable.FindAscii("caf\u00e9", 9, " "u8, slots, 1, keys));
        Assert.Equal(-1, StringTable.FindAscii("cafe", 9, " "u8, slots, 1, keys));
    }

    private static byte[] Blob(params string[] tokens)
    {
        var blob = new List<byte>();
        foreach (string token in tokens)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(token);
            var length = new byte[5];
            int pos = 0;
            KeyBlob.WriteLength(length, ref pos, bytes.Length);
            blob.AddRange(length[..pos]);
            blob.AddRange(bytes);
        }

        return blob.ToArray();
    }
}
