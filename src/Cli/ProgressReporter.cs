using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using Spectre.Console;

namespace PrepGen.Cli;

/// <summary>Receives how far the input has been read (in the source's unit) and the rows parsed so far.</summary>
internal interface IProgressSink
{
    void Report(long position, long total, long rows);
}

/// <summary>
/// Progress on stderr: on a terminal a live bar (Spectre.Console) with percentage, rows/s and time left from the
/// input size; otherwise (a pipe, a CI log) one plain line every few seconds; nothing with --quiet.
/// </summary>
internal static class ProgressReporter
{
    /// <summary>How often the plain reporter writes a line unless --progress-interval says otherwise.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(5);

    /// <summary>Runs <paramref name="action"/> with the progress sink that suits <paramref name="stderr"/>.</summary>
    public static T Run<T>(TextWriter stderr, bool quiet, bool terminal, TimeSpan interval, string unit, Func<IProgressSink, T> action)
    {
        if (quiet)
        {
            return action(new Silent());
        }

        if (!terminal)
        {
            return action(new Plain(stderr, unit, interval));
        }

        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) });
        T result = default!;
        console.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                ProgressTask task = context.AddTask("reading", maxValue: 1);
                result = action(new Bar(task, unit));
            });
        return result;
    }

    internal static string Size(long value, string unit) => unit == "bytes"
        ? value switch
        {
            >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{value / (double)(1L << 30):F1} GiB"),
            >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{value / (double)(1L << 20):F1} MiB"),
            >= 1L << 10 => string.Create(CultureInfo.InvariantCulture, $"{value / 1024.0:F1} KiB"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{value} B"),
        }
        : string.Create(CultureInfo.InvariantCulture, $"{value:N0} rows");

    private sealed class Silent : IProgressSink
    {
        public void Report(long position, long total, long rows)
        {
        }
    }

    private sealed class Plain(TextWriter stderr, string unit, TimeSpan interval) : IProgressSink
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _last;

        public void Report(long position, long total, long rows)
        {
            TimeSpan now = _clock.Elapsed;
            if (now - _last < interval || position == 0)
            {
                return;
            }

            _last = now;
            double seconds = Math.Max(now.TotalSeconds, 1e-3);
            string line = string.Create(CultureInfo.InvariantCulture, $"prepgen: {rows:N0} rows ({rows / seconds:N0} rows/s)");
            if (total > 0)
            {
                double fraction = Math.Clamp(position / (double)total, 0, 1);
                double left = fraction > 0 ? seconds * (1 - fraction) / fraction : 0;
                line += string.Create(CultureInfo.InvariantCulture,
                    $", {fraction * 100:F0}% of {Size(total, unit)}, ETA {TimeSpan.FromSeconds(Math.Round(left)):g}");
            }

            stderr.WriteLine(line);
        }
    }

    private sealed class Bar(ProgressTask task, string unit) : IProgressSink
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public void Report(long position, long total, long rows)
        {
            double seconds = Math.Max(_clock.Elapsed.TotalSeconds, 1e-3);
            if (total > 0)
            {
                task.MaxValue = total;
                task.Value = Math.Min(position, total);
            }

            task.Description = string.Create(CultureInfo.InvariantCulture,
                $"{rows:N0} rows, {rows / seconds:N0} rows/s, {Size(position, unit)}{(total > 0 ? " of " + Size(total, unit) : "")}");
        }
    }
}
