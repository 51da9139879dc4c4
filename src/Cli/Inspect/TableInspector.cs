using System;
using System.IO;
using System.Text;
using PrepGen.Cli.Inspect.Html;
using PrepGen.Runtime;

namespace PrepGen.Cli.Inspect;

/// <summary>A mapped lookup table (<c>.pgtable</c>, written by the build): its header, and whether its checksums hold.</summary>
internal sealed class TableInspector : IFileInspector
{
    public bool Recognises(InspectedFile file) => file.Bytes.AsSpan().StartsWith("PGTABLE"u8);

    public int Inspect(InspectedFile file, TextWriter stdout, HtmlReport? report)
    {
        byte[] bytes = file.Bytes;
        if (TableFile.ReadHeader(bytes) is not { } header)
        {
            stdout.WriteLine($"a lookup table of another PrepGen version ({Encoding.ASCII.GetString(bytes, 0, Math.Min(8, bytes.Length))})");
            stdout.WriteLine("  error: this version reads " + TableFile.Magic + " tables; rebuild the application to rewrite it.");
            return 1;
        }

        stdout.WriteLine($"mapped lookup table, {Show.Count(header.KeyCount)} tokens, {Show.Count(header.SlotCount)} slots, "
            + $"vocabulary sha256 {header.VocabularyHash[..Math.Min(16, header.VocabularyHash.Length)]}");
        long expected = header.KeysLength < 0 ? -1 : TableFile.Length(header);
        if (expected != bytes.Length)
        {
            stdout.WriteLine($"  error: the file is {bytes.Length} bytes where its header describes {expected}: truncated or damaged.");
            return 1;
        }

        if (MappedStringTable.Damage(bytes) is { } damage)
        {
            stdout.WriteLine($"  error: the content is damaged ({damage}); rebuild the application.");
            return 1;
        }

        stdout.WriteLine($"  checksum {header.Checksum:x8} and {Show.Count(TableFile.Blocks(header))} block checksums: intact.");
        return 0;
    }
}
