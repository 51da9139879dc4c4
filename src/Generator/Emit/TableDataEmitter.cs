using System.Globalization;
using System.Text;
using PrepGen.Generator.Tables;

namespace PrepGen.Generator.Emit;

/// <summary>
/// Writes table data: byte tables as <c>"..."u8</c> literals (RVA data, no start-up work), wider ones as
/// static readonly arrays initialized once from RVA data; string tables' slots are derived at run time. (A <c>ReadOnlySpan&lt;ulong&gt; =&gt; new ulong[]</c>
/// property is RVA-backed only in optimized builds; in Debug it allocates on every access.)
/// </summary>
internal static class TableDataEmitter
{
    /// <summary>Up to this many tokens the blob is written one token per line.</summary>
    private const int AnnotatedTokens = 500;

    public static void WriteStrings(SourceWriter w, StringTableData t, string[] tokens)
    {
        w.Line();
        w.Line("private const ulong Seed = " + Literals.ULong(t.Seed) + ";");
        w.Line();
        w.Line("private const uint SlotCount = " + t.SlotCount.ToString(CultureInfo.InvariantCulture) + ";");
        WritePilots(w, t.Pilots);
        w.Line();
        w.Line("/// <summary>The slot array, built from Pilots and Keys when the layer is first used.</summary>");
        w.Line("private static readonly nint Slots = " + Names.Runtime + ".StringTable.Build(Seed, SlotCount, Pilots, Keys, " + Literals.Int(tokens.Length) + ");");
        w.Line();
        w.Line("/// <summary>The tokens in id order, each after its length (a byte: length + 32).</summary>");
        if (tokens.Length <= AnnotatedTokens)
        {
            w.Line("private static " + Names.Span + "<byte> Keys =>");
            string pad = new(' ', (w.Indent + 1) * 4);
            var builder = new StringBuilder();
            for (int i = 0; i < tokens.Length; i++)
            {
                int start = t.KeyOffsets[i];
                int end = i + 1 < tokens.Length ? t.KeyOffsets[i + 1] : t.Keys.Length;
                builder.Append(pad).Append(Literals.Utf8Bytes(t.Keys, start, end - start)).Append(i + 1 < tokens.Length ? " +" : ";")
                    .Append(" // ").Append(i.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }

            w.Raw(builder.ToString());
        }
        else
        {
            // One literal: the compiler handles megabytes of u8 literal far faster than an array initializer.
            w.Line("private static " + Names.Span + "<byte> Keys => " + Literals.Utf8Bytes(t.Keys, 0, t.Keys.Length) + ";");
        }
    }

    public static void WriteMapped(SourceWriter w, MappedTableData t)
    {
        string table = Names.Runtime + ".MappedStringTable";
        w.Line();
        w.Line("/// <summary>");
        w.Line("/// The table, memory-mapped on first use from " + t.FileName + " next to the application: the build writes it");
        w.Line("/// (PrepGenTable=\"mapped\"); the content hash ties it to the vocabulary this layer was compiled against.");
        w.Line("/// </summary>");
        w.Line("private static readonly " + table + " Table = " + table + ".Open(" +
            Literals.String(t.FileName) + ", " + Literals.String(t.VocabularyHash) + ", " + Literals.Int(t.KeyCount) + ");");
        w.Line();
        w.Line("// The table's values as static readonly fields: the JIT folds them into the probe, as for a compiled table.");
        w.Line("private static readonly ulong Seed = Table.Seed;");
        w.Line();
        w.Line("private static readonly uint SlotCount = Table.SlotCount;");
        w.Line();
        w.Line("private static readonly nint Slots = Table.Slots;");
        w.Line();
        w.Line("private static readonly nint PilotBytes = Table.Pilots;");
        w.Line();
        w.Line("private static readonly int BucketCount = Table.BucketCount;");
        w.Line();
        w.Line("private static readonly nint KeyBytes = Table.Keys;");
        w.Line();
        w.Line("private static readonly int KeysLength = Table.KeysLength;");
        w.Line();
        w.Line("private static " + Names.Span + "<byte> Pilots => " + table + ".Bytes(PilotBytes, BucketCount);");
        w.Line();
        w.Line("private static " + Names.Span + "<byte> Keys => " + table + ".Bytes(KeyBytes, KeysLength);");
    }

    public static void WriteIntegers(SourceWriter w, Int64TableData t)
    {
        WritePilots(w, t.Pilots);
        w.Line();
        w.Line("/// <summary>Per slot: the key, then its id (-1 when the slot is empty).</summary>");
        w.Line("private static readonly long[] Slots =");
        w.Line("{");
        w.Raw(Literals.Rows(t.Slots, 8, w.Indent + 1, Literals.Long));
        w.Line("};");
    }

    private static void WritePilots(SourceWriter w, byte[] pilots)
    {
        w.Line();
        w.Line("/// <summary>One pilot per bucket of the perfect hash (printable bytes).</summary>");
        w.Line("private static " + Names.Span + "<byte> Pilots => " + Literals.Utf8Bytes(pilots, 0, pilots.Length) + ";");
    }

    private static string Comment(string text) => text.Replace("*/", "*\\/");
}
