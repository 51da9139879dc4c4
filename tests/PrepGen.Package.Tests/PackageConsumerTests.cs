using System.Diagnostics;
using System.Threading.Tasks;

namespace PrepGen.Package.Tests;

public class PackageConsumerTests
{
    private const string ConsumerProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <WarningsAsErrors>$(WarningsAsErrors);CS9057;CS8032</WarningsAsErrors>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="PrepGen" Version="0.1.0" />
            <AdditionalFiles Include="letters.txt" />
            <AdditionalFiles Include="words.txt" PrepGenTable="mapped" />
          </ItemGroup>
        </Project>
        """;

    private const string ConsumerProgram = """
        using System;
        using PrepGen;

        foreach (string v in new[] { "a", "c", "d", "d", "z", "b" })
        {
            Console.Write(Layers.Letter(v) + " ");
        }

        Console.WriteLine();
        foreach (string v in new[] { "A", "B", "C", "D", "E" })
        {
            Console.Write(Layers.Bin(v) + " ");
        }

        Console.WriteLine();
        foreach (string v in new[] { "a", "c", "d", "d", "z", "b" })
        {
            Console.Write(Layers.MappedLetter(v) + " ");
        }

        Console.WriteLine();

        static partial class Layers
        {
            [StringLookup(VocabularyFile = "letters.txt")]
            public static partial long Letter(string value);

            [StringLookup(VocabularyFile = "words.txt")] // the same vocabulary, as a mapped table
            public static partial long MappedLetter(string value);

            [Hashing(NumBins = 3)]
            public static partial long Bin(ReadOnlySpan<char> value);
        }
        """;

    [Fact]
    public void The_packed_package_works_from_a_local_feed()
    {
        string root = Path.Combine(Path.GetTempPath(), "prepgen-pack-" + Guid.NewGuid().ToString("N"));
        string feed = Path.Combine(root, "feed");
        string app = Path.Combine(root, "app");
        Directory.CreateDirectory(app);
        try
        {
            string repo = RepoRoot();
            Run(repo, "dotnet", "pack", Path.Combine(repo, "src", "Runtime", "PrepGen.Runtime.csproj"), "-c", "Release", "-o", feed);
            Assert.True(File.Exists(Path.Combine(feed, "PrepGen.0.1.0.nupkg")));

            File.WriteAllText(Path.Combine(app, "App.csproj"), ConsumerProject);
            File.WriteAllText(Path.Combine(app, "Program.cs"), ConsumerProgram);
            File.WriteAllText(Path.Combine(app, "letters.txt"), "a\nb\nc\nd\n");
            File.WriteAllText(Path.Combine(app, "words.txt"), "a\nb\nc\nd\n");

            // Only the local feed, and a private package folder so a stale cached PrepGen is never used.
            File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
                <configuration>
                  <packageSources><clear /><add key="local" value="{feed}" /></packageSources>
                  <config><add key="globalPackagesFolder" value="{Path.Combine(root, "packages")}" /></config>
                </configuration>
                """);

            string output = Run(app, "dotnet", "run", "-c", "Release");
            string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

            // The guide: StringLookup(vocabulary=["a","b","c","d"]) on [["a","c","d"],["d","z","b"]] -> [[1 3 4] [4 0 2]].
            Assert.Equal("1 3 4 4 0 2", lines[^3]);

            // keras-vectors.json hashing-farmhash-ABCDE-3: Hashing(num_bins=3) on A..E -> [1, 0, 1, 1, 2].
            Assert.Equal("1 0 1 1 2", lines[^2]);

            // The same guide example through a mapped table: the package's build step wrote words.txt.pgtable
            // and copied it beside the application.
            Assert.Equal("1 3 4 4 0 2", lines[^1]);
            Assert.True(File.Exists(Path.Combine(app, "bin", "Release", "net10.0", "words.txt.pgtable")));
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // A build server may still hold a file; the temp folder is cleaned by the OS.
            }
        }
    }

    private static string Run(string directory, string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), file + " timed out");
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
        return stdout.Result;
    }

    private static string RepoRoot()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "PrepGen.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException("PrepGen.sln not found");
    }
}
