using System;
using System.Collections.Generic;
using System.Linq;
using PrepGen.Cli.Inspect.Html;

namespace PrepGen.Cli.Inspect;

/// <summary>A vocabulary's page: token frequency by rank where counts are known, otherwise token length by rank, and the token-length histogram.</summary>
internal static class VocabularyCharts
{
    /// <summary>Lengths above this share one last bar, so one runaway line does not squash the histogram.</summary>
    private const int LongestBar = 60;

    /// <summary>At most this many points per line: enough for the pixels, few enough to keep the page small.</summary>
    private const int Points = 600;

    /// <param name="counts">Each token's count, in file order, where a file kind records them (a vocabulary file does not); null otherwise.</param>
    public static void Write(HtmlReport report, int[] lengths, long[]? counts)
    {
        if (counts is not null)
        {
            report.Heading("Token frequency by rank");
            report.Note("Each token's count against its rank (line order; Keras's adapt writes the most frequent first), both axes logarithmic. "
                + "A straight falling line is Zipf's law; a flat head or a cliff suggests a cap (max_tokens) or filtered input.");
            report.Chart(RankFrequency(counts));
        }
        else
        {
            report.Heading("Token length by rank");
            int group = Math.Max(1, (lengths.Length + Points - 1) / Points);
            report.Note("A vocabulary file holds no counts, so frequency cannot be plotted. Plotted instead: the mean token length (characters) "
                + $"of each group of {Show.Count(group)} consecutive line(s), against the rank (line order; Keras's adapt writes the most frequent "
                + "token first, and frequent words are short, so an adapted vocabulary rises to the right; a sorted word list does not).");
            report.Chart(LengthByRank(lengths, group));
        }

        report.Heading("Token length histogram");
        report.Note($"How many tokens have each length in characters (Unicode scalar values){(lengths.Max() > LongestBar ? $"; the last bar gathers every token over {LongestBar}" : "")}.");
        report.Chart(LengthHistogram(lengths));
    }

    private static SvgChart RankFrequency(long[] counts)
    {
        var points = new List<(double, double)>();
        int previous = 0;
        for (int k = 0; k < Points; k++)
        {
            int rank = (int)Math.Round(Math.Exp(k * Math.Log(counts.Length) / (Points - 1)));
            if (rank > previous && rank <= counts.Length)
            {
                previous = rank;
                if (counts[rank - 1] > 0)
                {
                    points.Add((rank, counts[rank - 1]));
                }
            }
        }

        long highest = Math.Max(1, counts.Max());
        long lowest = Math.Max(1, counts.Where(c => c > 0).DefaultIfEmpty(1).Min());
        var chart = new SvgChart("token count by rank", 880, 320, Scale.Log(1, Math.Max(10, counts.Length)), Scale.Log(lowest, highest), "rank (line)", "count");
        chart.Polyline(points, "line");
        return chart;
    }

    private static SvgChart LengthByRank(int[] lengths, int group)
    {
        var points = new List<(double, double)>();
        for (int start = 0; start < lengths.Length; start += group)
        {
            int end = Math.Min(lengths.Length, start + group);
            double mean = 0;
            for (int i = start; i < end; i++)
            {
                mean += lengths[i];
            }

            points.Add(((start + end + 1) / 2.0, mean / (end - start)));
        }

        var chart = new SvgChart("mean token length by rank", 880, 300, Scale.Linear(1, Math.Max(2, lengths.Length), nice: false), Scale.Linear(0, points.Max(p => p.Item2)),
            "rank (line)", "mean length (characters)");
        if (points.Count == 1)
        {
            chart.Dot(points[0].Item1, points[0].Item2, "dot");
        }

        chart.Polyline(points, "line");
        return chart;
    }

    private static SvgChart LengthHistogram(int[] lengths)
    {
        int shortest = lengths.Min();
        int longest = Math.Min(lengths.Max(), LongestBar + 1);
        var counts = new long[longest - shortest + 1];
        foreach (int length in lengths)
        {
            counts[Math.Min(length, LongestBar + 1) - shortest]++;
        }

        var bars = counts.Select((c, i) => (shortest + i > LongestBar ? $">{LongestBar}" : Show.Count(shortest + i), c)).ToList();
        return Histogram.Draw("token length histogram", "length (characters)", "tokens", bars);
    }
}
