using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using PrepGen.Runtime;

namespace PrepGen.Build;

/// <summary>
/// MSBuild task (build/PrepGen.targets): for each vocabulary marked <c>PrepGenTable="mapped"</c>, writes
/// its memory-mapped table file (<see cref="TableFile"/>) into <see cref="OutputDirectory"/>.
/// </summary>
public sealed class BuildLookupTables : Microsoft.Build.Utilities.Task, ICancelableTask
{
    private readonly System.Threading.CancellationTokenSource _cancel = new();

    /// <summary>The vocabulary files.</summary>
    [Required]
    public ITaskItem[] Vocabularies { get; set; } = [];

    /// <summary>Where the table files go (the intermediate directory).</summary>
    [Required]
    public string OutputDirectory { get; set; } = "";

    /// <summary>The table files written, one per vocabulary.</summary>
    [Output]
    public ITaskItem[] Tables { get; set; } = [];

    /// <inheritdoc/>
    public void Cancel() => _cancel.Cancel();

    /// <inheritdoc/>
    public override bool Execute()
    {
        var tables = new List<ITaskItem>();
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (ITaskItem vocabulary in Vocabularies)
        {
            string path = vocabulary.GetMetadata("FullPath");
            string name = TableFile.FileNameFor(Path.GetFileName(path));
            if (names.TryGetValue(name, out string? other))
            {
                Log.LogError(null, "PG0400", null, path, 0, 0, 0, 0,
                    "PrepGen: mapped vocabularies '{0}' and '{1}' have the same file name; their tables would overwrite each other in the output directory. Rename one.", other, path);
                continue;
            }

            names.Add(name, path);
            string table = Path.Combine(OutputDirectory, name);
            var watch = Stopwatch.StartNew();
            try
            {
                int count = MappedTableWriter.Write(path, table, m => Log.LogMessage(MessageImportance.Normal, "PrepGen: {0}: {1}", Path.GetFileName(path), m), _cancel.Token);
                Log.LogMessage(MessageImportance.High, "PrepGen: {0} -> {1} ({2} tokens, {3} s)", Path.GetFileName(path), table, count, watch.Elapsed.TotalSeconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture));
                tables.Add(new TaskItem(table));
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or InvalidOperationException or PrepGen.Generator.Tables.TableLimitException)
            {
                Log.LogError(null, "PG0401", null, path, 0, 0, 0, 0, "PrepGen: cannot build the lookup table of '{0}': {1}", path, ex.Message);
            }
        }

        Tables = tables.ToArray();
        return !Log.HasLoggedErrors;
    }
}
