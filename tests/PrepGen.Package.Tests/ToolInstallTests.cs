using System.IO.Compression;
using System.Xml.Linq;
using PrepGen.Tests.Shared;

namespace PrepGen.Package.Tests;

/// <summary>
/// The prepgen tool as a user installs it: packed into a local folder feed, installed into a private tool
/// path and as a local tool (manifest), then run: --help, an adapt and an import.
/// </summary>
[Collection(Packing.Name)]
public sealed class ToolInstallTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "prepgen-tool-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void The_packed_tool_installs_globally_and_locally_and_runs()
    {
        string repo = RepoPaths.Root;
        string feed = Path.Combine(_root, "feed");
        string pack = PackageConsumerTests.Run(repo, "dotnet", "pack", Path.Combine(repo, "src", "Cli", "PrepGen.Cli.csproj"), "-c", "Release", "-o", feed);
        Assert.DoesNotContain("warning", pack, StringComparison.OrdinalIgnoreCase);
        string package = Path.Combine(feed, "PrepGen.Cli.0.1.0.nupkg");
        Assert.True(File.Exists(package));
        AssertMetadata(package, PackageConsumerTests.Run(repo, "git", "rev-parse", "HEAD").Trim());

        string work = Path.Combine(_root, "work");
        Directory.CreateDirectory(work);
        File.WriteAllText(Path.Combine(work, "nuget.config"), $"""
            <configuration>
              <packageSources><clear /><add key="local" value="{feed}" /></packageSources>
              <config><add key="globalPackagesFolder" value="{Path.Combine(_root, "packages")}" /></config>
            </configuration>
            """);

        // As `dotnet tool install -g`, into a private folder instead of ~/.dotnet/tools.
        string tools = Path.Combine(_root, "tools");
        PackageConsumerTests.Run(work, "dotnet", "tool", "install", "PrepGen.Cli", "--tool-path", tools);
        string prepgen = Path.Combine(tools, OperatingSystem.IsWindows() ? "prepgen.exe" : "prepgen");
        Assert.Contains("import", PackageConsumerTests.Run(work, prepgen, "--help"), StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(work, "cities.csv"), "city,rooms\nparis,3\nrome,2\nparis,1\n");
        PackageConsumerTests.Run(work, prepgen, "adapt", "--input", "cities.csv", "--column", "city", "--layer", "string-lookup", "--out", "city.txt");
        Assert.Equal("paris\nrome\n", File.ReadAllText(Path.Combine(work, "city.txt")));

        string model = Path.Combine(repo, "tests", "PrepGen.Import.Tests", "Fixtures", "models", "pets-functional-keras3.0.5.keras");
        string imported = PackageConsumerTests.Run(work, prepgen, "import", model, "--out", "keras", "--namespace", "Shop", "--type", "Pets");
        Assert.Contains("Imported Shop.Pets: one row encodes to 48 floats", imported, StringComparison.Ordinal);

        // As a local tool: a manifest in the repository. The SDK caches where it resolved a local tool
        // (~/.dotnet/toolResolverCache) across runs; a private CLI home keeps an earlier run's folder out.
        var home = new Dictionary<string, string> { ["DOTNET_CLI_HOME"] = Path.Combine(_root, "home") };
        PackageConsumerTests.Run(work, home, "dotnet", "new", "tool-manifest");
        PackageConsumerTests.Run(work, home, "dotnet", "tool", "install", "PrepGen.Cli");
        Assert.Contains("Usage:", PackageConsumerTests.Run(work, home, "dotnet", "tool", "run", "prepgen", "--", "--help"), StringComparison.Ordinal);
    }

    // What nuget.org shows and `dotnet pack` would warn about without it: readme, license, description, tags, sources.
    private static void AssertMetadata(string package, string commit)
    {
        using ZipArchive zip = ZipFile.OpenRead(package);
        Assert.NotNull(zip.GetEntry("README.md"));
        using Stream nuspec = zip.GetEntry("PrepGen.Cli.nuspec")!.Open();
        XElement metadata = XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Value(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;
        XElement Element(string name) => metadata.Elements().Single(e => e.Name.LocalName == name);

        Assert.Equal("MIT", Value("license"));
        Assert.Equal("expression", Element("license").Attribute("type")?.Value);
        Assert.Equal("README.md", Value("readme"));
        Assert.Contains("Keras", Value("description"), StringComparison.Ordinal);
        Assert.Contains("dotnet-tool", Value("tags"), StringComparison.Ordinal);
        XElement repository = Element("repository");
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.Equal(commit, repository.Attribute("commit")?.Value);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans the temp folder.
        }
    }
}
