using PrepGen.Tests.Shared;

namespace PrepGen.Parity.Tests;

/// <summary>The committed state files of this project (tests/PrepGen.Parity.Tests/state), read from the source tree.</summary>
internal static class StateFiles
{
    public static string Path(string name) =>
        System.IO.Path.Combine(RepoPaths.Root, "tests", "PrepGen.Parity.Tests", "state", name);

    /// <summary>A Keras vocabulary file's tokens: split on \n, one trailing \r dropped, final newline optional.</summary>
    public static string[] ReadVocabulary(string name)
    {
        string text = File.ReadAllText(Path(name), new System.Text.UTF8Encoding(false));
        List<string> lines = text.Split('\n').Select(l => l.EndsWith('\r') ? l[..^1] : l).ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines.ToArray();
    }
}
