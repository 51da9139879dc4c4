using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using PrepGen.Import;

namespace PrepGen.Build.Keras;

/// <summary>
/// MSBuild task (build/PrepGen.targets, target <c>PrepGenImportKerasModels</c>): imports each
/// <c>PrepGenKerasModel</c> item with <see cref="KerasImporter"/>, the library behind <c>prepgen import</c>,
/// into its own folder under the intermediate directory.
/// </summary>
/// <remarks>
/// Each model's folder ends up holding exactly what the import wrote (<c>NAME.cs</c>, <c>NAME/...</c>) plus
/// two lists, <see cref="SourceListName"/> and <see cref="StateListName"/>, with the written files' paths
/// relative to the folder; the targets read them on every build, also when this task was skipped as up to
/// date. The lists are deleted before an import and written only after it succeeded, so a failed or
/// interrupted import leaves the target out of date and the next build imports again.
/// </remarks>
public sealed class ImportKerasModels : Microsoft.Build.Utilities.Task
{
    /// <summary>The list of C# files an import wrote, relative to its folder (one per line).</summary>
    public const string SourceListName = "prepgen-sources.txt";

    /// <summary>The list of state files (AdditionalFiles) an import wrote, relative to its folder.</summary>
    public const string StateListName = "prepgen-state.txt";

    /// <summary>
    /// The models (full paths). Metadata: <c>ItemSpec</c> (the path as the project wrote it, for messages), <c>OutputDirectory</c> (required, the model's own folder), <c>Namespace</c>,
    /// <c>TypeName</c>, <c>Samples</c> (a keras-samples.jsonl file: also writes <c>NAME.Samples.cs</c>).
    /// </summary>
    [Required]
    public ITaskItem[] Models { get; set; } = [];

    /// <summary>The C# files written.</summary>
    [Output]
    public ITaskItem[] SourceFiles { get; set; } = [];

    /// <summary>The state files written (AdditionalFiles).</summary>
    [Output]
    public ITaskItem[] StateFiles { get; set; } = [];

    /// <inheritdoc/>
    public override bool Execute()
    {
        var sources = new List<ITaskItem>();
        var state = new List<ITaskItem>();
        var folders = Models
            .GroupBy(m => Path.GetFullPath(m.GetMetadata("OutputDirectory")), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
        foreach (ITaskItem model in Models)
        {
            string modelPath = model.GetMetadata("FullPath");
            string folder = Path.GetFullPath(model.GetMetadata("OutputDirectory"));
            DeleteLists(folder);
            List<ITaskItem> sharing = folders[folder];
            if (sharing.Count > 1)
            {
                Log.LogError(null, "PG0403", null, modelPath, 0, 0, 0, 0,
                    "PrepGen: PrepGenKerasModel items {0} import into the same folder '{1}' and would overwrite each other. Give each a distinct TypeName.",
                    string.Join(" and ", sharing.Select(m => "'" + Shown(m) + "'")), folder);
                continue;
            }

            ImportOne(model, modelPath, folder, sources, state);
        }

        SourceFiles = sources.ToArray();
        StateFiles = state.ToArray();
        return !Log.HasLoggedErrors;
    }

    private void ImportOne(ITaskItem model, string modelPath, string folder, List<ITaskItem> sources, List<ITaskItem> state)
    {
        string? ns = Optional(model, "Namespace");
        string? typeName = Optional(model, "TypeName");
        string? samples = Optional(model, "Samples") is { } s ? Path.GetFullPath(s) : null;
        KerasImportResult result;
        try
        {
            result = KerasImporter.Import(new KerasImportOptions
            {
                ModelPath = modelPath,
                OutputDirectory = folder,
                Namespace = ns,
                TypeName = typeName,
                SamplesPath = samples,
            });
        }
        catch (Exception ex) when (ex is KerasImportException or IOException or InvalidDataException or UnauthorizedAccessException or JsonException
            or ArgumentException or InvalidOperationException)
        {
            Log.LogError(null, "PG0402", null, modelPath, 0, 0, 0, 0, "PrepGen: cannot import the Keras model '{0}': {1}", Shown(model), BuildTerms(ex.Message));
            return;
        }

        // The folder is this model's alone: drop what an earlier import wrote and this one did not
        // (a NAME.Samples.cs after Samples was removed, state of layers the model no longer has).
        var written = new HashSet<string>(result.SourceFiles.Concat(result.StateFiles), StringComparer.Ordinal);
        foreach (string file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            if (!written.Contains(file))
            {
                File.Delete(file);
            }
        }

        WriteList(folder, SourceListName, result.SourceFiles);
        WriteList(folder, StateListName, result.StateFiles);
        sources.AddRange(result.SourceFiles.Select(f => new TaskItem(f)));
        state.AddRange(result.StateFiles.Select(f => new TaskItem(f)));
        string element = result.IntegerOutput ? "integers" : "floats";
        Log.LogMessage(MessageImportance.High, "PrepGen: imported Keras model {0} -> {1}.{2} ({3} {4} per row) in {5}",
            Shown(model), result.Namespace, result.TypeName, result.EncodedWidth.ToString(CultureInfo.InvariantCulture), element, folder);
    }

    private static string Shown(ITaskItem model) => Optional(model, "ItemSpec") ?? model.ItemSpec;

    private static string? Optional(ITaskItem item, string name) => item.GetMetadata(name) is { Length: > 0 } value ? value : null;

    // The importer's messages name the CLI's options; at build time they are the item's metadata.
    private static string BuildTerms(string message) =>
        message.StartsWith("--type ", StringComparison.Ordinal) ? "TypeName " + message["--type ".Length..]
        : message.StartsWith("--namespace ", StringComparison.Ordinal) ? "Namespace " + message["--namespace ".Length..]
        : message;

    private static void DeleteLists(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        File.Delete(Path.Combine(folder, StateListName));
        File.Delete(Path.Combine(folder, SourceListName));
    }

    private static void WriteList(string folder, string name, IReadOnlyList<string> files)
    {
        var text = new StringBuilder();
        foreach (string file in files)
        {
            text.Append(Path.GetRelativePath(folder, file).Replace('\\', '/')).Append('\n');
        }

        File.WriteAllText(Path.Combine(folder, name), text.ToString(), new UTF8Encoding(false));
    }
}
