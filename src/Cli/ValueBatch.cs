using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace PrepGen.Cli;

/// <summary>
/// Up to <see cref="Capacity"/> values of a lookup's column as UTF-8 bytes, with their lines, handed on together: a text
/// line is a range of the chunk itself; a CSV field (Sep gives chars) is transcoded into the batch's own bytes. One
/// batch per parse call, reused, so a record costs no allocation; a whole batch lets the counter hash every value
/// before it probes for any (Utf8TokenCounter.AddValues).
/// </summary>
internal sealed class ValueBatch
{
    public const int Capacity = 1024;

    private readonly int[] _ranges = new int[2 * Capacity];
    private readonly long[] _lines = new long[Capacity];
    private byte[] _bytes = [];
    private int _used;
    private int _count;

    /// <summary>The values read so far (all batches).</summary>
    public long Total { get; private set; }

    /// <summary>Adds <c>source[start..end]</c>, a value lying in the bytes <see cref="Flush(ReadOnlySpan{byte}, Utf8Values)"/> gets.</summary>
    public void Add(int start, int end, long line, ReadOnlySpan<byte> source, Utf8Values values)
    {
        _ranges[2 * _count] = start;
        _ranges[(2 * _count) + 1] = end;
        _lines[_count++] = line;
        if (_count == Capacity)
        {
            Flush(source, values);
        }
    }

    /// <summary>Adds a value given as chars (valid UTF-16: the input was checked as UTF-8), transcoded into the batch.</summary>
    public void Add(ReadOnlySpan<char> value, long line, Utf8Values values)
    {
        int most = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (_bytes.Length - _used < most)
        {
            Flush(values); // keep the buffer small: it holds one batch, not the chunk

            if (_bytes.Length < most)
            {
                _bytes = new byte[Math.Max(most, Math.Max(_bytes.Length * 2, 16 * Capacity))];
            }
        }

        int start = _used;
        _used += Transcode(value, _bytes.AsSpan(_used));
        Add(start, _used, line, _bytes, values); // a full batch is flushed, which empties the bytes too
    }

    // Most values are short and ASCII: four chars at a time through one 64-bit word (Encoding.UTF8.GetBytes cost 25 ns a
    // value, a fifth of a string-lookup adapt; a char loop and Ascii.FromUtf16, whose setup is for long inputs, 8% of
    // it); anything else goes through UTF-8.
    private static int Transcode(ReadOnlySpan<char> value, Span<byte> destination)
    {
        if (destination.Length < value.Length || !BitConverter.IsLittleEndian)
        {
            return Encoding.UTF8.GetBytes(value, destination); // the word trick below is little-endian
        }

        ref byte chars = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(value));
        ref byte bytes = ref MemoryMarshal.GetReference(destination);
        int i = 0;
        for (; i + 4 <= value.Length; i += 4)
        {
            ulong four = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref chars, 2 * i));
            if ((four & 0xFF80_FF80_FF80_FF80UL) != 0)
            {
                return Encoding.UTF8.GetBytes(value, destination);
            }

            four = (four | (four >> 8)) & 0x0000_FFFF_0000_FFFFUL; // little-endian: char k's low byte to byte k
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref bytes, i), (uint)(four | (four >> 16)));
        }

        for (; i < value.Length; i++)
        {
            char c = value[i];
            if (c >= 0x80)
            {
                return Encoding.UTF8.GetBytes(value, destination);
            }

            Unsafe.Add(ref bytes, i) = (byte)c;
        }

        return value.Length;
    }

    /// <summary>Hands on the values added as ranges of <paramref name="source"/>.</summary>
    public void Flush(ReadOnlySpan<byte> source, Utf8Values values)
    {
        if (_count > 0)
        {
            values(source, _ranges.AsSpan(0, 2 * _count), _lines.AsSpan(0, _count));
            Total += _count;
        }

        _count = 0;
        _used = 0;
    }

    /// <summary>Hands on the values transcoded into the batch.</summary>
    public void Flush(Utf8Values values) => Flush(_bytes, values);
}
