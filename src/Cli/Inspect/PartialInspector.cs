using System;
using System.IO;
using System.Linq;
using PrepGen.Cli.Inspect.Html;
using PrepGen.Cli.Partial;

namespace PrepGen.Cli.Inspect;

/// <summary>A shard's mergeable state (<c>.pgpartial</c>, written by <c>prepgen adapt --partial</c>): what it was made from and what it holds.</summary>
internal sealed class PartialInspector : IFileInspector
{
    public bool Recognises(InspectedFile file) => file.Bytes.AsSpan().StartsWith("PGPARTL"u8);

    public int Inspect(InspectedFile file, TextWriter stdout, HtmlReport? report)
    {
        PartialHeader header;
        try
        {
            header = PartialFile.ReadHeader(file.Path);
        }
        catch (InvalidDataException ex)
        {
            stdout.WriteLine("a partial state file that cannot be merged");
            stdout.WriteLine("  error: " + ex.Message);
            return 1;
        }

        stdout.WriteLine($"partial state (format {header.Version}) of {header.Layer}, {Show.Count(header.Rows)} rows from {Path.GetFileName(header.Input)}");
        stdout.WriteLine($"  state: {header.StateKind}, " + string.Join(", ", header.StateSize.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Key + " " + Show.Count(s.Value))));
        stdout.WriteLine("  options: " + string.Join(", ", header.Options.Select(o => o.Key + "=" + (o.Value ?? "(not set)"))));
        if (header.Columns.Count > 0)
        {
            stdout.WriteLine("  columns: " + string.Join(", ", header.Columns));
        }

        stdout.WriteLine("  stats key: " + (header.StatsKey ?? "(none: merge needs --stats-key for a stats.json)"));
        stdout.WriteLine("  merge with partials of the same layer and options: prepgen merge --out OUT A.pgpartial B.pgpartial ...");
        return 0;
    }
}
