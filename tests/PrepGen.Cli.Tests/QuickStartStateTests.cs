using System.IO;
using PrepGen.Tests.Shared;

namespace PrepGen.Cli.Tests;

/// <summary>The quick start's committed state files are exactly what samples/QuickStart/adapt.sh produces.</summary>
public sealed class QuickStartStateTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Adapt_sh_reproduces_the_committed_state_files()
    {
        string sample = Path.Combine(RepoPaths.Root, "samples", "QuickStart");
        string data = Path.Combine(sample, "data", "listings.csv");
        string[][] commands =
        [
            ["-c", "city", "-l", "string-lookup", "-o", _cli.PathOf("city.txt")],
            ["-c", "rooms", "-l", "integer-lookup", "-o", _cli.PathOf("rooms.txt")],
            ["-c", "description", "-l", "text-vectorization", "--max-tokens", "24", "-o", _cli.PathOf("description.txt")],
            ["-c", "price", "-l", "normalization", "-o", _cli.PathOf("stats.json")],
            ["-c", "area", "-l", "discretization", "--num-bins", "4", "-o", _cli.PathOf("stats.json")],
        ];
        foreach (string[] command in commands)
        {
            Assert.Equal(0, _cli.Run(["adapt", "-i", data, .. command]));
        }

        foreach (string file in new[] { "city.txt", "rooms.txt", "description.txt", "stats.json" })
        {
            Assert.Equal(File.ReadAllText(Path.Combine(sample, "state", file)), File.ReadAllText(_cli.PathOf(file)));
        }
    }
}
