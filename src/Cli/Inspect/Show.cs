using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace PrepGen.Cli.Inspect;

/// <summary>How inspect writes values: invariant culture, compact numbers, tokens quoted with invisible characters made visible.</summary>
internal static class Show
{
    /// <summary>How many lines a finding lists before it says how many there are in all.</summary>
    public const int Listed = 10;

    /// <summary>Six significant digits: enough to tell float32 statistics apart at a glance, short enough to align.</summary>
    public static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>An integer with thousands separators, invariant culture.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A line or feature number with thousands separators (a method group for <see cref="List{T}"/>).</summary>
    public static string Count(int value) => Count((long)value);

    /// <summary>
    /// A token in double quotes: quotes and backslashes escaped, control and format characters (zero-width
    /// spaces, a BOM) as \uXXXX so a terminal shows them, every other character as it is.
    /// </summary>
    public static string Quote(string token)
    {
        var builder = new StringBuilder(token.Length + 2).Append('"');
        foreach (char c in token)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (IsInvisible(c))
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

        return builder.Append('"').ToString();
    }

    /// <summary>A control character or an invisible format character (U+200B, U+FEFF, bidi marks, ...).</summary>
    public static bool IsInvisible(char c) =>
        char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    /// <summary>"3, 7, 12" for up to <see cref="Listed"/> items, then ", ... (N in all)".</summary>
    public static string List<T>(IReadOnlyCollection<T> items, Func<T, string> show) =>
        string.Join(", ", items.Take(Listed).Select(show)) + (items.Count > Listed ? $", ... ({Count(items.Count)} in all)" : "");

    /// <summary>Rows as aligned columns (right-aligned, two spaces apart), each line indented.</summary>
    public static IEnumerable<string> Columns(IReadOnlyList<string[]> rows, string indent, int leftAlignedColumn = -1)
    {
        int columns = rows.Max(r => r.Length);
        var widths = new int[columns];
        foreach (string[] row in rows)
        {
            for (int i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        foreach (string[] row in rows)
        {
            var line = new StringBuilder(indent);
            for (int i = 0; i < row.Length; i++)
            {
                line.Append(i == 0 ? "" : "  ").Append(i == leftAlignedColumn ? row[i] : row[i].PadLeft(widths[i]));
            }

            yield return line.ToString().TrimEnd();
        }
    }
}
