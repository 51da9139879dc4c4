using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using PrepGen.Cli.Inspect.Html;

namespace PrepGen.Cli.Inspect;

/// <summary>
/// Runs <c>prepgen inspect</c>: recognises the file's kind, prints what it holds and warns about what the generator
/// would reject or what is legal but suspicious; with <c>--html</c> also writes a self-contained page with charts.
/// </summary>
internal static class InspectRunner
{
    /// <summary>
    /// The file kinds, asked in this order; the first that recognises the file inspects it. A new kind plugs in
    /// here, before the vocabulary, which accepts any file and so stays last.
    /// </summary>
    private static readonly IFileInspector[] Inspectors =
    [
        new TableInspector(),
        new PartialInspector(),
        new StatsInspector(),
        new IdfInspector(),
        new VocabularyInspector(),
    ];

    /// <summary>Returns 0 when the file is usable, 1 when the generator would reject it.</summary>
    public static int Run(FileInfo file, FileInfo? html, TextWriter stdout)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read '{file.FullName}': {e.Message}");
        }

        var inspected = new InspectedFile(file.FullName, bytes);
        IFileInspector inspector = Inspectors.First(i => i.Recognises(inspected));
        HtmlReport? report = html is null ? null : new HtmlReport($"prepgen inspect {file.Name}");

        // The summary goes to the terminal after the full path, and to the page after the file name only, so the
        // page's bytes depend on the file, not on where it lies.
        using var summary = new StringWriter { NewLine = "\n" };
        int result = inspector.Inspect(inspected, summary, report);
        stdout.Write(file.FullName + ": " + summary.ToString().Replace("\n", stdout.NewLine, StringComparison.Ordinal));
        result = Math.Max(result, InspectPendingCommits(file.FullName, stdout));
        if (report is not null)
        {
            report.PrependSummary(file.Name + ": " + summary);
            report.WriteAtomic(html!.FullName);
            stdout.WriteLine($"  report: {html.FullName}");
        }

        return result;
    }

    /// <summary>
    /// Reports an interrupted update: a writer killed while replacing this file together with another (a
    /// vocabulary and its idf weights) leaves a commit record (<c>.prepgen-commit.*.json</c>) in the folder;
    /// the next <c>prepgen adapt</c> into the folder completes it.
    /// </summary>
    private static int InspectPendingCommits(string path, TextWriter stdout)
    {
        string? folder = Path.GetDirectoryName(path);
        if (folder is null || !Directory.Exists(folder))
        {
            return 0;
        }

        int errors = 0;
        foreach (string record in Directory.EnumerateFiles(folder, ".prepgen-commit.*.json"))
        {
            List<string> targets;
            try
            {
                using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(record));
                targets = document.RootElement.GetProperty("moves").EnumerateArray().Select(m => m.GetProperty("target").GetString() ?? "").ToList();
            }
            catch (Exception e) when (e is JsonException or IOException or InvalidOperationException or KeyNotFoundException)
            {
                continue;
            }

            if (targets.Contains(path, OperatingSystem.IsLinux() ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase))
            {
                errors++;
                stdout.WriteLine($"  error: an update of {string.Join(" and ", targets.Select(t => "'" + t + "'"))} was interrupted (the writer was killed), "
                    + $"so they may not belong together; the next prepgen adapt into '{folder}' completes it (record '{Path.GetFileName(record)}').");
            }
        }

        return errors == 0 ? 0 : 1;
    }
}
