using System;
using System.Buffers;
using System.IO;
using System.IO.Compression;
using System.Text.Unicode;

namespace PrepGen.Cli;

/// <summary>
/// Records' values as UTF-8 bytes: value i is <c>utf8[ranges[2i]..ranges[2i + 1]]</c> (valid UTF-8, alive until the call
/// returns) and starts on the 1-based line <c>lines[i]</c>.
/// </summary>
internal delegate void Utf8Values(ReadOnlySpan<byte> utf8, ReadOnlySpan<int> ranges, ReadOnlySpan<long> lines);

/// <summary>
/// An input cut into work items: <see cref="Next"/> runs on one thread (the reader) and hands out items in input
/// order; <see cref="Parse"/> turns one item into rows on any thread. Items parse independently.
/// </summary>
internal abstract class RowSource : IDisposable
{
    /// <summary>How far the input goes, in <see cref="Unit"/> (0 when unknown).</summary>
    public abstract long Total { get; }

    /// <summary>How much of the input the reader has consumed, in <see cref="Unit"/>.</summary>
    public abstract long Position { get; }

    /// <summary>"bytes" or "rows".</summary>
    public abstract string Unit { get; }

    /// <summary>"line" for text formats, "row" for Parquet: what error messages count.</summary>
    public virtual string Where => "line";

    /// <summary>The next work item in input order, or null at the end.</summary>
    public abstract IDisposable? Next();

    /// <summary>The rows of one item, in order. <paramref name="cache"/> is per thread (e.g. an open reader).</summary>
    public abstract void Parse(IDisposable item, ref IDisposable? cache, Action<InputRow> row);

    /// <summary>
    /// The numbers of one item's selected columns, row by row, as float32 (a numeric layer's input); returns the
    /// rows read. Sources that can parse fields where they lie override it to skip the per-row cells.
    /// </summary>
    public virtual long ParseNumbers(IDisposable item, ref IDisposable? cache, FloatList values)
    {
        long rows = 0;
        Parse(item, ref cache, row =>
        {
            rows++;
            foreach (Cell cell in row.Cells)
            {
                values.Add(NumericField.Parse(cell, row.Line, Where));
            }
        });
        return rows;
    }

    public abstract void Dispose();

    /// <summary>Opens a file, decompressing gzip (recognised by its magic bytes 1f 8b, whatever the extension).</summary>
    public static Stream OpenDecompressed(string path, out FileStream file, out bool gzip)
    {
        file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        Span<byte> magic = stackalloc byte[2];
        int read = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Position = 0;
        gzip = read == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        return gzip ? new CheckedGzipStream(file) : file;
    }

    /// <summary>Refuses invalid UTF-8, naming the line of the first bad byte.</summary>
    public static void RequireUtf8(ReadOnlySpan<byte> bytes, long firstLine)
    {
        if (Utf8.IsValid(bytes))
        {
            return;
        }

        int offset = 0;
        char[] scratch = ArrayPool<char>.Shared.Rent(4096);
        try
        {
            while (true)
            {
                OperationStatus status = Utf8.ToUtf16(bytes[offset..], scratch, out int read, out _, replaceInvalidSequences: false, isFinalBlock: true);
                offset += read;
                if (status != OperationStatus.DestinationTooSmall)
                {
                    break;
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(scratch);
        }

        long line = firstLine + InputChunker.CountLines(bytes[..offset]);
        string at = offset < bytes.Length ? $"byte 0x{bytes[offset]:X2}" : "a sequence cut off at the end";
        throw new CliException($"line {line}: invalid UTF-8 ({at}); the input must be UTF-8 (convert it with iconv -t UTF-8).");
    }

    /// <summary>
    /// GZipStream ends quietly at a truncated file; this one compares the bytes it gave with the size the gzip
    /// trailer records (ISIZE, the last 4 bytes) when the data ends, so a cut-off download is an error, not less
    /// data. (A multi-member gzip, e.g. bgzip, records only its last member's size there and is refused too.)
    /// </summary>
    private sealed class CheckedGzipStream(FileStream file) : Stream
    {
        private readonly GZipStream _gzip = new(file, CompressionMode.Decompress, leaveOpen: false);
        private long _length;
        private bool _checked;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _length;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int read = _gzip.Read(buffer);
            _length += read;
            if (read == 0 && buffer.Length > 0 && !_checked)
            {
                _checked = true;
                Span<byte> trailer = stackalloc byte[4];
                if (file.Length < 18 || RandomAccess.Read(file.SafeFileHandle, trailer, file.Length - 4) != 4
                    || System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(trailer) != (uint)_length)
                {
                    throw new InvalidDataException("the gzip data is truncated (its trailer does not record the "
                        + $"{_length:N0} bytes it decompressed to; multi-member gzip files are not read). Recompress it with gzip.");
                }
            }

            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _gzip.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
