using System;
using System.CommandLine;
using System.IO;
using PrepGen.Cli.Inspect;

namespace PrepGen.Cli;

/// <summary>The <c>prepgen</c> command line: <c>adapt</c>, <c>merge</c>, <c>inspect</c> and <c>import</c>.</summary>
public static class PrepGenCli
{
    /// <summary>Parses and runs one command line, writing to the given streams; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        var adaptOptions = new AdaptOptions();
        Command adapt = adaptOptions.CreateCommand();
        adapt.SetAction(parse => Guard(stderr, () =>
        {
            AdaptRunner.Run(parse, adaptOptions, stdout, stderr);
            return 0;
        }));

        var path = new Argument<FileInfo>("path")
        {
            Description = "A vocabulary file, an idf weights file, a stats.json file or a mapped table (.pgtable); the kind is recognised from the content.",
        };
        var html = new Option<FileInfo?>("--html")
        {
            HelpName = "report.html",
            Description = "Also write a self-contained HTML page (inline SVG charts, no network): a vocabulary's token length by rank and "
                + "length histogram, an idf file's weight histogram, each stats.json key's mean ± std per feature or bin boundaries.",
        };
        var inspect = new Command("inspect",
            "Show what a state file holds and warn about problems: a vocabulary's size, head and tail with ids, token lengths and suspicious lines "
            + "(duplicates, empty, whitespace at the ends, control characters, very long); idf weights; stats.json means, variances, counts and bin "
            + "boundaries per key; a .pgtable header and checksums. Exit 0 when usable, 1 when the generator would reject it.") { path, html };
        inspect.SetAction(parse => Guard(stderr, () => InspectRunner.Run(parse.GetValue(path)!, parse.GetValue(html), stdout)));

        Command import = ImportCommand.Create(stdout, stderr);
        Command merge = Partial.MergeCommand.Create(stdout, stderr);

        var root = new RootCommand("PrepGen: import saved Keras models and compute Keras preprocessing state (vocabularies, statistics) from files; "
            + "adapt --partial on shards (on any engine) and merge gives what one adapt over all of them gives.") { adapt, merge, inspect, import };
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    // User errors become one line on stderr and exit code 1; the adapters write state files atomically,
    // so an error never leaves a half-written file behind.
    internal static int Guard(TextWriter stderr, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is CliException or PrepGen.Import.KerasImportException or ArgumentException or InvalidOperationException or InvalidDataException
            or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"prepgen: error: {e.Message}");
            return 1;
        }
    }
}
