using System.Text;
using System.Threading;

namespace PrepGen.Cli.Tests;

/// <summary>
/// The chunker cuts CSV at record ends found by quote parity (a line end is outside quotes when the quotes before it
/// are even in number) and hands its own buffer out as the chunk. Checked against a plain state machine over the same
/// bytes: the chunks put back together are the input, every cut is a record end outside quotes and never between the
/// \r and \n of one line end, and each chunk's first line is the one the state machine counts.
/// </summary>
public sealed class InputChunkerTests
{
    private static readonly string[] Fields =
    [
        "a", "word", "", "\"q,x\"", "\"multi\nline\"", "\"with \"\"escaped\"\" quotes\"", "\"cr\r\nlf inside\"", "\"lone\rcr\"",
        "\"\"", new string('w', 700), "\"" + new string('l', 300) + "\n" + new string('m', 300) + "\"",
    ];

    private static readonly string[] Ends = ["\n", "\r\n", "\r"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Chunks_end_at_records_outside_quotes(int seed)
    {
        byte[] input = Csv(new Random(seed), rows: 3000);
        List<(byte[] Bytes, long FirstLine)> chunks = Chunks(input);
        Assert.True(chunks.Count > 20, $"only {chunks.Count} chunks: the test must cut the input many times");
        AssertCutAtRecords(input, chunks);
    }

    [Fact]
    public void Chunks_of_a_file_with_newline_ends_only_count_their_lines_from_one_pass()
    {
        // Without \r the chunker takes a chunk's lines from its one counting pass, less the tail it leaves.
        byte[] input = Csv(new Random(11), rows: 3000, ends: ["\n"]);
        List<(byte[] Bytes, long FirstLine)> chunks = Chunks(input);
        Assert.True(chunks.Count > 20, $"only {chunks.Count} chunks");
        AssertCutAtRecords(input, chunks);
    }

    [Fact]
    public void Marks_are_counted_at_every_length_and_position()
    {
        var random = new Random(3);
        byte[] alphabet = [(byte)'"', (byte)'\n', (byte)'\r', (byte)'a', 0, 0xFF, (byte)','];
        for (int length = 0; length <= 200; length++)
        {
            byte[] bytes = Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray();
            (long quotes, long newlines, long returns) = InputChunker.CountMarks(bytes);
            Assert.Equal(bytes.Count(b => b == '"'), quotes);
            Assert.Equal(bytes.Count(b => b == '\n'), newlines);
            Assert.Equal(bytes.Count(b => b == '\r'), returns);
        }
    }

    [Fact]
    public void A_quoted_field_open_at_the_end_names_its_record_line()
    {
        // Many records, then one whose quote never closes: the line named is that record's first line.
        var text = new StringBuilder("h\n");
        for (int i = 0; i < 2000; i++)
        {
            text.Append("\"a\nb\"\n");
        }

        text.Append("ok\n\"never closed\nx\ny\n");
        byte[] input = Encoding.UTF8.GetBytes(text.ToString());
        CliException error = Assert.Throws<CliException>(() => Chunks(input));
        Assert.StartsWith($"line {1 + (2000 * 2) + 1 + 1}: a quoted field is not closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_quotes_a_quote_byte_does_not_hold_a_line()
    {
        // Text and JSON lines: every line end is a record end, quotes or not.
        byte[] input = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 3000).Select(i => $"say \"{i}\n")));
        List<(byte[] Bytes, long FirstLine)> chunks = Chunks(input, quotes: false);
        Assert.Equal(input, chunks.SelectMany(c => c.Bytes).ToArray());
        Assert.All(chunks, c => Assert.Equal((byte)'\n', c.Bytes[^1]));
        int offset = 0;
        foreach ((byte[] bytes, long firstLine) in chunks)
        {
            Assert.Equal(1 + input.AsSpan(0, offset).Count((byte)'\n'), firstLine);
            offset += bytes.Length;
        }
    }

    [Fact]
    public void Chunks_held_at_once_keep_their_bytes_and_buffers_come_back()
    {
        // The workers hold several chunks while the reader cuts more: no buffer may be handed out twice, and a disposed
        // chunk's buffer is what the next chunk reuses.
        byte[] input = Csv(new Random(5), rows: 3000);
        InputChunker.ChunkSize = 256;
        var chunker = new InputChunker(new MemoryStream(input), quotes: true);
        var held = new List<ByteChunk>();
        while (chunker.Next() is ByteChunk chunk)
        {
            held.Add(chunk);
        }

        Assert.True(held.Count > 20, $"only {held.Count} chunks");
        Assert.Equal(input, held.SelectMany(c => c.Span.ToArray()).ToArray());
        held.ForEach(c => c.Dispose());
    }

