// Compiled into BOTH the runtime (verifies a mapped table) and the build task (seals the file it writes), linked.
using System;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace PrepGen.Runtime;

/// <summary>
/// The checksums of a <see cref="TableFile"/>: CRC-32C (the hardware <c>crc32</c> instruction, through
/// <see cref="BitOperations.Crc32C(uint, ulong)"/>), each run of bytes as four interleaved streams (four
/// independent dependency chains keep the instruction's pipeline full). A block's sum covers its bytes; the
/// header's sum covers the header's first <see cref="TableFile.ChecksumOffset"/> bytes, the pilots and the block
/// sums, so the header sum vouches for every block sum and each block sum for its block.
/// </summary>
public static unsafe class TableChecksum
{
    /// <summary>A section longer than this is summed as a sequence of runs of this many bytes.</summary>
    private const int RunBytes = 1 << 20;

    private const int Streams = 4;

    /// <summary>The header sum of the table file at <paramref name="file"/>.</summary>
    public static uint Header(byte* file, in TableFileHeader h)
    {
        uint crc = ~0u;
        crc = BitOperations.Crc32C(crc, Section(file, TableFile.ChecksumOffset));
        crc = BitOperations.Crc32C(crc, Section(file + TableFile.PilotsOffset(h), h.BucketCount));
        crc = BitOperations.Crc32C(crc, Section(file + TableFile.BlockSumsOffset(h), TableFile.Blocks(h) * sizeof(uint)));
        return ~crc;
    }

    /// <summary>The sum of block <paramref name="block"/> of the table file at <paramref name="file"/>, as it is computed now.</summary>
    public static uint Block(byte* file, in TableFileHeader h, long block)
    {
        (long offset, int length) = TableFile.Block(h, block);
        return Run(file + offset, length);
    }

    /// <summary>The sum the file records for block <paramref name="block"/>.</summary>
    public static uint RecordedBlock(byte* file, in TableFileHeader h, long block) =>
        BinaryPrimitives.ReadUInt32LittleEndian(new ReadOnlySpan<byte>(file + TableFile.BlockSumsOffset(h) + (block * sizeof(uint)), sizeof(uint)));

    /// <summary>
    /// Writes every block's sum, then the header with its sum: the last step of writing a table file (and of a
    /// tool that repairs or crafts one). The file's header bytes must already be <paramref name="h"/>'s; its
    /// checksum field is ignored.
    /// </summary>
    public static void Seal(byte* file, TableFileHeader h)
    {
        long blocks = TableFile.Blocks(h);
        byte* sums = file + TableFile.BlockSumsOffset(h);
        for (long b = 0; b < blocks; b++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(new Span<byte>(sums + (b * sizeof(uint)), sizeof(uint)), Block(file, h, b));
        }

        // The header bytes are already h's (the writer wrote them; a tool read h from them): only the sum is new.
        TableFile.WriteHeader(new Span<byte>(file, TableFile.HeaderBytes), h with { Checksum = Header(file, h) });
    }

    /// <summary>A section's sum: the CRC of its runs' sums and its length (the runs bound each step's length to an int).</summary>
    private static uint Section(byte* start, long length)
    {
        uint crc = ~(uint)length;
        for (long at = 0; at < length; at += RunBytes)
        {
            crc = BitOperations.Crc32C(crc, Run(start + at, (int)Math.Min(RunBytes, length - at)));
        }

        return ~crc;
    }

    /// <summary>One run: four streams of a quarter each (whole 8-byte words), then the tail bytes.</summary>
    /// <remarks>Fully optimized on its first call: a first lookup runs it once per block it touches, and tier-0 code would cost more than the JIT.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static uint Run(byte* p, int length)
    {
        int quarterWords = length / (Streams * sizeof(ulong));
        ulong* w0 = (ulong*)p;
        ulong* w1 = w0 + quarterWords;
        ulong* w2 = w1 + quarterWords;
        ulong* w3 = w2 + quarterWords;
        uint c0 = ~0u, c1 = ~1u, c2 = ~2u, c3 = ~3u;
        for (int i = 0; i < quarterWords; i++)
        {
            c0 = BitOperations.Crc32C(c0, w0[i]);
            c1 = BitOperations.Crc32C(c1, w1[i]);
            c2 = BitOperations.Crc32C(c2, w2[i]);
            c3 = BitOperations.Crc32C(c3, w3[i]);
        }

        uint crc = BitOperations.Crc32C(BitOperations.Crc32C(c0, c1), ((ulong)c2 << 32) | c3);
        for (byte* b = (byte*)(w3 + quarterWords); b < p + length; b++)
        {
            crc = BitOperations.Crc32C(crc, *b);
        }

        return ~crc;
    }
}
