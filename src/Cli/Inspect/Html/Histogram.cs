using System;
using System.Collections.Generic;

namespace PrepGen.Cli.Inspect.Html;

/// <summary>A bar chart of counts over labelled categories (token lengths, weight ranges).</summary>
internal static class Histogram
{
    /// <summary>The most x labels drawn; with more bars every k-th is labelled.</summary>
    private const int MaxLabels = 24;

    public static SvgChart Draw(string label, string xTitle, string yTitle, IReadOnlyList<(string Label, long Count)> bars)
    {
        long highest = 1;
        foreach ((_, long count) in bars)
        {
            highest = Math.Max(highest, count);
        }

        var chart = new SvgChart(label, 880, 260, Scale.Linear(-0.5, bars.Count - 0.5, nice: false), Scale.Linear(0, highest), xTitle, yTitle);
        int every = (bars.Count + MaxLabels - 1) / MaxLabels;
        var ticks = new List<(double, string)>();
        for (int i = 0; i < bars.Count; i++)
        {
            if (bars[i].Count > 0)
            {
                chart.Rect(i - 0.4, 0, i + 0.4, bars[i].Count, "bar", $"{bars[i].Label}: {Show.Count(bars[i].Count)}");
            }

            if (i % every == 0)
            {
                ticks.Add((i, bars[i].Label));
            }
        }

        chart.XTicks = ticks;
        return chart;
    }
}
