using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using PrepGen.Cli.Inspect.Html;

namespace PrepGen.Cli.Inspect;

/// <summary>
/// A TfIdf weights file: every line a number, not all of them integers (an IntegerLookup vocabulary is all
/// integers, and the weights PrepGen and Keras write are logarithms).
/// </summary>
internal sealed class IdfInspector : IFileInspector
{
    private const int Bins = 40;

    public bool Recognises(InspectedFile file) =>
        !file.HasBom && file.Lines is { Count: > 0 } lines
        && lines.All(l => double.TryParse(l, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        && !lines.All(l => long.TryParse(l, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _));

    public int Inspect(InspectedFile file, TextWriter stdout, HtmlReport? report)
    {
        double[] weights = file.Lines!.Select(l => double.Parse(l, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
        stdout.WriteLine($"idf weights file, {Show.Count(weights.Length)} weights (line i weighs vocabulary line i)");
        int errors = 0;
        int[] notFinite = weights.Select((w, i) => (w, i)).Where(p => !double.IsFinite(p.w)).Select(p => p.i + 1).ToArray();
        if (notFinite.Length > 0)
        {
            errors++;
            stdout.WriteLine($"  error: line(s) {Show.List(notFinite, Show.Count)} hold a weight that is not finite; the generator rejects the file.");
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
        if (report is not null && finite.Length > 0)
        {
            report.Heading("Weight histogram");
            report.Note($"How many tokens have each idf weight, in {Bins} equal ranges from the lowest to the highest finite weight. "
                + "Rare tokens weigh most; a tall last bar is the tokens seen in one document.");
            report.Chart(Histogram.Draw("idf weight histogram", "idf weight (range start)", "tokens", Bars(finite)));
        }

        return errors == 0 ? 0 : 1;
    }

    private static List<(string, long)> Bars(double[] weights)
    {
        double low = weights.Min();
        double width = (weights.Max() - low) / Bins;
        var counts = new long[Bins];
        foreach (double w in weights)
        {
            counts[width > 0 ? Math.Min(Bins - 1, (int)((w - low) / width)) : 0]++;
        }

        return counts.Select((c, i) => (Show.Number(Math.Round(low + i * width, 3)), c)).ToList();
    }
}
