using System.Text;
using PrepGen.Runtime;

namespace PrepGen.Runtime.Tests;

public class TableHashTests
{
    [Fact]
    public void Slot_and_bucket_stay_in_range()
    {
        var rng = new Random(7);
        var key = new byte[40];
        for (int i = 0; i < 10_000; i++)
        {
            rng.NextBytes(key);
            ulong h = TableHash.Hash(key.AsSpan(0, rng.Next(key.Length + 1)), 12345);
            Assert.InRange(TableHash.Bucket(h, 17), 0u, 16u);
            Assert.InRange(TableHash.Slot(h, (byte)i, 33), 0u, 32u);
        }
    }

    [Fact]
    public void Hash_depends_on_every_byte_and_the_length()
    {
        var seen = new HashSet<ulong>();
        var key = new byte[70];
        for (int len = 0; len <= key.Length; len++)
        {
            Assert.True(seen.Add(TableHash.Hash(key.AsSpan(0, len), 0)), $"length {len} collides");
        }

        for (int pos = 0; pos < key.Length; pos++)
        {
            key[pos] = 1;
            Assert.True(seen.Add(TableHash.Hash(key, 0)), $"flipping byte {pos} collides");
            key[pos] = 0;
        }
    }

    [Fact]
    public void HashAscii_of_chars_equals_Hash_of_their_bytes_at_every_length()
    {
        var rng = new Random(11);
        for (int len = 0; len <= 300; len++)
        {
            for (int trial = 0; trial < 4; trial++)
            {
                char[] chars = Enumerable.Range(0, len).Select(_ => (char)rng.Next(0, 128)).ToArray();
                byte[] bytes = System.Text.Encoding.ASCII.GetBytes(chars);
                ulong seed = (ulong)rng.NextInt64();
                Assert.Equal(TableHash.Hash(bytes, seed), TableHash.HashAscii(chars, seed));
            }
        }
    }

    [Fact]
    public void Short_key_words_hold_every_byte_and_ascii_words_match_them()
    {
        // Tables compare a short key by its words and length alone, so distinct keys of one length must
        // have distinct words: change any one byte and the words change.
        var rng = new Random(5);
        for (int len = 0; len <= TableHash.ShortKeyBytes; len++)
        {
            byte[] key = new byte[len];
            rng.NextBytes(key);
            for (int i = 0; i < len; i++)
            {
                key[i] &= 0x7F;
            }

            TableHash.Words(key, out ulong a, out ulong b);
            Assert.True(TableHash.AsciiWords(Encoding.ASCII.GetString(key), out ulong ca, out ulong cb));
            Assert.Equal((a, b), (ca, cb));
            Assert.Equal(TableHash.Hash(key, 3), TableHash.HashWords(a, b, len, 3));
            for (int pos = 0; pos < len; pos++)
            {
                byte saved = key[pos];
                key[pos] ^= 0x41;
                TableHash.Words(key, out ulong a2, out ulong b2);
                Assert.NotEqual((a, b), (a2, b2));
                key[pos] = saved;
            }
        }
    }

    [Fact]
    public void Ascii_words_reject_every_non_ASCII_char_position()
    {
        for (int len = 1; len <= TableHash.ShortKeyBytes; len++)
        {
            for (int pos = 0; pos < len; pos++)
            {
                char[] chars = Enumerable.Repeat('a', len).ToArray();
                chars[pos] = '\u0161'; // narrows to 'a' if truncated
                Assert.False(TableHash.AsciiWords(chars, out _, out _), $"length {len}, position {pos}");
            }
        }
    }

    [Fact]
    public void Short_hash_matches_a_BigInteger_product()
    {
        // HashWords folds a 128-bit product; the generator (netstandard2.0) computes it from 32-bit halves,
        // so pin the value the runtime gets against exact arithmetic.
        var rng = new Random(13);
        for (int i = 0; i < 1000; i++)
        {
            ulong a = (ulong)rng.NextInt64(), b = (ulong)rng.NextInt64(), seed = (ulong)rng.NextInt64();
            int len = rng.Next(17);
            ulong x = a ^ seed ^ 0x9E3779B97F4A7C15UL;
            ulong y = b ^ ((seed << 32) | (seed >> 32)) ^ unchecked((ulong)len * 0xC2B2AE3D27D4EB4FUL);
            var product = new System.Numerics.BigInteger(x) * new System.Numerics.BigInteger(y);
            ulong lo = (ulong)(product & ulong.MaxValue);
            ulong hi = (ulong)(product >> 64);
            Assert.Equal(hi ^ lo, TableHash.HashWords(a, b, len, seed));
        }
    }
}
