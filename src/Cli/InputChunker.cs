using System;
using System.IO;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PrepGen.Cli;

/// <summary>
/// A piece of a line-based input (CSV, JSON lines, text) that ends at a record boundary, so that it can be parsed
/// on its own: <see cref="FirstLine"/> is the 1-based line it starts on; its bytes lie in a buffer of the chunker's
/// <see cref="BufferPool{T}"/>, which <see cref="Dispose"/> gives back.
/// </summary>
internal sealed class ByteChunk : IDisposable
{
    private readonly BufferPool<byte> _owner;
    private ArraySegment<byte> _buffer;

    public ByteChunk(ArraySegment<byte> buffer, int length, long firstLine, BufferPool<byte> owner)
    {
        _buffer = buffer;
        _owner = owner;
        Length = length;
        FirstLine = firstLine;
    }

    public int Length { get; }

    public long FirstLine { get; }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, Length);

    /// <summary>The bytes as a read-only stream (what Sep reads).</summary>
    public MemoryStream OpenRead() => new(_buffer.Array!, _buffer.Offset, Length, writable: false);

    public void Dispose()
    {
        if (_buffer.Array is not null)
        {
            _owner.Return(_buffer);
            _buffer = default;
        }
    }
}

/// <summary>
/// Cuts a byte stream into chunks of about <see cref="ChunkSize"/> to 2 x <see cref="ChunkSize"/> bytes (what one
/// read of the buffer fills) at record boundaries. Lines end with \n, \r\n or \r; with <c>quotes</c> (CSV,
/// RFC 4180) a line break inside a quoted field does not end a record.
/// Every chunk starts outside quotes, so chunks parse independently; line numbers are physical lines.
/// </summary>
internal sealed class InputChunker
{
    /// <summary>
    /// About the fewest bytes a chunk holds (1 MiB; the buffer, and so a chunk, holds up to twice that). Tests make it
    /// tiny to cut small files into many chunks: results do not depend on it, only the speed does.
    /// </summary>
    internal static int ChunkSize { get; set; } = 1 << 20;

    private readonly Stream _stream;
    private readonly bool _quotes;
    private readonly BufferPool<byte> _buffers = new(Math.Max(ChunkSize * 2, 4096));
    private ArraySegment<byte> _buffer; // becomes a chunk when a chunk starts at its beginning
    private int _start;
    private int _end;
    private bool _eof;
    private bool _first = true;
    private long _line = 1;

    public InputChunker(Stream stream, bool quotes)
    {
        _stream = stream;
        _quotes = quotes;
        _buffer = _buffers.Rent(0);
    }

    /// <summary>The 1-based line the next chunk or record starts on.</summary>
    public long Line => _line;

    /// <summary>Lines (\n, \r\n or \r ended) in <paramref name="bytes"/>.</summary>
    public static long CountLines(ReadOnlySpan<byte> bytes)
    {
        long returns = bytes.Count((byte)'\r');
        return bytes.Count((byte)'\n') + (returns == 0 ? 0 : returns - bytes.Count("\r\n"u8)); // most files have no \r
    }

    /// <summary>Skips <paramref name="lines"/> physical lines; false when the input ends first.</summary>
    public bool SkipLines(int lines)
    {
        for (int i = 0; i < lines; i++)
        {
            if (!Fill(1))
            {
                return false;
            }

            int end;
            while ((end = LineEnd(_buffer.AsSpan(_start, _end - _start))) < 0)
            {
                if (_eof)
                {
                    _start = _end; // the last line, without a line end
                    _line++;
                    return true;
                }

                Fill(_end - _start + 1);
            }

            _start += end;
            _line++;
        }

        return true;
    }

