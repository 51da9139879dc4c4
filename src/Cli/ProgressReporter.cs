using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace PrepGen.Cli;

/// <summary>Reports rows read and the rate to stderr at most once a second, so short inputs stay quiet.</summary>
internal sealed class ProgressReporter
{
    private readonly TextWriter _error;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastReport;
    private long _rows;

    public ProgressReporter(TextWriter error) => _error = error;

    public long Rows => _rows;

    public double Seconds => _clock.Elapsed.TotalSeconds;

    public void Row()
    {
        // Reading the clock every row would cost more than the parsing; every 4096 rows is plenty.
        if ((++_rows & 4095) == 0 && _clock.ElapsedMilliseconds - _lastReport >= 1000)
        {
            _lastReport = _clock.ElapsedMilliseconds;
            _error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"prepgen: {_rows:N0} rows read ({_rows / Seconds:N0} rows/s)"));
        }
    }
}
