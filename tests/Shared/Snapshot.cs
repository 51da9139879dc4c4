namespace PrepGen.Tests.Shared;

/// <summary>
/// Committed expected output ("snapshots", reviewed by a person so a change shows up in the diff): text is
/// compared with '\n' line ends. Run the tests with PREPGEN_UPDATE_SNAPSHOTS=1 to rewrite the files from the
/// actual output first; the test still compares, so it passes only when the rewrite took.
/// </summary>
internal static class Snapshot
{
    public static bool Updating => Environment.GetEnvironmentVariable("PREPGEN_UPDATE_SNAPSHOTS") == "1";

    /// <summary>The committed text; fails when the file is missing.</summary>
    public static string Read(string path)
    {
        Assert.True(File.Exists(path), "missing snapshot " + path + " (run with PREPGEN_UPDATE_SNAPSHOTS=1)");
        return File.ReadAllText(path).ReplaceLineEndings("\n");
    }
}
