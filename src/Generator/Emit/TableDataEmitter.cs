using System.Globalization;
using System.Text;
using PrepGen.Generator.Tables;

namespace PrepGen.Generator.Emit;

/// <summary>
/// Writes table data as <c>ReadOnlySpan&lt;T&gt;</c> properties over array literals, which the compiler
/// stores as RVA data: no start-up work, no allocation, no code per token.
/// </summary>
internal static class TableDataEmitter
{
    /// <summary>Up to this many tokens the blob is written one token per line with the token in a comment.</summary>
    private const int AnnotatedTokens = 2000;

    public static void WriteStrings(SourceWriter w, StringTableData t, string[] tokens)
    {
        WritePilots(w, t.Pilots);
        w.Line();
        w.Line("/// <summary>Per slot: blob offset (bits 0-31), key length (32-55), hash tag (56-63); all ones when empty.</summary>");
        w.Line("private static " + Names.Span + "<ulong> Entries => new ulong[]");
        w.Line("{");
        w.Raw(Literals.Rows(t.Entries, 4, w.Indent + 1, Literals.ULong));
        w.Line("};");
        w.Line();
        w.Line("/// <summary>Per token in vocabulary order: its id (int32, little-endian), then its UTF-8 bytes.</summary>");
        w.Line("private static " + Names.Span + "<byte> Blob => new byte[]");
        w.Line("{");
        if (tokens.Length <= AnnotatedTokens)
        {
            string pad = new(' ', (w.Indent + 1) * 4);
            var builder = new StringBuilder();
            for (int i = 0; i < tokens.Length; i++)
            {
                int start = t.KeyOffsets[i];
                int end = i + 1 < tokens.Length ? t.KeyOffsets[i + 1] : t.Blob.Length;
                builder.Append(pad).Append("/* ").Append(Comment(Literals.String(tokens[i]))).Append(" */ ");
                for (int j = start; j < end; j++)
                {
                    builder.Append(t.Blob[j].ToString(CultureInfo.InvariantCulture)).Append(j + 1 < end ? ", " : ",");
                }

                builder.Append('\n');
            }

            w.Raw(builder.ToString());
        }
        else
        {
            w.Raw(Literals.Rows(t.Blob, 32, w.Indent + 1, b => b.ToString(CultureInfo.InvariantCulture)));
        }

        w.Line("};");
    }

    public static void WriteIntegers(SourceWriter w, Int64TableData t)
    {
        WritePilots(w, t.Pilots);
        w.Line();
        w.Line("/// <summary>Per slot: the key, then its id (-1 when the slot is empty).</summary>");
        w.Line("private static " + Names.Span + "<long> Slots => new long[]");
        w.Line("{");
        w.Raw(Literals.Rows(t.Slots, 8, w.Indent + 1, Literals.Long));
        w.Line("};");
    }

    private static void WritePilots(SourceWriter w, byte[] pilots)
    {
        w.Line();
        w.Line("/// <summary>One pilot per bucket of the perfect hash.</summary>");
        w.Line("private static " + Names.Span + "<byte> Pilots => new byte[]");
        w.Line("{");
        w.Raw(Literals.Rows(pilots, 32, w.Indent + 1, b => b.ToString(CultureInfo.InvariantCulture)));
        w.Line("};");
    }

    private static string Comment(string text) => text.Replace("*/", "*\\/");
}
