using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace PrepGen.Cli.Inspect.Html;

/// <summary>
/// One self-contained HTML page (inline CSS, inline SVG, no script, nothing fetched). It is also well-formed XML
/// (void elements closed, every text escaped), and has no timestamp or absolute path, so one input gives the same bytes.
/// </summary>
internal sealed class HtmlReport
{
    private const string Style = """
        body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:960px;padding:0 16px;color:#1d2430;background:#fff}
        h1{font-size:20px;margin:0 0 12px}h2{font-size:16px;margin:28px 0 6px;border-bottom:1px solid #d8dde6;padding-bottom:4px}
        p.note{color:#556070;margin:4px 0 8px}pre{background:#f4f6f9;padding:10px;white-space:pre-wrap;font-size:12.5px}
        table{border-collapse:collapse;font-size:12.5px;margin:6px 0}td,th{padding:2px 10px;border-bottom:1px solid #e6e9ef}
        td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}code{background:#f4f6f9;padding:0 3px}
        svg{display:block;margin:6px 0 10px}svg text{font:11px system-ui,sans-serif;fill:#39424e}
        .axis{stroke:#8a94a3;stroke-width:1}.grid{stroke:#e6e9ef;stroke-width:1}.bar{fill:#4c78a8}.line{fill:none;stroke:#4c78a8;stroke-width:1.5}
        .whisker{stroke:#4c78a8;stroke-width:2}.dot{fill:#e45756}.bin{fill:#eef2f8}.bin2{fill:#dde6f2}.boundary{stroke:#e45756;stroke-width:1.5}
        """;

    private readonly StringBuilder _body = new();
    private readonly string _title;
    private string _summary = "";

    public HtmlReport(string title) => _title = title;

    /// <summary>The terminal summary, shown first on the page (findings with their line numbers included).</summary>
    public void PrependSummary(string text) => _summary = "<h2>Summary</h2>\n<pre>" + Escape(text) + "</pre>\n";

    public void Heading(string text) => _body.Append("<h2>").Append(Escape(text)).Append("</h2>\n");

    /// <summary>A sentence saying what a chart shows (and what it cannot).</summary>
    public void Note(string text) => _body.Append("<p class=\"note\">").Append(Escape(text)).Append("</p>\n");

    /// <summary>An SVG element from <see cref="SvgChart"/>, which escapes its own text.</summary>
    public void Chart(SvgChart chart) => _body.Append(chart.ToSvg()).Append('\n');

    /// <summary>A table; columns whose index is in <paramref name="numeric"/> are right-aligned.</summary>
    public void Table(string[] header, IEnumerable<string[]> rows, ISet<int> numeric)
    {
        _body.Append("<table><thead><tr>");
        for (int i = 0; i < header.Length; i++)
        {
            _body.Append(numeric.Contains(i) ? "<th class=\"n\">" : "<th>").Append(Escape(header[i])).Append("</th>");
        }

        _body.Append("</tr></thead><tbody>\n");
        foreach (string[] row in rows)
        {
            _body.Append("<tr>");
            for (int i = 0; i < row.Length; i++)
            {
                _body.Append(numeric.Contains(i) ? "<td class=\"n\">" : "<td>").Append(Escape(row[i])).Append("</td>");
            }

            _body.Append("</tr>\n");
        }

        _body.Append("</tbody></table>\n");
    }

    public string ToHtml() =>
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\" /><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n"
        + "<title>" + Escape(_title) + "</title>\n<style>\n" + Style + "</style></head>\n<body>\n<h1>" + Escape(_title) + "</h1>\n"
        + _summary + _body + "</body></html>\n";

    /// <summary>Writes the page to a temporary file beside <paramref name="path"/>, then moves it over, so a reader never sees half a page.</summary>
    public void WriteAtomic(string path)
    {
        string full = Path.GetFullPath(path);
        string temp = Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(new UTF8Encoding(false).GetBytes(ToHtml()));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>
    /// Text for an element or a quoted attribute: markup characters as entities, and characters XML cannot hold
    /// (controls, unpaired surrogates) as visible \uXXXX, so a token such as &lt;script&gt; is shown, never run.
    /// </summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else if ((c < ' ' && c is not ('\n' or '\t' or '\r')) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
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

        return builder.ToString();
    }
}
