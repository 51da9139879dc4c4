using System;
using System.IO;
using System.IO.MemoryMappedFiles;

namespace PrepGen.Runtime;

/// <summary>
/// A string table too large to compile (a vocabulary file marked <c>PrepGenTable="mapped"</c>): the build
/// writes its <see cref="TableFile"/> next to the application, and the generated layer maps it read-only
/// once, on first use. Nothing is hashed or copied at start-up (the slots were derived at build time),
/// so the first lookup costs a file open and a few page faults; lookups then run the same probe as a
/// compiled table (<see cref="StringTable"/>). The mapping lives as long as the process.
/// </summary>
public sealed unsafe class MappedStringTable
{
    private readonly ulong _seed;
    private readonly uint _slotCount;
    private readonly int _bucketCount;
    private readonly int _keysLength;
    private readonly byte* _slots;
    private readonly byte* _pilots;
    private readonly byte* _keys;

    private MappedStringTable(TableFileHeader header, byte* start)
    {
        _seed = header.Seed;
        _slotCount = header.SlotCount;
        _bucketCount = (int)header.BucketCount;
        _keysLength = checked((int)header.KeysLength);
        _slots = start + TableFile.HeaderBytes;
        _pilots = start + TableFile.PilotsOffset(header);
        _keys = start + TableFile.KeysOffset(header);
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

    /// <summary>The id of a UTF-8 key, or -1.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public int Find(ReadOnlySpan<byte> key) =>
        StringTable.Find(key, _seed, new ReadOnlySpan<byte>(_pilots, _bucketCount), (nint)_slots, _slotCount, new ReadOnlySpan<byte>(_keys, _keysLength));

    /// <summary>The id of a UTF-16 key, -1, or <see cref="StringTable.NotAscii"/> (see <see cref="StringTable.FindAscii"/>).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public int FindAscii(ReadOnlySpan<char> key) =>
        StringTable.FindAscii(key, _seed, new ReadOnlySpan<byte>(_pilots, _bucketCount), (nint)_slots, _slotCount, new ReadOnlySpan<byte>(_keys, _keysLength));
}
