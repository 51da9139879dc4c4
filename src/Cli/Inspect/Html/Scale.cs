using System;
using System.Collections.Generic;
using System.Globalization;

namespace PrepGen.Cli.Inspect.Html;

/// <summary>Maps data values onto 0..1 of a chart axis (linear or base-10 logarithmic) and picks round tick values.</summary>
internal sealed class Scale
{
    private Scale(double min, double max, bool log)
    {
        Min = min;
        Max = max;
        IsLog = log;
    }

    public double Min { get; }

    public double Max { get; }

    public bool IsLog { get; }

    /// <summary>A linear scale widened to round ticks (1, 2 or 5 times a power of ten) at both ends when <paramref name="nice"/>.</summary>
    public static Scale Linear(double min, double max, bool nice = true)
    {
        if (!(max > min))
        {
            // One value (a constant feature, one token length): give it room on both sides.
            double pad = min == 0 ? 1 : Math.Abs(min) * 0.1;
            (min, max) = (min - pad, max + pad);
        }

        if (nice)
        {
            double step = Step(min, max);
            (min, max) = (Math.Floor(min / step) * step, Math.Ceiling(max / step) * step);
        }

        return new Scale(min, max, log: false);
    }

    /// <summary>A log scale from the power of ten at or below <paramref name="min"/> to the one at or above <paramref name="max"/> (both &gt; 0).</summary>
    public static Scale Log(double min, double max)
    {
        double low = Math.Floor(Math.Log10(min));
        double high = Math.Max(Math.Ceiling(Math.Log10(max)), low + 1);
        return new Scale(Math.Pow(10, low), Math.Pow(10, high), log: true);
    }

    /// <summary>Where <paramref name="value"/> falls, 0 at <see cref="Min"/> and 1 at <see cref="Max"/>.</summary>
    public double Fraction(double value) => IsLog
        ? (Math.Log10(value) - Math.Log10(Min)) / (Math.Log10(Max) - Math.Log10(Min))
        : (value - Min) / (Max - Min);

    /// <summary>Round values inside the scale with their labels: every power of ten, or 4-10 steps of a round size.</summary>
    public IReadOnlyList<(double Value, string Label)> Ticks()
    {
        var ticks = new List<(double, string)>();
        if (IsLog)
        {
            for (double e = Math.Log10(Min); e <= Math.Log10(Max) + 1e-9; e++)
            {
                double value = Math.Pow(10, Math.Round(e));
                ticks.Add((value, value < 1e5 ? value.ToString("G", CultureInfo.InvariantCulture) : "1e" + Math.Round(e).ToString(CultureInfo.InvariantCulture)));
            }

            return ticks;
        }

        double step = Step(Min, Max);
        for (double t = Math.Ceiling(Min / step - 1e-9) * step; t <= Max + step * 1e-9; t += step)
        {
            double value = Math.Abs(t) < step * 1e-9 ? 0 : t;
            ticks.Add((value, Show.Number(value)));
        }

        return ticks;
    }

    private static double Step(double min, double max)
    {
        double rough = (max - min) / 5;
        double power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        double m = rough / power;
        return power * (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10);
    }
}