    /// <summary>
    /// The bytes of the next record without its line end, consumed or (<paramref name="consume"/> false) left for
    /// the next chunk; null at the end of the input. Blank lines before it are skipped when <paramref name="skipBlank"/>.
    /// </summary>
    public byte[]? ReadRecord(bool consume, bool skipBlank)
    {
        while (true)
        {
            if (!Fill(1))
            {
                return null;
            }

            int length;
            while ((length = FirstRecordEnd(_buffer.AsSpan(_start, _end - _start), _eof, out bool open)) == 0 || (_eof && open))
            {
                if (_eof)
                {
                    throw new CliException($"line {_line}: a quoted field is not closed before the end of the file.");
                }

                Fill(_end - _start + 1);
            }

            ReadOnlySpan<byte> record = _buffer.AsSpan(_start, length);
            int content = record.Length;
            while (content > 0 && record[content - 1] is (byte)'\n' or (byte)'\r')
            {
                content--;
            }

            if (skipBlank && content == 0)
            {
                _start += length;
                _line += CountLines(record);
                continue;
            }

            byte[] bytes = record[..content].ToArray();
            if (consume)
            {
                _start += length;
                _line += CountLines(record);
            }

            return bytes;
        }
    }

    /// <summary>The next chunk, or null at the end of the input. The caller disposes it.</summary>
    public ByteChunk? Next()
    {
        if (!Fill(ChunkSize))
        {
            return null;
        }

        int length;
        long lines;
        while ((length = LastRecordEnd(_buffer.AsSpan(_start, _end - _start), _eof, out bool open, out lines)) == 0 || (_eof && open))
        {
            if (_eof)
            {
                // A quoted field open at the end: name the line of the record it belongs to.
                throw new CliException($"line {_line + CountLines(_buffer.AsSpan(_start, length))}: a quoted field is not closed before the end of the file.");
            }

            // One record longer than the buffer: read on until its end.
            Fill(_end - _start + ChunkSize);
        }

        ByteChunk chunk;
        if (_start == 0)
        {
            // The buffer itself becomes the chunk (no copy of the chunk's bytes); what follows its last record moves
            // to a new buffer, of the standard size again after a buffer grown for a long record.
            ArraySegment<byte> next = _buffers.Rent(_end - length);
            _buffer.AsSpan(length, _end - length).CopyTo(next);
            chunk = new ByteChunk(_buffer, length, _line, _buffers);
            _buffer = next;
            _end -= length;
        }
        else
        {
            ArraySegment<byte> rented = _buffers.Rent(length);
            _buffer.AsSpan(_start, length).CopyTo(rented);
            chunk = new ByteChunk(rented, length, _line, _buffers);
            _start += length;
        }

        _line += lines;
        return chunk;
    }

