using System;
using System.Collections.Generic;
using System.IO;
using System.IO.MemoryMappedFiles;
using System.Text;
using System.Threading;
using PrepGen.Generator.State;
using PrepGen.Generator.Tables;
using PrepGen.Runtime;

namespace PrepGen.Build;

/// <summary>
/// Builds the <see cref="TableFile"/> of a vocabulary file: the same tokens the generator reads
/// (<see cref="VocabularyText"/>), the same perfect hash construction, and the slots laid out by
/// <see cref="SlotLayout"/>, so the mapped file answers exactly as a compiled table would.
/// </summary>
internal static class MappedTableWriter
{
    /// <summary>Writes the table of <paramref name="vocabularyPath"/> to <paramref name="tablePath"/> (atomically); returns the key count.</summary>
    /// <exception cref="InvalidDataException">The file is not valid UTF-8.</exception>
    /// <exception cref="TableLimitException">The vocabulary holds more than a table allows.</exception>
    public static int Write(string vocabularyPath, string tablePath, Action<string> progress, CancellationToken cancellationToken)
    {
        string content;
        try
        {
            content = new UTF8Encoding(false, true).GetString(File.ReadAllBytes(vocabularyPath));
            if (content.Length > 0 && content[0] == '\uFEFF')
            {
                content = content.Substring(1); // the compiler drops a byte order mark too
            }
        }
        catch (DecoderFallbackException ex)
        {
            throw new InvalidDataException("'" + vocabularyPath + "' is not valid UTF-8: " + ex.Message, ex);
        }

        List<string> tokens = VocabularyText.SplitLines(content);
        string hash = VocabularyText.TokenHash(tokens);
        progress(tokens.Count + " tokens read; building the perfect hash");

        // The compiled tables' construction, so a mapped table is the table the generator would have emitted.
        StringTableData table = LookupTables.BuildStrings(tokens.ToArray(), cancellationToken);
        byte[] keys = table.Keys;

        var slots = new ulong[(long)table.SlotCount * SlotLayout.Words];
        SlotLayout.Fill(slots, table.Seed, table.Pilots, keys, tokens.Count);
        progress("perfect hash built (" + table.SlotCount + " slots); writing " + Path.GetFileName(tablePath));

        var header = new TableFileHeader(table.Seed, (uint)table.SlotCount, (uint)table.Pilots.Length, tokens.Count, keys.Length, hash);
        var headerBytes = new byte[TableFile.HeaderBytes];
        TableFile.WriteHeader(headerBytes, header);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(tablePath))!);
        string temp = tablePath + ".tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
            {
                stream.Write(headerBytes);
                stream.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(slots.AsSpan()));
                stream.Write(table.Pilots);
                stream.Write(keys);
                stream.Write(new byte[TableFile.Blocks(header) * sizeof(uint)]); // the block sums, written by Seal
            }

            Seal(temp, header);
            File.Move(temp, tablePath, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }

        return tokens.Count;
    }

    /// <summary>Writes the block sums and the header checksum the runtime verifies, in the file's own bytes (TableChecksum.Seal).</summary>
    private static unsafe void Seal(string path, TableFileHeader header)
    {
        using var file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.ReadWrite);
        using MemoryMappedViewAccessor view = file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.ReadWrite);
        byte* start = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
        try
        {
            TableChecksum.Seal(start + view.PointerOffset, header);
        }
        finally
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
        }

        view.Flush();
    }
}
