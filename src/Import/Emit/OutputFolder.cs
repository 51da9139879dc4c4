using System;
using System.Collections.Generic;
using System.IO;

namespace PrepGen.Import.Emit;

/// <summary>
/// Writes an import's files so that the folder never holds half an import: every file is first written
/// to a staging folder inside the output folder, then each is moved over its target (a move within one
/// file system replaces the file atomically). State files of an earlier import of the same type that the
/// new one no longer needs are removed last.
/// </summary>
internal static class OutputFolder
{
    public static List<string> WriteAll(string outputDirectory, string typeName, IReadOnlyList<(string RelativePath, byte[] Contents)> files)
    {
        string root = Path.GetFullPath(outputDirectory);
        Directory.CreateDirectory(root);
        string staging = Path.Combine(root, ".prepgen-import-" + Guid.NewGuid().ToString("N"));
        var targets = new List<string>();
        try
        {
            foreach ((string relative, byte[] contents) in files)
            {
                string staged = Path.Combine(staging, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
                using (var stream = new FileStream(staged, FileMode.CreateNew, FileAccess.Write))
                {
                    stream.Write(contents);
                    stream.Flush(flushToDisk: true);
                }

                targets.Add(Path.Combine(root, relative));
            }

            for (int i = 0; i < files.Count; i++)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(targets[i])!);
                File.Move(Path.Combine(staging, files[i].RelativePath), targets[i], overwrite: true);
            }
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }

        RemoveStale(Path.Combine(root, typeName), targets);
        return targets;
    }

    private static void RemoveStale(string stateFolder, List<string> keep)
    {
        if (!Directory.Exists(stateFolder))
        {
            return;
        }

        var kept = new HashSet<string>(keep, StringComparer.Ordinal);
        foreach (string file in Directory.EnumerateFiles(stateFolder, "*", SearchOption.AllDirectories))
        {
            if (!kept.Contains(file))
            {
                File.Delete(file);
            }
        }
    }
}
