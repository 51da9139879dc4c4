using System;
using System.Collections.Generic;
using System.IO;
using System.IO.MemoryMappedFiles;
using System.Runtime.CompilerServices;
using System.Text;

namespace PrepGen.Runtime;

/// <summary>
/// A string table too large to compile (a vocabulary file marked <c>PrepGenTable="mapped"</c>): the build
/// writes its <see cref="TableFile"/> next to the application, and the generated layer maps it read-only
/// once, on first use. The slots were derived at build time, so the first lookup costs a file open, the
/// page faults and one pass of <see cref="TableChecksum"/> over the file (a flipped byte anywhere is found
/// before any lookup trusts it); lookups then run the same probe as a compiled table
/// (<see cref="StringTable.Find"/> over this table's addresses). The mapping lives as long as the process.
/// </summary>
/// <remarks>
/// <see cref="Open"/> does not throw: the generated code calls it from a static initializer, where an
/// exception would reach the caller as a <see cref="TypeInitializationException"/> on every later use. A table
/// that cannot be used instead makes every lookup throw the clear exception (a
/// <see cref="FileNotFoundException"/> or <see cref="InvalidDataException"/> naming the file), through
/// <see cref="Bytes"/>; <see cref="Error"/> holds it for a health check.
/// <para>For PrepGen's generated code; not for direct use.</para>
/// </remarks>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed unsafe class MappedStringTable
{
    /// <summary>
    /// The AppContext switch that skips the checksum pass (<c>&lt;RuntimeHostConfigurationOption Include="PrepGen.SkipTableChecksum" Value="true" /&gt;</c>):
    /// for an application that must answer its first lookup sooner than one read of a very large table takes,
    /// and trusts its deployment. The header, sizes and content hash are still checked.
    /// </summary>
    public const string SkipChecksumSwitch = "PrepGen.SkipTableChecksum";

    // The failures of tables that could not be opened; a failed table's lengths are -(index + 1) into this list.
    private static readonly List<Func<Exception>> Failures = [];

    private MappedStringTable(TableFileHeader header, byte* start)
    {
        Seed = header.Seed;
        SlotCount = header.SlotCount;
        BucketCount = (int)header.BucketCount;
        KeysLength = (int)header.KeysLength;
        Slots = (nint)(start + TableFile.HeaderBytes);
        Pilots = (nint)(start + TableFile.PilotsOffset(header));
        Keys = (nint)(start + TableFile.KeysOffset(header));
    }

    private MappedStringTable(Func<Exception> error)
    {
        lock (Failures)
        {
            Failures.Add(error);
            BucketCount = KeysLength = -Failures.Count;
        }

        Error = error();
    }

    /// <summary>
    /// Maps the table file <paramref name="path"/> (relative paths from <see cref="AppContext.BaseDirectory"/>)
    /// and checks it is the intact table of the vocabulary the layer was compiled against. Never throws for
    /// the file's problems: see the remarks.
    /// </summary>
    public static MappedStringTable Open(string path, string vocabularyHash, int keyCount)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(vocabularyHash);
        string full = Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path);
        try
        {
            return Map(full, vocabularyHash, keyCount);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            if (e is FileNotFoundException or DirectoryNotFoundException)
            {
                string message = "PrepGen: the lookup table file '" + full + "' is missing. It is written by the build for a vocabulary marked " +
                    "PrepGenTable=\"mapped\" and copied to the output (and publish) directory; deploy it with the application.";
                return new MappedStringTable(() => new FileNotFoundException(message, full));
            }

            string problem = e is InvalidDataException ? e.Message : "PrepGen: the lookup table file '" + full + "' cannot be read: " + e.Message;
            return new MappedStringTable(() => new InvalidDataException(problem, e));
        }
    }

    private static MappedStringTable Map(string full, string vocabularyHash, int keyCount)
    {
        long length = new FileInfo(full).Length; // FileNotFoundException when missing
        if (length < TableFile.HeaderBytes)
        {
            // (MemoryMappedFile refuses an empty file with an ArgumentException of its own.)
            throw Unusable(full, length == 0 ? "it is empty (0 bytes)" : "it is " + length + " bytes, shorter than a table header");
        }

        using var file = MemoryMappedFile.CreateFromFile(full, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        MemoryMappedViewAccessor view = file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        byte* start = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
        start += view.PointerOffset;
        try
        {
            var headerBytes = new ReadOnlySpan<byte>(start, TableFile.HeaderBytes);
            TableFileHeader? read = TableFile.ReadHeader(headerBytes);
            if (read is not { } h)
            {
                throw Unusable(full, headerBytes.StartsWith(Encoding.ASCII.GetBytes(TableFile.MagicFamily))
                    ? "it was written by another PrepGen version (" + Encoding.ASCII.GetString(headerBytes.Slice(0, 8)) + ")"
                    : "it is not a PrepGen table file");
            }

            // The header's sizes bound every address the probe computes: check them before any arithmetic.
            if (h.KeyCount < 0 || h.BucketCount is 0 or > int.MaxValue || h.SlotCount == 0 || h.SlotCount < (uint)h.KeyCount
                || h.KeysLength is < 0 or > int.MaxValue)
            {
                throw Unusable(full, "its header is corrupt (" + h.KeyCount + " keys, " + h.SlotCount + " slots, " + h.BucketCount + " buckets, " + h.KeysLength + " key bytes)");
            }

            if (TableFile.Length(h) != length)
            {
                throw Unusable(full, "it is " + length + " bytes where its header describes " + TableFile.Length(h));
            }

            if (h.VocabularyHash != vocabularyHash || h.KeyCount != keyCount)
            {
                throw Unusable(full, "it was built from other vocabulary content (" + h.KeyCount + " tokens, hash " + h.VocabularyHash.Substring(0, 16) +
                    ") than the layer was compiled against (" + keyCount + " tokens, hash " + vocabularyHash.Substring(0, Math.Min(16, vocabularyHash.Length)) + ")");
            }

            uint actual = AppContext.TryGetSwitch(SkipChecksumSwitch, out bool skip) && skip ? h.Checksum : Checksum(start, h);
            if (actual != h.Checksum)
            {
                throw Unusable(full, "its content is damaged (checksum " + actual.ToString("x8", System.Globalization.CultureInfo.InvariantCulture) +
                    ", the header records " + h.Checksum.ToString("x8", System.Globalization.CultureInfo.InvariantCulture) + ")");
            }

            // The view (and its pointer) stays alive for the process, like a compiled table's RVA data.
            return new MappedStringTable(h, start);
        }
        catch
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
            view.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The checksum of the table file <paramref name="file"/> (its complete bytes), as its header should record
    /// it: a tool that repairs or crafts a table file computes it here.
    /// </summary>
    /// <exception cref="InvalidDataException">The bytes are not a complete table file.</exception>
    public static uint Checksum(ReadOnlySpan<byte> file)
    {
        if (TableFile.ReadHeader(file) is not { } header || header.KeysLength < 0 || TableFile.Length(header) != file.Length)
        {
            throw new InvalidDataException("PrepGen: these bytes are not a complete lookup table file.");
        }

        fixed (byte* start = file)
        {
            return Checksum(start, header);
        }
    }

    /// <summary>The checksum of a table file mapped at <paramref name="start"/>: its header up to the checksum, then the slots, pilots and keys.</summary>
    private static uint Checksum(byte* start, in TableFileHeader header) =>
        TableChecksum.Of([
            ((nint)start, TableFile.ChecksumOffset),
            ((nint)(start + TableFile.HeaderBytes), TableFile.PilotsOffset(header) - TableFile.HeaderBytes),
            ((nint)(start + TableFile.PilotsOffset(header)), header.BucketCount),
            ((nint)(start + TableFile.KeysOffset(header)), header.KeysLength),
        ]);

    private static InvalidDataException Unusable(string full, string problem) =>
        new("PrepGen: the lookup table file '" + full + "' cannot be used: " + problem + ". Rebuild the application (the build writes the table) and deploy the table with it.");

    /// <summary>Why the table cannot be used (every lookup throws it), or null.</summary>
    public Exception? Error { get; }

    /// <summary>The table's hash seed.</summary>
    public ulong Seed { get; }

    /// <summary>The number of slots.</summary>
    public uint SlotCount { get; }

    /// <summary>The address of the slots (64-byte aligned: the file is mapped at a page boundary).</summary>
    public nint Slots { get; }

    /// <summary>The address of the pilots, one byte per bucket.</summary>
    public nint Pilots { get; }

    /// <summary>The number of buckets (negative for a table that cannot be used).</summary>
    public int BucketCount { get; }

    /// <summary>The address of the key blob.</summary>
    public nint Keys { get; }

    /// <summary>The key blob's length (negative for a table that cannot be used).</summary>
    public int KeysLength { get; }

    /// <summary>
    /// A span over mapped bytes. Generated code keeps the addresses in <c>static readonly</c> fields, which the
    /// JIT folds into the probe as it does a compiled table's RVA data (so the length check below folds away).
    /// </summary>
    /// <exception cref="FileNotFoundException">The table's file is missing.</exception>
    /// <exception cref="InvalidDataException">The table's file is damaged, foreign or of other content.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> Bytes(nint address, int length)
    {
        if (length < 0)
        {
            ThrowFailure(length);
        }

        return new((void*)address, length);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowFailure(int length)
    {
        Func<Exception> error;
        lock (Failures)
        {
            int index = -length - 1;
            error = index < Failures.Count ? Failures[index] : () => new ArgumentOutOfRangeException(nameof(length));
        }

        throw error();
    }
}
