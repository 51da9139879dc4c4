using System;
using System.CommandLine;
using System.IO;

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

        var path = new Argument<FileInfo>("path") { Description = "A vocabulary file, an idf weights file, a stats.json file or a mapped table (.pgtable)." };
        var inspect = new Command("inspect", "Summarize a vocabulary file, idf weights file or stats.json and warn about problems.") { path };
        inspect.SetAction(parse => Guard(stderr, () => InspectRunner.Run(parse.GetValue(path)!, stdout)));

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
