using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace PrepGen.Generator.Emit;

/// <summary>C# literals, invariant and round-trippable.</summary>
internal static class Literals
{
    public static string String(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    public static string Utf8(string value) => String(value) + "u8";

    /// <summary>Text inside an XML doc comment (a file name, a token): <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> escaped.</summary>
    public static string XmlText(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>
    /// A <c>"..."u8</c> literal for valid UTF-8 bytes: ASCII control characters and the characters C#
    /// treats as line breaks are escaped, everything else is written as itself.
    /// </summary>
    public static string Utf8Bytes(byte[] bytes, int start, int length)
    {
        string text = new UTF8Encoding(false, true).GetString(bytes, start, length);
        var builder = new StringBuilder(text.Length + 8).Append('"');
        foreach (char c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (c < 0x20 || c == 0x7F || c == '\u0085' || c == '\u2028' || c == '\u2029')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append("\"u8").ToString();
    }

    public static string Long(long value) => value == long.MinValue ? "long.MinValue" : value.ToString(CultureInfo.InvariantCulture) + "L";

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary>A double as written in C# source: "R" round-trips, and never shows a culture's separator.</summary>
    public static string Double(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string ULong(ulong value) => "0x" + value.ToString("X16", CultureInfo.InvariantCulture) + "UL";

    public static string Float(float value)
    {
        if (float.IsNaN(value))
        {
            return "float.NaN";
        }

        if (float.IsInfinity(value))
        {
            return value > 0 ? "float.PositiveInfinity" : "float.NegativeInfinity";
        }

        // "R" round-trips float32 on .NET Framework-era runtimes too (the compiler may run on either).
        return value.ToString("R", CultureInfo.InvariantCulture) + "f";
    }

    /// <summary>Comma-separated values, <paramref name="perLine"/> to a line, each line indented.</summary>
    public static string Rows<T>(T[] values, int perLine, int indent, System.Func<T, string> format)
    {
        var builder = new StringBuilder();
        string pad = new(' ', indent * 4);
        for (int i = 0; i < values.Length; i += perLine)
        {
            builder.Append(pad);
            int end = System.Math.Min(values.Length, i + perLine);
            for (int j = i; j < end; j++)
            {
                builder.Append(format(values[j])).Append(j + 1 < end ? ", " : ",");
            }

            builder.Append('\n');
        }

        return builder.ToString();
    }
}
