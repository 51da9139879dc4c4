using System.Globalization;
using System.Text;
using PrepGen.Generator.Tables;

namespace PrepGen.Generator.Emit;

/// <summary>
/// Writes table data: byte tables as <c>"..."u8</c> literals (RVA data, no start-up work), wider ones as
/// static readonly arrays initialized once from RVA data. (A <c>ReadOnlySpan&lt;ulong&gt; =&gt; new ulong[]</c>
/// property is RVA-backed only in optimized builds; in Debug it allocates on every access.)
/// </summary>
internal static class TableDataEmitter
{
    /// <summary>Up to this many tokens the blob is written one token per line.</summary>
    private const int AnnotatedTokens = 500;

    public static void WriteStrings(SourceWriter w, StringTableData t, string[] tokens)
    {
        WritePilots(w, t.Pilots);
        w.Line();
        w.Line("/// <summary>Per slot: blob offset (bits 0-31), key length (32-55), hash tag (56-63); all ones when empty.</summary>");
        w.Line("private static readonly ulong[] Entries =");
        w.Line("{");
        w.Raw(Literals.Rows(t.Entries, 4, w.Indent + 1, Literals.ULong));
        w.Line("};");
        w.Line();
        w.Line("/// <summary>Per token in vocabulary order: its id in four 7-bit bytes, then its UTF-8 bytes.</summary>");
        if (tokens.Length <= AnnotatedTokens)
        {
            w.Line("private static " + Names.Span + "<byte> Blob =>");
            string pad = new(' ', (w.Indent + 1) * 4);
            var builder = new StringBuilder();
            for (int i = 0; i < tokens.Length; i++)
            {
                int start = t.KeyOffsets[i];
                int end = i + 1 < tokens.Length ? t.KeyOffsets[i + 1] : t.Blob.Length;
                builder.Append(pad).Append(Literals.Utf8Bytes(t.Blob, start, end - start)).Append(i + 1 < tokens.Length ? " +" : ";")
                    .Append(" // ").Append(i.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }

            w.Raw(builder.ToString());
        }
        else
        {
            // One literal: the compiler handles megabytes of u8 literal far faster than an array initializer.
            w.Line("private static " + Names.Span + "<byte> Blob => " + Literals.Utf8Bytes(t.Blob, 0, t.Blob.Length) + ";");
        }
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
        w.Line("/// <summary>One 7-bit pilot per bucket of the perfect hash.</summary>");
        w.Line("private static " + Names.Span + "<byte> Pilots => " + Literals.Utf8Bytes(pilots, 0, pilots.Length) + ";");
    }

    private static string Comment(string text) => text.Replace("*/", "*\\/");
}
