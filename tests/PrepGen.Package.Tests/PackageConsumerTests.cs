using System.Diagnostics;
using System.Threading.Tasks;
using PrepGen.Tests.Shared;

namespace PrepGen.Package.Tests;

[Collection(Packing.Name)]
public partial class PackageConsumerTests(PackedPackage package) : IClassFixture<PackedPackage>
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
        string app = package.CreateApp("app");
        File.WriteAllText(Path.Combine(app, "App.csproj"), ConsumerProject);
        File.WriteAllText(Path.Combine(app, "Program.cs"), ConsumerProgram);
        File.WriteAllText(Path.Combine(app, "letters.txt"), "a\nb\nc\nd\n");
        File.WriteAllText(Path.Combine(app, "words.txt"), "a\nb\nc\nd\n");

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

    internal static string Run(string directory, string file, params string[] arguments)
    {
        (int exitCode, string stdout, string stderr) = RunProcess(directory, file, arguments);
        Assert.True(exitCode == 0, $"{file} {string.Join(' ', arguments)} failed ({exitCode}):\n{stdout}\n{stderr}");
        return stdout;
    }

    internal static (int ExitCode, string Stdout, string Stderr) RunProcess(string directory, string file, params string[] arguments) =>
        RunProcess(directory, null, file, arguments);

    /// <summary>Runs a process with extra environment variables; throws on a non-zero exit.</summary>
    internal static string Run(string directory, IReadOnlyDictionary<string, string> environment, string file, params string[] arguments)
    {
        (int exitCode, string stdout, string stderr) = RunProcess(directory, environment, file, arguments);
        Assert.True(exitCode == 0, $"{file} {string.Join(' ', arguments)} failed ({exitCode}):\n{stdout}\n{stderr}");
        return stdout;
    }

    internal static (int ExitCode, string Stdout, string Stderr) RunProcess(string directory, IReadOnlyDictionary<string, string>? environment, string file, params string[] arguments)
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
        foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), file + " timed out");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
