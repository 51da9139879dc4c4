namespace PrepGen.Tests.Shared;

/// <summary>Paths in the source tree (committed state files, snapshots, docs), found from the test's output folder.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootFolder = new(() =>
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "PrepGen.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException("PrepGen.sln not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The repository root, where PrepGen.sln is.</summary>
    public static string Root => RootFolder.Value;

    /// <summary>A path under the repository root.</summary>
    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);
}
