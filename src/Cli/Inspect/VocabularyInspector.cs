using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PrepGen.Cli.Inspect.Html;

namespace PrepGen.Cli.Inspect;

/// <summary>
/// A Keras vocabulary file (StringLookup, IntegerLookup, TextVectorization): size, head and tail with ids, token
/// lengths and suspicious lines. It accepts any file, so InspectRunner asks it last.
/// </summary>
internal sealed class VocabularyInspector : IFileInspector
{
    /// <summary>Tokens shown at each end; a vocabulary of up to twice as many is shown whole.</summary>
    private const int Ends = 5;

    public bool Recognises(InspectedFile file) => true;

    public int Inspect(InspectedFile file, TextWriter stdout, HtmlReport? report)
    {
        IReadOnlyList<string> tokens = file.Lines ?? throw new CliException($"'{file.Path}' is not valid UTF-8.");
        stdout.WriteLine($"vocabulary file, {Show.Count(tokens.Count)} tokens, {Show.Count(file.Bytes.Length)} bytes");
        if (tokens.Count == 0)
        {
            stdout.WriteLine("  error: the vocabulary is empty.");
            return 1;
        }

        stdout.WriteLine("  line n is id n with StringLookup's defaults (OOV 0); TextVectorization ids are one higher (mask 0, OOV 1)");
        foreach (string line in Show.Columns(HeadAndTail(tokens), "  ", leftAlignedColumn: 1))
        {
            stdout.WriteLine(line);
        }

        int[] lengths = tokens.Select(t => t.EnumerateRunes().Count()).ToArray();
        stdout.WriteLine("  " + LengthSummary(lengths));

        List<string> findings = VocabularyFindings.Of(tokens, lengths, out int errors);
        if (file.HasBom)
        {
            findings.Add("warning: the file starts with a UTF-8 BOM, which becomes part of the first token.");
        }

        if (file.Text!.Contains('\r', StringComparison.Ordinal))
        {
            findings.Add("note: the file has \\r\\n line ends (allowed; one trailing \\r per line is stripped).");
        }

        foreach (string finding in findings)
        {
            stdout.WriteLine("  " + finding);
        }

        if (findings.Count == 0)
        {
            stdout.WriteLine($"  no suspicious lines (checked: duplicates, empty, whitespace at either end, control or invisible characters, over {VocabularyFindings.VeryLong} characters, special tokens).");
        }

        if (report is not null)
        {
            VocabularyCharts.Write(report, lengths, counts: null);
        }

        return errors == 0 ? 0 : 1;
    }

    private static List<string[]> HeadAndTail(IReadOnlyList<string> tokens)
    {
        var rows = new List<string[]> { new[] { "line/id", "token" } };
        IEnumerable<int> shown = tokens.Count <= 2 * Ends
            ? Enumerable.Range(0, tokens.Count)
            : Enumerable.Range(0, Ends).Append(-1).Concat(Enumerable.Range(tokens.Count - Ends, Ends));
        foreach (int i in shown)
        {
            rows.Add(i < 0 ? new[] { "...", "" } : new[] { Show.Count(i + 1), Show.Quote(tokens[i]) });
        }

        return rows;
    }

    private static string LengthSummary(int[] lengths)
    {
        int[] sorted = lengths.Order().ToArray();
        int longest = Array.IndexOf(lengths, sorted[^1]) + 1;
        return $"token length (characters): min {sorted[0]}, median {Show.Number(Median(sorted))}, mean {Show.Number(Math.Round(lengths.Average(), 2))}, "
            + $"p99 {sorted[(int)Math.Ceiling(0.99 * sorted.Length) - 1]}, max {sorted[^1]} (line {Show.Count(longest)})";
    }

    private static double Median(int[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2.0;
}
