using System.Diagnostics;
using System.Threading.Tasks;

namespace PrepGen.Cli.Tests;

/// <summary>
/// Runs <c>prepgen</c> as child processes (<c>dotnet prepgen.dll</c>, as HardeningTests does), several at once: the
/// shards of a distributed adapt share nothing but their files.
/// </summary>
internal static class CliProcess
{
    private static readonly string Cli = typeof(PrepGenCli).Assembly.Location;

    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result[] RunAll(IEnumerable<string[]> commands)
    {
        var running = commands.Select(args =>
        {
            var process = Process.Start(new ProcessStartInfo("dotnet", [Cli, .. args])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;

            // Read both pipes while the child runs, so a full pipe never blocks it.
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            return (process, stdout, stderr);
        }).ToList();

        var results = new Result[running.Count];
        for (int i = 0; i < running.Count; i++)
        {
            (Process process, Task<string> stdout, Task<string> stderr) = running[i];
            using (process)
            {
                process.WaitForExit();
                results[i] = new Result(process.ExitCode, stdout.Result, stderr.Result);
            }
        }

        return results;
    }
}
