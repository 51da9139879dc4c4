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
    public void Words_follow_their_definition_at_every_short_length()
    {
        // The generator computes words by the definition (netstandard2.0 path); the runtime by masked loads.
        var rng = new Random(9);
        for (int len = 0; len <= TableHash.ShortKeyBytes; len++)
        {
            byte[] key = new byte[len];
            rng.NextBytes(key);
            byte[] padded = new byte[16];
            key.CopyTo(padded, 0);
            ulong a = BitConverter.ToUInt64(len <= 8 ? padded : key, 0);
            ulong b = len <= 8 ? a : BitConverter.ToUInt64(key, len - 8);
            TableHash.Words(key, out ulong wa, out ulong wb);
            Assert.Equal((a, b), (wa, wb));
        }
    }

    [Fact]
    public void Keys_that_end_a_memory_page_are_read_without_crossing_it()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // the guard page is made with mmap/mprotect
        }

        using var guarded = new GuardedPage();
        for (int len = 0; len <= TableHash.ShortKeyBytes; len++)
        {
            Span<byte> bytes = guarded.Tail(len);
            Span<char> chars = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, char>(guarded.Tail(2 * len));
            for (int i = 0; i < len; i++)
            {
                bytes[i] = (byte)('a' + i);
            }

            byte[] copy = bytes.ToArray();
            TableHash.Words(bytes, out ulong a, out ulong b);
            TableHash.Words(copy, out ulong ca, out ulong cb);
            Assert.Equal((ca, cb), (a, b));

            for (int i = 0; i < len; i++)
            {
                chars[i] = (char)('a' + i);
            }

            Assert.True(TableHash.AsciiWords(chars, out ulong ua, out ulong ub));
            Assert.Equal((ca, cb), (ua, ub));
        }
    }

    /// <summary>A readable page followed by an inaccessible one: reading past <see cref="Tail"/> faults.</summary>
    private sealed unsafe class GuardedPage : IDisposable
    {
        private const int Page = 4096;
        private readonly byte* _base;

        public GuardedPage()
        {
            _base = (byte*)Mmap(0, 2 * Page, 3 /* read|write */, 0x22 /* private|anonymous */, -1, 0);
            Assert.True(Mprotect((nint)(_base + Page), Page, 0) == 0, "mprotect failed");
        }

        /// <summary>The last <paramref name="length"/> bytes before the guard page.</summary>
        public Span<byte> Tail(int length) => new(_base + Page - length, length);

        public void Dispose() => Munmap((nint)_base, 2 * Page);

        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mmap")]
        private static extern nint Mmap(nint addr, nint length, int prot, int flags, int fd, nint offset);

        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mprotect")]
        private static extern int Mprotect(nint addr, nint length, int prot);

        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "munmap")]
        private static extern int Munmap(nint addr, nint length);
    }
}
