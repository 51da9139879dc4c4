using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PrepGen.Cli.Inspect.Html;

namespace PrepGen.Cli.Inspect;

/// <summary>A stats.json key on the page: Normalization's mean ± std per feature, Discretization's bins on an axis.</summary>
internal static class StatsCharts
{
    private const double Width = 880;

    /// <summary>Row height of one feature in the mean ± std chart.</summary>
    private const double RowHeight = 16;

    /// <summary>The most feature labels on the y axis; with more features every k-th is labelled.</summary>
    private const int MaxLabels = 40;

    public static void Normalization(HtmlReport report, string key, double[] mean, double[] variance, string count)
    {
        double[] std = variance.Select(v => Math.Sqrt(Math.Max(0, v))).ToArray();
        report.Heading($"{key}: normalization, {mean.Length} feature(s){count}");
        int n = mean.Length;
        double low = Enumerable.Range(0, n).Min(i => mean[i] - std[i]);
        double high = Enumerable.Range(0, n).Max(i => mean[i] + std[i]);

        // Features on scales a hundred times apart (a count beside a ratio) all look flat on a linear axis; a log
        // axis keeps each visible where every bar is positive.
        bool log = low > 0 && high / low > 100;
        report.Note("Each feature's mean (dot) and mean ± one standard deviation (bar), on one shared "
            + (log ? "logarithmic axis (the features' scales differ more than a hundredfold)" : "axis")
            + ": the layer maps the bar onto -1..1. The table gives every value.");
        var chart = new SvgChart($"{key}: mean and standard deviation per feature", Width, 60 + RowHeight * n,
            log ? Scale.Log(low, high) : Scale.Linear(low, high), Scale.Linear(-0.5, n - 0.5, nice: false), log ? "value (log scale)" : "value", "feature");

        // Feature 0 at the top: feature i sits at y = n - 1 - i.
        int every = (n + MaxLabels - 1) / MaxLabels;
        chart.YTicks = Enumerable.Range(0, n).Where(i => i % every == 0).Select(i => ((double)(n - 1 - i), Invariant(i))).ToList();
        for (int i = 0; i < n; i++)
        {
            string title = $"feature {i}: mean {Show.Number(mean[i])}, std {Show.Number(std[i])}";
            chart.Line(mean[i] - std[i], n - 1 - i, mean[i] + std[i], n - 1 - i, "whisker", title);
            chart.Dot(mean[i], n - 1 - i, "dot", title);
        }

        report.Chart(chart);
        report.Table(new[] { "feature", "mean", "variance", "std" },
            Enumerable.Range(0, n).Select(i => new[] { Invariant(i), Show.Number(mean[i]), Show.Number(variance[i]), Show.Number(std[i]) }),
            new HashSet<int> { 0, 1, 2, 3 });
    }

    public static void Discretization(HtmlReport report, string key, double[] boundaries, string settings)
    {
        report.Heading($"{key}: discretization, {boundaries.Length} boundaries ({boundaries.Length + 1} bins){settings}");
        if (boundaries.Length == 0)
        {
            report.Note("No boundaries: every value falls in bin 0.");
            return;
        }

        report.Note("The bin boundaries (red) on the value axis; the shaded bands are the bins, numbered as the layer outputs them "
            + "(a value equal to a boundary goes to the bin on its right). The outer bins reach to -infinity and +infinity.");
        double span = boundaries[^1] - boundaries[0];
        double pad = span > 0 ? span * 0.08 : Math.Max(1, Math.Abs(boundaries[0]) * 0.1);
        var chart = new SvgChart($"{key}: bin boundaries", Width, 110, Scale.Linear(boundaries[0] - pad, boundaries[^1] + pad), Scale.Linear(0, 1, nice: false),
            "value", "") { ShowYAxis = false };
        double[] edges = boundaries.Prepend(chart.XScale.Min).Append(chart.XScale.Max).ToArray();
        double pixelsPerUnit = (chart.X(chart.XScale.Max) - chart.X(chart.XScale.Min)) / (chart.XScale.Max - chart.XScale.Min);
        for (int bin = 0; bin + 1 < edges.Length; bin++)
        {
            chart.Rect(edges[bin], 0.1, edges[bin + 1], 0.75, bin % 2 == 0 ? "bin" : "bin2", $"bin {bin}");
            if ((edges[bin + 1] - edges[bin]) * pixelsPerUnit >= 8 * (Invariant(bin).Length + 1))
            {
                chart.Label((edges[bin] + edges[bin + 1]) / 2, 0.3, Invariant(bin));
            }
        }

        for (int i = 0; i < boundaries.Length; i++)
        {
            chart.Line(boundaries[i], 0, boundaries[i], 0.85, "boundary", $"boundary [{i}]: {Show.Number(boundaries[i])}");
        }

        report.Chart(chart);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
