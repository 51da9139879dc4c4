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
/// <c>TableChecksum</c>) of the header's first <see cref="ChecksumOffset"/> bytes and of the body, zero padding;</item>
/// <item>the slots (<see cref="SlotLayout"/>), 64-byte aligned in the file and so in the mapping;</item>
/// <item>the pilots, one byte per bucket; then the key blob (<see cref="KeyBlob"/>).</item>
/// </list>
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

    private const string MagicText = "PGTABLE2";

    /// <summary>Writes a header into the first <see cref="HeaderBytes"/> bytes of <paramref name="header"/>.</summary>
    public static void WriteHeader(Span<byte> header, in TableFileHeader value)
    {
        if (value.VocabularyHash.Length != HashChars)
        {
            throw new ArgumentException("the content hash must be " + HashChars + " hex digits", nameof(value));
        }

        header.Slice(0, HeaderBytes).Clear();
        Encoding.ASCII.GetBytes(MagicText).CopyTo(header);
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
        if (header.Length < HeaderBytes || Encoding.ASCII.GetString(header.Slice(0, 8).ToArray()) != MagicText)
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

    /// <summary>The length of a complete file.</summary>
    public static long Length(in TableFileHeader h) => KeysOffset(h) + h.KeysLength;

    /// <summary>The file name the build writes for a vocabulary file, and the generated code maps.</summary>
    public static string FileNameFor(string vocabularyFileName) => vocabularyFileName + ".pgtable";
}

/// <summary>The header fields of a <see cref="TableFile"/>.</summary>
public readonly record struct TableFileHeader(ulong Seed, uint SlotCount, uint BucketCount, int KeyCount, long KeysLength, string VocabularyHash, uint Checksum = 0);
