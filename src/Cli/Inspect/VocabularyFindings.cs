using System.Collections.Generic;
using System.Linq;

namespace PrepGen.Cli.Inspect;

/// <summary>
/// The lines of a vocabulary worth a second look, each named with its 1-based line number: what the generator
/// rejects (duplicates, as errors) and what is legal but rarely meant (empty, whitespace at the ends, control or
/// invisible characters, very long, the special tokens written as ordinary ones).
/// </summary>
internal static class VocabularyFindings
{
    /// <summary>Longer than this many characters is "very long": no word is, a line that was never split often is.</summary>
    public const int VeryLong = 100;

    /// <summary>The findings as "error: ..." or warning lines; empty when the file looks clean. Counts the errors.</summary>
    public static List<string> Of(IReadOnlyList<string> tokens, int[] lengths, out int errors)
    {
        var findings = new List<string>();
        errors = 0;
        var firstLine = new Dictionary<string, int>(System.StringComparer.Ordinal);
        for (int i = 0; i < tokens.Count; i++)
        {
            if (!firstLine.TryAdd(tokens[i], i + 1))
            {
                errors++;
                if (errors <= Show.Listed)
                {
                    findings.Add($"error: line {i + 1} repeats the token of line {firstLine[tokens[i]]} ({Show.Quote(tokens[i])}).");
                }
            }
        }

        if (errors > Show.Listed)
        {
            findings.Add($"error: {Show.Count(errors)} duplicate lines in all; the generator rejects the file.");
        }

        int[] empty = Lines(tokens, t => t.Length == 0);
        if (empty.Length > 0)
        {
            findings.Add($"warning: empty line(s) at {Show.List(empty, Show.Count)}: an empty line is the empty-string token.");
        }

        int[] padded = Lines(tokens, t => t.Length > 0 && (char.IsWhiteSpace(t[0]) || char.IsWhiteSpace(t[^1])));
        if (padded.Length > 0)
        {
            findings.Add($"warning: leading or trailing whitespace at line(s) {Show.List(padded, l => Show.Count(l) + " " + Show.Quote(tokens[l - 1]))}: "
                + "a whitespace split never yields such a token, and a lookup matches it only where the input has the same spaces.");
        }

        int[] invisible = Lines(tokens, t => t.Any(Show.IsInvisible));
        if (invisible.Length > 0)
        {
            findings.Add($"warning: control or invisible characters at line(s) {Show.List(invisible, l => Show.Count(l) + " " + Show.Quote(tokens[l - 1]))}: "
                + "usually an encoding or export problem.");
        }

        int[] veryLong = Enumerable.Range(0, tokens.Count).Where(i => lengths[i] > VeryLong).Select(i => i + 1).ToArray();
        if (veryLong.Length > 0)
        {
            findings.Add($"warning: very long token(s) (over {VeryLong} characters) at line(s) {Show.List(veryLong, l => $"{Show.Count(l)} ({Show.Count(lengths[l - 1])} characters)")}: "
                + "often a line that was never split.");
        }

        foreach (string special in new[] { "[UNK]", "[OOV]", "[MASK]", "[PAD]" })
        {
            if (firstLine.TryGetValue(special, out int line))
            {
                findings.Add($"warning: line {line} holds {special}: a vocabulary file lists real tokens only, so this is an ordinary token that shifts the indices.");
            }
        }

        return findings;
    }

    private static int[] Lines(IReadOnlyList<string> tokens, System.Func<string, bool> test) =>
        Enumerable.Range(0, tokens.Count).Where(i => test(tokens[i])).Select(i => i + 1).ToArray();
}
