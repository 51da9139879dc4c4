using PrepGen.Tests.Shared;

namespace PrepGen.Package.Tests;

/// <summary>
/// Packs the PrepGen package once (Release) into a local folder feed that the consumer projects of one test
/// class use, each with a nuget.config that lists only that feed and a private package folder, so a stale
/// cached PrepGen is never used.
/// </summary>
public sealed class PackedPackage : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "prepgen-pack-" + Guid.NewGuid().ToString("N"));

    public PackedPackage()
    {
        string feed = Path.Combine(_root, "feed");
        string repo = RepoPaths.Root;
        PackageConsumerTests.Run(repo, "dotnet", "pack", Path.Combine(repo, "src", "Package", "PrepGen.Package.csproj"), "-c", "Release", "-o", feed);
        Assert.True(File.Exists(Path.Combine(feed, "PrepGen.0.1.0.nupkg")));
        Feed = feed;
    }

    /// <summary>The folder holding PrepGen.0.1.0.nupkg.</summary>
    public string Feed { get; }

    /// <summary>Creates an empty consumer folder with a nuget.config that restores PrepGen from <see cref="Feed"/>.</summary>
    public string CreateApp(string name)
    {
        string app = Path.Combine(_root, name);
        Directory.CreateDirectory(app);
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <configuration>
              <packageSources><clear /><add key="local" value="{Feed}" /></packageSources>
              <config><add key="globalPackagesFolder" value="{Path.Combine(_root, "packages")}" /></config>
            </configuration>
            """);
        return app;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temp folder is cleaned by the OS.
        }
    }
}
