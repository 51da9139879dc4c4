using System;
using System.Collections.Generic;
using System.IO;
using System.IO.MemoryMappedFiles;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace PrepGen.Runtime;

/// <summary>
/// A string table too large to compile (a vocabulary file marked <c>PrepGenTable="mapped"</c>): the build
/// writes its <see cref="TableFile"/> next to the application, and the generated layer maps it read-only
/// once, on first use. The slots were derived at build time, so the first lookup costs a file open, the
/// header checks and the sum of the header, pilots and block sums; lookups then run the same probe as a
/// compiled table (<see cref="StringTable.Find{TGuard}"/> over this table's addresses) with
/// <see cref="VerifiedBlocks"/> as its guard: each block of slots or key bytes is checked against its recorded
/// CRC-32C the first time a probe reads it, so a flipped byte anywhere is found before a lookup trusts it,
/// while the first lookup reads kilobytes, not the whole file. The mapping lives as long as the process.
/// </summary>
/// <remarks>
/// <see cref="Open"/> does not throw: the generated code calls it from a static initializer, where an
/// exception would reach the caller as a <see cref="TypeInitializationException"/> on every later use. A table
/// that cannot be used instead makes every lookup throw the clear exception (a
/// <see cref="FileNotFoundException"/> or <see cref="InvalidDataException"/> naming the file), through
/// <see cref="Bytes"/>; <see cref="Error"/> holds it for a health check. A damaged block makes every lookup
/// that reaches it throw <see cref="InvalidDataException"/>, and is then <see cref="Error"/> too.
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

    /// <summary>
    /// The AppContext switch that verifies every block when the table is mapped (<c>&lt;RuntimeHostConfigurationOption
    /// Include="PrepGen.VerifyTableOnOpen" Value="true" /&gt;</c>): a damaged file then fails the first lookup
    /// whatever it reads, at the cost of reading the whole file first (~100 ms for 10^7 tokens).
    /// </summary>
    public const string VerifyOnOpenSwitch = "PrepGen.VerifyTableOnOpen";

    // The failures of tables that could not be opened; a failed table's lengths are -(index + 1) into this list.
    private static readonly List<Func<Exception>> Failures = [];

    private readonly TableFileHeader _header;

    private readonly byte* _start;

    private readonly string _path = "";

    private volatile Exception? _error;

    private MappedStringTable(TableFileHeader header, byte* start, string path)
    {
        _header = header;
        _start = start;
        _path = path;
        long words = (TableFile.Blocks(header) + 63) / 64;
        Verified = (nint)NativeMemory.AllocZeroed((nuint)words, sizeof(ulong)); // lives as long as the mapping
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

        _error = error();
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

            bool skip = AppContext.TryGetSwitch(SkipChecksumSwitch, out bool skipSet) && skipSet;
            uint actual = skip ? h.Checksum : TableChecksum.Header(start, h);
            if (actual != h.Checksum)
            {
                throw Unusable(full, "its content is damaged (header checksum " + Hex(actual) + ", the header records " + Hex(h.Checksum) + ")");
            }

            // The view (and its pointer) stays alive for the process, like a compiled table's RVA data.
            var table = new MappedStringTable(h, start, full);
            if (skip)
            {
                new Span<ulong>((void*)table.Verified, (int)((TableFile.Blocks(h) + 63) / 64)).Fill(ulong.MaxValue);
            }
            else if (AppContext.TryGetSwitch(VerifyOnOpenSwitch, out bool eager) && eager)
            {
                table.Verify();
            }

            return table;
        }
        catch
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
            view.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Recomputes the block sums and the header checksum of the complete table file <paramref name="file"/> in
    /// place: for a tool that repairs or crafts a table file (the build's writer ends with the same step).
    /// </summary>
    /// <exception cref="InvalidDataException">The bytes are not a complete table file.</exception>
    public static void Seal(Span<byte> file)
    {
        TableFileHeader header = Complete(file);
        fixed (byte* start = file)
        {
            TableChecksum.Seal(start, header);
        }
    }

    /// <summary>What is damaged in the complete table file <paramref name="file"/> (its header sum or the first bad block), or null when every sum holds.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a complete table file.</exception>
    public static string? Damage(ReadOnlySpan<byte> file)
    {
        TableFileHeader header = Complete(file);
        fixed (byte* start = file)
        {
            uint actual = TableChecksum.Header(start, header);
            if (actual != header.Checksum)
            {
                return "header checksum " + Hex(actual) + ", the header records " + Hex(header.Checksum);
            }

            for (long b = 0; b < TableFile.Blocks(header); b++)
            {
                if (BlockDamage(start, header, b) is { } damage)
                {
                    return damage;
                }
            }
        }

        return null;
    }

    private static TableFileHeader Complete(ReadOnlySpan<byte> file) =>
        TableFile.ReadHeader(file) is { } header && header.KeysLength >= 0 && TableFile.Length(header) == file.Length
            ? header
            : throw new InvalidDataException("PrepGen: these bytes are not a complete lookup table file.");

    private static string? BlockDamage(byte* start, in TableFileHeader header, long block)
    {
        uint actual = TableChecksum.Block(start, header, block);
        uint recorded = TableChecksum.RecordedBlock(start, header, block);
        if (actual == recorded)
        {
            return null;
        }

        (long offset, int length) = TableFile.Block(header, block);
        return "bytes " + offset + ".." + (offset + length) + " have checksum " + Hex(actual) + " where the file records " + Hex(recorded);
    }

    private static string Hex(uint value) => value.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);

    private static InvalidDataException Unusable(string full, string problem) =>
        new("PrepGen: the lookup table file '" + full + "' cannot be used: " + problem + ". Rebuild the application (the build writes the table) and deploy the table with it.");

    /// <summary>Why the table cannot be used (every lookup throws it), a damaged block found so far (lookups that reach it throw it), or null.</summary>
    public Exception? Error => _error;

    /// <summary>
    /// The bitmap of verified blocks (slot blocks, then key blocks; a set bit is a block whose sum held), for
    /// <see cref="VerifiedBlocks"/>. For PrepGen's generated code.
    /// </summary>
    public nint Verified { get; }

    /// <summary>
    /// Verifies every block not verified yet, on all cores: a health check or warm-up that wants a damaged file
    /// found now rather than by the lookup that first reads the damage.
    /// </summary>
    /// <exception cref="InvalidDataException">A block is damaged (also <see cref="Error"/> from then on), or the table cannot be used.</exception>
    /// <exception cref="FileNotFoundException">The table's file is missing.</exception>
    public void Verify()
    {
        _ = Bytes(Pilots, BucketCount); // the clear exception of a table that could not be opened
        try
        {
            System.Threading.Tasks.Parallel.For(0L, TableFile.Blocks(_header), block =>
            {
                if (!IsVerified(block))
                {
                    VerifyBlock(block);
                }
            });
        }
        catch (AggregateException e)
        {
            // The damage itself, not the loop's wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
    }

    /// <summary>Verifies block <paramref name="block"/> against its recorded sum and marks it in <see cref="Verified"/>. For <see cref="VerifiedBlocks"/>.</summary>
    /// <exception cref="InvalidDataException">The block is damaged.</exception>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void VerifyBlock(long block)
    {
        if (BlockDamage(_start, _header, block) is { } damage)
        {
            var error = Unusable(_path, "its content is damaged (" + damage + ")");
            _error ??= error;
            throw error;
        }

        // Two threads may verify one block at once; both find the same bytes, and the bit is only ever set.
        System.Threading.Interlocked.Or(ref ((ulong*)Verified)[block >> 6], 1UL << (int)(block & 63));
    }

    /// <summary>Verifies the key blocks under <paramref name="length"/> bytes at <paramref name="offset"/> of the key blob. For <see cref="VerifiedBlocks"/>.</summary>
    /// <exception cref="InvalidDataException">A block is damaged.</exception>
    public void VerifyKeys(ulong offset, int length)
    {
        long first = TableFile.SlotBlocks(_header) + (long)(offset >> TableFile.KeyBlockShift);
        long last = TableFile.SlotBlocks(_header) + (long)((offset + (ulong)Math.Max(length, 1) - 1) >> TableFile.KeyBlockShift);
        for (long block = first; block <= last; block++)
        {
            if (!IsVerified(block))
            {
                VerifyBlock(block);
            }
        }
    }

    private bool IsVerified(long block) => IsVerified(Verified, block);

    /// <summary>Whether block <paramref name="block"/>'s bit is set in the bitmap at <paramref name="verified"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsVerified(nint verified, long block) => (((ulong*)verified)[block >> 6] & (1UL << (int)(block & 63))) != 0;

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
