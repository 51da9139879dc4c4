// Compiled into BOTH the runtime (reads) and the build task (writes), linked: one definition of the layout.
using System;
using System.Buffers.Binary;
using System.Text;

namespace PrepGen.Runtime;

/// <summary>
/// The file of a memory-mapped string table (a vocabulary marked <c>PrepGenTable="mapped"</c>): built by the
/// PrepGen build task, mapped by <see cref="MappedStringTable"/>. Little-endian:
/// <list type="bullet">
/// <item>header, <see cref="HeaderBytes"/> bytes: magic <c>PGTABLE2</c>, seed (u64), slot count (u32), bucket
/// count (u32), key count (u32), reserved (u32), key blob length (u64), the vocabulary's content hash
/// (64 ASCII hex digits, as the generator computes it), at <see cref="ChecksumOffset"/> the checksum (u32,
/// <c>TableChecksum.Header</c>) of the header's first <see cref="ChecksumOffset"/> bytes, the pilots and the
/// block sums, zero padding;</item>
/// <item>the slots (<see cref="SlotLayout"/>), 64-byte aligned in the file and so in the mapping;</item>
/// <item>the pilots, one byte per bucket; then the key blob (<see cref="KeyBlob"/>);</item>
/// <item>the block sums (u32 each, <c>TableChecksum.Block</c>): one per block of 2^<see cref="SlotBlockShift"/>
/// slots, then one per 2^<see cref="KeyBlockShift"/> bytes of the key blob (the last of each may be shorter).</item>
/// </list>
/// The runtime checks the header sum when it maps the file and a block's sum before the first lookup that reads
/// the block, so a flipped byte is found before it is trusted without reading the whole file up front.
/// </summary>
public static class TableFile
{
    /// <summary>The header's size; the slots start here.</summary>
    public const int HeaderBytes = 128;

    /// <summary>The content hash's length in ASCII hex digits.</summary>
    public const int HashChars = 64;

    /// <summary>Where the checksum is stored; the header bytes before it are checksummed with the body.</summary>
    public const int ChecksumOffset = 40 + HashChars;

    /// <summary>The magic without its version digit: a file that has it and another digit is a table of another PrepGen version.</summary>
    public const string MagicFamily = "PGTABLE";

    /// <summary>The magic of the tables this version reads and writes.</summary>
    public const string Magic = "PGTABLE3";

    /// <summary>A slot block holds 2^this slots (4,096 slots, 96 KiB): a first lookup verifies one block, not the file.</summary>
    public const int SlotBlockShift = 12;

    /// <summary>A key block holds 2^this bytes of the key blob (64 KiB).</summary>
    public const int KeyBlockShift = 16;

    /// <summary>Writes a header into the first <see cref="HeaderBytes"/> bytes of <paramref name="header"/>.</summary>
    public static void WriteHeader(Span<byte> header, in TableFileHeader value)
    {
        if (value.VocabularyHash.Length != HashChars)
        {
            throw new ArgumentException("the content hash must be " + HashChars + " hex digits", nameof(value));
        }

        header.Slice(0, HeaderBytes).Clear();
        Encoding.ASCII.GetBytes(Magic).CopyTo(header);
        BinaryPrimitives.WriteUInt64LittleEndian(header.Slice(8), value.Seed);
        BinaryPrimitives.WriteUInt32LittleEndian(header.Slice(16), value.SlotCount);
        BinaryPrimitives.WriteUInt32LittleEndian(header.Slice(20), value.BucketCount);
        BinaryPrimitives.WriteInt32LittleEndian(header.Slice(24), value.KeyCount);
        BinaryPrimitives.WriteInt64LittleEndian(header.Slice(32), value.KeysLength);
        Encoding.ASCII.GetBytes(value.VocabularyHash).CopyTo(header.Slice(40));
        BinaryPrimitives.WriteUInt32LittleEndian(header.Slice(ChecksumOffset), value.Checksum);
    }

    /// <summary>Reads a header; null when the bytes are not a PrepGen table header.</summary>
    public static TableFileHeader? ReadHeader(ReadOnlySpan<byte> header)
    {
        if (header.Length < HeaderBytes || Encoding.ASCII.GetString(header.Slice(0, 8).ToArray()) != Magic)
        {
            return null;
        }

        return new TableFileHeader(
            BinaryPrimitives.ReadUInt64LittleEndian(header.Slice(8)),
            BinaryPrimitives.ReadUInt32LittleEndian(header.Slice(16)),
            BinaryPrimitives.ReadUInt32LittleEndian(header.Slice(20)),
            BinaryPrimitives.ReadInt32LittleEndian(header.Slice(24)),
            BinaryPrimitives.ReadInt64LittleEndian(header.Slice(32)),
            Encoding.ASCII.GetString(header.Slice(40, HashChars).ToArray()),
            BinaryPrimitives.ReadUInt32LittleEndian(header.Slice(ChecksumOffset)));
    }

    /// <summary>Where the pilots start.</summary>
    public static long PilotsOffset(in TableFileHeader h) => HeaderBytes + ((long)h.SlotCount * SlotLayout.Words * sizeof(ulong));

    /// <summary>Where the key blob starts.</summary>
    public static long KeysOffset(in TableFileHeader h) => PilotsOffset(h) + h.BucketCount;

    /// <summary>The number of slot blocks; key blocks are numbered after them.</summary>
    public static long SlotBlocks(in TableFileHeader h) => ((long)h.SlotCount + (1L << SlotBlockShift) - 1) >> SlotBlockShift;

    /// <summary>The number of blocks, slot blocks then key blocks.</summary>
    public static long Blocks(in TableFileHeader h) => SlotBlocks(h) + ((h.KeysLength + (1L << KeyBlockShift) - 1) >> KeyBlockShift);

    /// <summary>Where the block sums start.</summary>
    public static long BlockSumsOffset(in TableFileHeader h) => KeysOffset(h) + h.KeysLength;

    /// <summary>The file bytes block <paramref name="block"/> covers (its sum is at <see cref="BlockSumsOffset"/> + 4 * block).</summary>
    public static (long Offset, int Length) Block(in TableFileHeader h, long block)
    {
        long slotBlocks = SlotBlocks(h);
        if (block < slotBlocks)
        {
            long first = block << SlotBlockShift;
            long slots = Math.Min(1L << SlotBlockShift, h.SlotCount - first);
            return (HeaderBytes + (first * SlotLayout.Words * sizeof(ulong)), (int)(slots * SlotLayout.Words * sizeof(ulong)));
        }

        long start = (block - slotBlocks) << KeyBlockShift;
        return (KeysOffset(h) + start, (int)Math.Min(1L << KeyBlockShift, h.KeysLength - start));
    }

    /// <summary>The length of a complete file.</summary>
    public static long Length(in TableFileHeader h) => BlockSumsOffset(h) + (Blocks(h) * sizeof(uint));

    /// <summary>The file name the build writes for a vocabulary file, and the generated code maps.</summary>
    public static string FileNameFor(string vocabularyFileName) => vocabularyFileName + ".pgtable";
}

/// <summary>The header fields of a <see cref="TableFile"/>.</summary>
public readonly record struct TableFileHeader(ulong Seed, uint SlotCount, uint BucketCount, int KeyCount, long KeysLength, string VocabularyHash, uint Checksum = 0);