    [Fact]
    public void Records_longer_than_the_buffer_grow_it_and_the_chunks_after_them_are_still_cut_at_record_ends()
    {
        // The buffer (4 KiB at this chunk size) grows for a record of 10-20 KB, quoted line breaks inside, and the
        // records after it are cut as before.
        var text = new StringBuilder();
        var random = new Random(7);
        for (int r = 0; r < 400; r++)
        {
            text.Append(r % 97 == 5 ? "\"" + new string('x', random.Next(10_000, 20_000)) + "\n" + new string('y', 500) + "\",z" : "a,\"b\nc\"");
            text.Append(Ends[random.Next(Ends.Length)]);
        }

        byte[] input = Encoding.UTF8.GetBytes(text.ToString());
        AssertCutAtRecords(input, Chunks(input));
    }

    [Fact]
    public void Huge_page_buffers_shared_by_threads_are_never_handed_out_twice()
    {
        // The pool of a real adapt: 2 MiB buffers (huge pages on Linux), rented and returned on several threads. In
        // lockstep (all rent, all fill with their own mark, all check, all return), two holders of one buffer always
        // see each other's mark.
        const int Threads = 4;
        var pool = new BufferPool<byte>(2 << 20);
        using var step = new Barrier(Threads);
        int clashes = 0;
        Thread[] threads = [.. Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            for (int round = 0; round < 20; round++)
            {
                ArraySegment<byte> buffer = pool.Rent(100);
                byte mark = (byte)((t * 20) + round + 1);
                step.SignalAndWait();
                buffer.AsSpan().Fill(mark);
                step.SignalAndWait();
                if (buffer.Count != 2 << 20 || buffer.AsSpan().IndexOfAnyExcept(mark) >= 0)
                {
                    Interlocked.Increment(ref clashes);
                }

                step.SignalAndWait();
                pool.Return(buffer);
            }
        }))];
        Array.ForEach(threads, t => t.Start());
        Array.ForEach(threads, t => t.Join());
        Assert.Equal(0, clashes);
    }

    [Fact]
    public void Chunk_buffers_are_reused_and_oversized_ones_dropped()
    {
        var buffers = new BufferPool<byte>(4096);
        ArraySegment<byte> first = buffers.Rent(100);
        Assert.Equal(4096, first.Count);
        buffers.Return(first);
        Assert.Same(first.Array, buffers.Rent(4096).Array);

        ArraySegment<byte> large = buffers.Rent(5000);
        Assert.True(large.Count >= 5000);
        buffers.Return(large);
        Assert.NotSame(large.Array, buffers.Rent(10).Array);
    }

    // The chunks put back together are the input; each starts on the line the reference counts and ends at a record end.
    private static void AssertCutAtRecords(byte[] input, List<(byte[] Bytes, long FirstLine)> chunks)
    {
        Assert.Equal(input, chunks.SelectMany(c => c.Bytes).ToArray());
        int offset = 0;
        foreach ((byte[] bytes, long firstLine) in chunks)
        {
            Assert.Equal(Reference.LineAt(input, offset), firstLine);
            offset += bytes.Length;
            Assert.True(Reference.IsRecordEnd(input, offset), $"a chunk ends at byte {offset}, inside a quoted field or a \\r\\n");
        }
    }

    private static List<(byte[] Bytes, long FirstLine)> Chunks(byte[] input, bool quotes = true)
    {
        InputChunker.ChunkSize = 256; // other tests may set it too; any size must give record-end cuts
        var chunker = new InputChunker(new MemoryStream(input), quotes);
        var chunks = new List<(byte[], long)>();
        while (chunker.Next() is ByteChunk chunk)
        {
            using (chunk)
            {
                chunks.Add((chunk.Span.ToArray(), chunk.FirstLine));
            }
        }

        return chunks;
    }

    private static byte[] Csv(Random random, int rows, string[]? ends = null)
    {
        ends ??= Ends;
        var text = new StringBuilder();
        for (int r = 0; r < rows; r++)
        {
            int fields = random.Next(1, 4);
            for (int f = 0; f < fields; f++)
            {
                text.Append(f > 0 ? "," : "").Append(Fields[random.Next(Fields.Length)]);
            }

            text.Append(ends[random.Next(ends.Length)]);
            if (random.Next(20) == 0)
            {
                text.Append('\n'); // a blank line
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>RFC 4180 read one byte at a time: quotes toggle quoting; \n, \r\n and \r end lines.</summary>
    private static class Reference
    {
        public static long LineAt(byte[] input, int offset)
        {
            long line = 1;
            for (int i = 0; i < offset; i++)
            {
                if (input[i] == '\n' || (input[i] == '\r' && (i + 1 >= input.Length || input[i + 1] != '\n')))
                {
                    line++;
                }
            }

            return line;
        }

        public static bool IsRecordEnd(byte[] input, int offset)
        {
            if (offset == input.Length)
            {
                return true;
            }

            bool quoted = false;
            for (int i = 0; i < offset; i++)
            {
                quoted ^= input[i] == '"';
            }

            bool afterLineEnd = input[offset - 1] == '\n' || (input[offset - 1] == '\r' && input[offset] != '\n');
            return !quoted && afterLineEnd;
        }
    }
}