    // Ensures at least `wanted` unread bytes, or all that is left; false when nothing is left.
    private bool Fill(int wanted)
    {
        if (_end - _start < wanted && !_eof)
        {
            if (_start > 0)
            {
                _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
                _end -= _start;
                _start = 0;
            }

            if (_buffer.Count < wanted)
            {
                ArraySegment<byte> larger = _buffers.Rent((int)Math.Min(Math.Max((long)wanted, (long)_buffer.Count * 2), Array.MaxLength));
                _buffer.AsSpan(0, _end).CopyTo(larger);
                _buffers.Return(_buffer);
                _buffer = larger;
            }

            while (_end < wanted && !_eof)
            {
                int read = _stream.Read(_buffer.AsSpan(_end));
                if (read == 0)
                {
                    _eof = true;
                }

                _end += read;
            }
        }

        // Byte arrays, not "\xEF..."u8: C#'s \x escapes make chars (U+00EF), which u8 encodes as two bytes each.
        if (_first && _end - _start >= 3 && _buffer.AsSpan(_start, 3).SequenceEqual((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            _start += 3; // a UTF-8 byte order mark
        }

        if (_first && _end - _start >= 2 && (_buffer.AsSpan(_start, 2).SequenceEqual((ReadOnlySpan<byte>)[0xFF, 0xFE]) || _buffer.AsSpan(_start, 2).SequenceEqual((ReadOnlySpan<byte>)[0xFE, 0xFF])))
        {
            throw new CliException("the input is UTF-16 (it starts with a UTF-16 byte order mark); convert it to UTF-8 (iconv -f UTF-16 -t UTF-8).");
        }

        _first = false;
        return _end > _start;
    }

    // The length up to and including the line end of the first line, or -1 when it has none yet.
    private int LineEnd(ReadOnlySpan<byte> s)
    {
        int i = s.IndexOfAny((byte)'\n', (byte)'\r');
        if (i < 0)
        {
            return -1;
        }

        if (s[i] == '\r')
        {
            if (i + 1 == s.Length && !_eof)
            {
                return -1;
            }

            if (i + 1 < s.Length && s[i + 1] == '\n')
            {
                i++;
            }
        }

        return i + 1;
    }

    // The length up to and including the first record end, 0 when there is none; with eof the input's end is a
    // record end. `open` says whether a quoted field is open at the end of `s`.
    private int FirstRecordEnd(ReadOnlySpan<byte> s, bool eof, out bool open)
    {
        open = false;
        if (!_quotes || s.IndexOf((byte)'"') < 0)
        {
            int end = LineEnd(s);
            return end > 0 ? end : (eof ? s.Length : 0);
        }

        bool quoted = false;
        int i = 0;
        while (i < s.Length)
        {
            int k = s[i..].IndexOfAny((byte)'"', (byte)'\n', (byte)'\r');
            if (k < 0)
            {
                break;
            }

            i += k;
            if (s[i] == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                if (s[i] == '\r')
                {
                    if (i + 1 == s.Length && !eof)
                    {
                        break;
                    }

                    if (i + 1 < s.Length && s[i + 1] == '\n')
                    {
                        i++;
                    }
                }

                return i + 1;
            }

            i++;
        }

        open = quoted;
        return eof && !quoted ? s.Length : 0;
    }

    // The length up to and including the last record end, 0 when there is none; with eof the input's end is a record
    // end. `open` says whether a quoted field is open at the end of `s`, `lines` how many lines the record ends hold.
    // Every quote toggles quoting ("" twice), so a line end lies outside quotes when the quotes before it are even in
    // number: one pass over `s` counts quotes and line ends together (CountMarks), then a walk back over line ends
    // usually stops at the first.
    private int LastRecordEnd(ReadOnlySpan<byte> s, bool eof, out bool open, out long lines)
    {
        (long quotes, long newlines, long returns) = CountMarks(s);
        quotes = _quotes ? quotes : 0;
        open = (quotes & 1) != 0;
        int end = s.Length;
        if (!(eof && !open))
        {
            while (true)
            {
                int i = s[..end].LastIndexOfAny((byte)'\n', (byte)'\r');
                if (i < 0)
                {
                    lines = 0;
                    return 0;
                }

                quotes -= _quotes ? s[i..end].Count((byte)'"') : 0; // without quoting, any line end ends a record
                end = i;
                if ((quotes & 1) == 0 && !(s[i] == '\r' && i + 1 == s.Length && !eof))
                {
                    end = i + 1;
                    break;
                }

                // inside quotes, or a \r that may be the first half of \r\n
            }
        }

        // Without \r every line end is one \n: the records' lines are the window's less the tail's (short).
        lines = returns == 0 ? newlines - s[end..].Count((byte)'\n') : CountLines(s[..end]);
        return end;
    }

    /// <summary>
    /// Quotes, \n and \r in <paramref name="bytes"/>, in one pass: the chunker used to make three vectorized passes (two
    /// for the line count, one for quote parity) over every byte it read.
    /// </summary>
    internal static (long Quotes, long Newlines, long Returns) CountMarks(ReadOnlySpan<byte> bytes)
    {
        long quotes = 0;
        long newlines = 0;
        long returns = 0;
        int i = 0;
        if (Vector256.IsHardwareAccelerated && bytes.Length >= Vector256<byte>.Count)
        {
            ref byte first = ref MemoryMarshal.GetReference(bytes);
            Vector256<byte> quote = Vector256.Create((byte)'"');
            Vector256<byte> newline = Vector256.Create((byte)'\n');
            Vector256<byte> ret = Vector256.Create((byte)'\r');
            for (; i <= bytes.Length - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                Vector256<byte> block = Vector256.LoadUnsafe(ref first, (nuint)i);
                quotes += BitOperations.PopCount(Vector256.Equals(block, quote).ExtractMostSignificantBits());
                newlines += BitOperations.PopCount(Vector256.Equals(block, newline).ExtractMostSignificantBits());
                returns += BitOperations.PopCount(Vector256.Equals(block, ret).ExtractMostSignificantBits());
            }
        }

        ReadOnlySpan<byte> rest = bytes[i..];
        return (quotes + rest.Count((byte)'"'), newlines + rest.Count((byte)'\n'), returns + rest.Count((byte)'\r'));
    }
}
