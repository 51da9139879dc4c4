using System.CommandLine;
using System.IO;
using System.Linq;

namespace PrepGen.Cli.Partial;

/// <summary><c>prepgen merge --out OUT [--idf-out IDF] [--stats-key K] A.pgpartial B.pgpartial ...</c>.</summary>
internal static class MergeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var partials = new Argument<FileInfo[]>("partials")
        {
            Description = "The .pgpartial files of `prepgen adapt --partial`, in shard order (the order of the concatenated input).",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<FileInfo>("--out", "-o") { Description = "The vocabulary file or stats.json to write.", Required = true };
        var idfOut = new Option<FileInfo?>("--idf-out") { Description = "The idf weights file (required when the partials are of --output-mode tf-idf)." };
        var statsKey = new Option<string?>("--stats-key")
        {
            Description = "The key in stats.json (default: the key the partials were adapted with: --stats-key or the column name).",
        };
        var command = new Command("merge", "Merge the partial states of shards (`prepgen adapt ... --partial SHARD.pgpartial`) into the state files "
            + "one `prepgen adapt` over the concatenated shards writes: byte-identical vocabulary and idf files; normalization within "
            + "1e-12 (relative) of the single pass; discretization as Keras merges batch summaries (shards end batches). "
            + "Partials of another layer or other options are refused.")
        {
            partials, output, idfOut, statsKey,
        };
        command.SetAction(parse => PrepGenCli.Guard(stderr, () =>
        {
            new MergeRunner(stdout).Run(
                [.. parse.GetValue(partials)!.Select(f => f.FullName)],
                parse.GetValue(output)!.FullName,
                parse.GetValue(idfOut)?.FullName,
                parse.GetValue(statsKey));
            return 0;
        }));
        return command;
    }
}
