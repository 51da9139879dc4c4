using System;
using System.IO;
using System.IO.MemoryMappedFiles;

namespace PrepGen.Runtime;

/// <summary>
/// A string table too large to compile (a vocabulary file marked <c>PrepGenTable="mapped"</c>): the build
/// writes its <see cref="TableFile"/> next to the application, and the generated layer maps it read-only
/// once, on first use. Nothing is hashed or copied at start-up (the slots were derived at build time),
/// so the first lookup costs a file open and a few page faults; lookups then run the same probe as a
/// compiled table (<see cref="StringTable.Find"/> over this table's addresses). The mapping lives as long
/// as the process.
/// </summary>
public sealed unsafe class MappedStringTable
{
    private MappedStringTable(TableFileHeader header, byte* start)
    {
        Seed = header.Seed;
        SlotCount = header.SlotCount;
        BucketCount = (int)header.BucketCount;
        KeysLength = checked((int)header.KeysLength);
        Slots = (nint)(start + TableFile.HeaderBytes);
        Pilots = (nint)(start + TableFile.PilotsOffset(header));
        Keys = (nint)(start + TableFile.KeysOffset(header));
    }

    /// <summary>
    /// Maps the table file <paramref name="path"/> (relative paths from <see cref="AppContext.BaseDirectory"/>)
    /// and checks it is the table of the vocabulary the layer was compiled against.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file is missing.</exception>
    /// <exception cref="InvalidDataException">The file is not a table, is truncated, or belongs to other content.</exception>
    public static MappedStringTable Open(string path, string vocabularyHash, int keyCount)
    {
        string full = Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException(
                "PrepGen: the lookup table file '" + full + "' is missing. It is written by the build for a vocabulary marked " +
                "PrepGenTable=\"mapped\" and copied to the output (and publish) directory; deploy it with the application.", full);
        }

        using var file = MemoryMappedFile.CreateFromFile(full, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        MemoryMappedViewAccessor view = file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        byte* start = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
        start += view.PointerOffset;
        long length = new FileInfo(full).Length;
        TableFileHeader? header = length >= TableFile.HeaderBytes ? TableFile.ReadHeader(new ReadOnlySpan<byte>(start, TableFile.HeaderBytes)) : null;
        string? problem = header is not { } h ? "it is not a PrepGen table file"
            : TableFile.Length(h) != length ? "it is " + length + " bytes where its header describes " + TableFile.Length(h)
            : h.VocabularyHash != vocabularyHash || h.KeyCount != keyCount ? "it was built from other vocabulary content (" + h.KeyCount + " tokens, hash " + h.VocabularyHash.Substring(0, 16) + ") than the layer was compiled against (" + keyCount + " tokens, hash " + vocabularyHash.Substring(0, Math.Min(16, vocabularyHash.Length)) + ")"
            : null;
        if (problem is not null)
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
            view.Dispose();
            throw new InvalidDataException("PrepGen: the lookup table file '" + full + "' cannot be used: " + problem + ". Rebuild the application.");
        }

        // The view (and its pointer) stays alive for the process, like a compiled table's RVA data.
        return new MappedStringTable(header!.Value, start);
    }

    /// <summary>The table's hash seed.</summary>
    public ulong Seed { get; }

    /// <summary>The number of slots.</summary>
    public uint SlotCount { get; }

    /// <summary>The address of the slots (64-byte aligned: the file is mapped at a page boundary).</summary>
    public nint Slots { get; }

    /// <summary>The address of the pilots, one byte per bucket.</summary>
    public nint Pilots { get; }

    /// <summary>The number of buckets.</summary>
    public int BucketCount { get; }

    /// <summary>The address of the key blob.</summary>
    public nint Keys { get; }

    /// <summary>The key blob's length.</summary>
    public int KeysLength { get; }

    /// <summary>
    /// A span over mapped bytes. Generated code keeps the addresses in <c>static readonly</c> fields, which the
    /// JIT folds into the probe as it does a compiled table's RVA data.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> Bytes(nint address, int length) => new((void*)address, length);
}
