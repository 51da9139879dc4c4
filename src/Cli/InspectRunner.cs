using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using PrepGen.Generator.State;
using PrepGen.Schema;

namespace PrepGen.Cli;

/// <summary>
/// Runs <c>prepgen inspect</c>: summarizes a stats.json file or a vocabulary file, and warns about
/// what the generator would reject (duplicates, an empty file) or what is legal but suspicious.
/// </summary>
internal static class InspectRunner
{
    private const int Shown = 10;

    /// <summary>Returns 0 when the file is usable, 1 when the generator would reject it.</summary>
    public static int Run(FileInfo file, TextWriter stdout)
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

        int result = bytes.AsSpan().StartsWith("PGTABLE"u8) ? InspectTable(file.FullName, bytes, stdout)
            : LooksLikeJson(bytes) ? InspectStats(file.FullName, bytes, stdout)
            : InspectLines(file.FullName, bytes, stdout);
        return Math.Max(result, InspectPendingCommits(file.FullName, stdout));
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

    /// <summary>A mapped lookup table (<c>.pgtable</c>, written by the build): its header, and whether its checksum holds.</summary>
    private static int InspectTable(string path, byte[] bytes, TextWriter stdout)
    {
        if (PrepGen.Runtime.TableFile.ReadHeader(bytes) is not { } header)
        {
            stdout.WriteLine($"{path}: a lookup table of another PrepGen version ({Encoding.ASCII.GetString(bytes, 0, Math.Min(8, bytes.Length))})");
            stdout.WriteLine("  error: this version reads " + PrepGen.Runtime.TableFile.Magic + " tables; rebuild the application to rewrite it.");
            return 1;
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{path}: mapped lookup table, {header.KeyCount:N0} tokens, {header.SlotCount:N0} slots, vocabulary sha256 {header.VocabularyHash[..Math.Min(16, header.VocabularyHash.Length)]}"));
        long expected = header.KeysLength < 0 ? -1 : PrepGen.Runtime.TableFile.Length(header);
        if (expected != bytes.Length)
        {
            stdout.WriteLine($"  error: the file is {bytes.Length} bytes where its header describes {expected}: truncated or damaged.");
            return 1;
        }

        if (PrepGen.Runtime.MappedStringTable.Damage(bytes) is { } damage)
        {
            stdout.WriteLine($"  error: the content is damaged ({damage}); rebuild the application.");
            return 1;
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  checksum {header.Checksum:x8} and {PrepGen.Runtime.TableFile.Blocks(header):N0} block checksums: intact."));
        return 0;
    }

    // A file whose every line is a number, not all of them integers, is an idf weights file (an IntegerLookup
    // vocabulary is all integers, and the weights PrepGen and Keras write are logarithms).
    private static int InspectLines(string path, byte[] bytes, TextWriter stdout)
    {
        string? text = null;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // InspectVocabulary reports it.
        }

        List<string>? lines = text is null ? null : SplitLines(text);
        return lines is { Count: > 0 } && lines.All(l => double.TryParse(l, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            && !lines.All(l => long.TryParse(l, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            ? InspectIdf(path, lines, stdout)
            : InspectVocabulary(path, bytes, stdout);
    }

    private static int InspectIdf(string path, List<string> lines, TextWriter stdout)
    {
        double[] weights = lines.Select(l => double.Parse(l, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: idf weights file, {weights.Length:N0} weights (line i weighs vocabulary line i)"));
        int errors = 0;
        int[] notFinite = weights.Select((w, i) => (w, i)).Where(p => !double.IsFinite(p.w)).Select(p => p.i + 1).ToArray();
        if (notFinite.Length > 0)
        {
            errors++;
            stdout.WriteLine($"  error: line(s) {string.Join(", ", notFinite.Take(Shown))} hold a weight that is not finite; the generator rejects the file.");
        }

        double[] finite = weights.Where(double.IsFinite).ToArray();
        if (finite.Length > 0)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  weights {finite.Min():R} .. {finite.Max():R}; the OOV weight (their mean, as Keras pads it) is {(float)finite.Average():R}"));
        }

        if (finite.Any(w => w < 0))
        {
            stdout.WriteLine("  warning: negative weights; Keras's adapt never gives them (idf = log(1 + documents / (1 + document frequency))).");
        }

        stdout.WriteLine("  note: the vocabulary file it belongs to must have exactly as many lines.");
        return errors == 0 ? 0 : 1;
    }

    // Keras's reader: split on \n, strip one trailing \r, a final newline is optional.
    private static List<string> SplitLines(string text)
    {
        List<string> lines = text.Split('\n').Select(l => l.EndsWith('\r') ? l[..^1] : l).ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    private static bool LooksLikeJson(byte[] bytes)
    {
        foreach (byte b in bytes)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            return b == (byte)'{';
        }

        return false;
    }

    // The generator's own rules (the linked StatsSchema and JsonReader), so an entry reported intact here
    // compiles, and a problem is named with its line as the generator names it.
    private static int InspectStats(string path, byte[] bytes, TextWriter stdout)
    {
        JsonParseResult parsed = JsonReader.Parse(Encoding.UTF8.GetString(bytes));
        if (parsed.Root is not { } root)
        {
            throw new CliException($"'{path}' starts like JSON but does not parse: line {parsed.ErrorLine}: {parsed.Error}");
        }

        if (root.Kind != JsonKind.Object || (root.Member(StatsSchema.FormatMember) is null && root.Member(StatsSchema.FeaturesMember) is null))
        {
            throw new CliException($"'{path}' is JSON but not a stats file (no \"{StatsSchema.FormatMember}\" and \"{StatsSchema.FeaturesMember}\").");
        }

        if (StatsSchema.CheckDocument(root, out JsonNode features) is { } problem)
        {
            stdout.WriteLine($"{path}: stats file");
            stdout.WriteLine($"  error: line {problem.Line}: {problem.Message}");
            return 1;
        }

        stdout.WriteLine($"{path}: stats file, format {StatsSchema.Format}");
        int errors = 0;
        foreach (KeyValuePair<string, JsonNode> feature in features.Members)
        {
            stdout.WriteLine($"  {feature.Key}: {Describe(feature.Key, feature.Value, ref errors)}");
        }

        return errors == 0 ? 0 : 1;
    }

    private static string Describe(string key, JsonNode entry, ref int errors)
    {
        if (StatsSchema.CheckEntry(entry, key) is { } problem)
        {
            errors++;
            return $"error: line {problem.Line}: {problem.Message}";
        }

        string kind = entry.Member(StatsSchema.KindMember)!.String!;
        if (kind == StatsSchema.Normalization)
        {
            int features = entry.Member(StatsSchema.Mean)!.Items.Count;
            string count = entry.Member(StatsSchema.Count) is { } c ? $", {c.Text ?? c.Describe()} rows" : "";
            return $"{kind}, {features} feature(s){count}";
        }

        int boundaries = entry.Member(StatsSchema.BinBoundaries)!.Items.Count;
        return $"{kind}, {boundaries} boundaries ({boundaries + 1} bins)";
    }

    private static int InspectVocabulary(string path, byte[] bytes, TextWriter stdout)
    {
        var warnings = new List<string>();
        int errors = 0;
        int offset = 0;
        if (bytes.AsSpan().StartsWith("\uFEFF"u8))
        {
            warnings.Add("the file starts with a UTF-8 BOM, which becomes part of the first token.");
            offset = 3;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, offset, bytes.Length - offset);
        }
        catch (DecoderFallbackException)
        {
            throw new CliException($"'{path}' is not valid UTF-8.");
        }

        List<string> tokens = SplitLines(text);

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: vocabulary file, {tokens.Count:N0} tokens"));
        if (tokens.Count == 0)
        {
            stdout.WriteLine("  error: the vocabulary is empty.");
            return 1;
        }

        stdout.WriteLine("  first tokens: " + string.Join(", ", tokens.Take(Shown).Select(t => JsonSerializer.Serialize(t, CliJsonContext.Default.String))));
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < tokens.Count; i++)
        {
            if (!firstLine.TryAdd(tokens[i], i + 1))
            {
                errors++;
                if (errors <= Shown)
                {
                    warnings.Add($"error: line {i + 1} repeats the token of line {firstLine[tokens[i]]} ({JsonSerializer.Serialize(tokens[i], CliJsonContext.Default.String)}).");
                }
            }
        }

        int[] empty = tokens.Select((t, i) => (t, i)).Where(p => p.t.Length == 0).Select(p => p.i + 1).ToArray();
        if (empty.Length > 0)
        {
            warnings.Add($"empty line(s) at {string.Join(", ", empty.Take(Shown))}: an empty line is the empty-string token.");
        }

        foreach (string special in new[] { "[UNK]", "[OOV]" })
        {
            if (firstLine.TryGetValue(special, out int line))
            {
                warnings.Add($"line {line} holds {special}: a vocabulary file lists real tokens only, so this is an ordinary token that shifts the indices.");
            }
        }

        if (text.Contains('\r', StringComparison.Ordinal))
        {
            warnings.Add("the file has \\r\\n line ends (allowed; one trailing \\r per line is stripped).");
        }

        if (errors > Shown)
        {
            warnings.Add($"error: {errors} duplicate lines in all.");
        }

        foreach (string warning in warnings)
        {
            stdout.WriteLine("  " + (warning.StartsWith("error:", StringComparison.Ordinal) ? warning : "warning: " + warning));
        }

        return errors == 0 ? 0 : 1;
    }
}
