using System.Diagnostics;
using System.IO.Compression;
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
        using System.Globalization;
        using System.Linq;
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
        var thumb = new float[1];
        Thumb.Run(new float[] { 1, 2, 3, 4 }, 1, thumb);
        Console.WriteLine(thumb[0].ToString(CultureInfo.InvariantCulture) + " cuda loaded: "
            + AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == "PrepGen.Cuda"));

        [ImagePipeline(Height = 2, Width = 2, Channels = 1)]
        [Resizing(1, 1)]
        static partial class Thumb { }

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
        Assert.Equal("1 3 4 4 0 2", lines[^4]);

        // keras-vectors.json hashing-farmhash-ABCDE-3: Hashing(num_bins=3) on A..E -> [1, 0, 1, 1, 2].
        Assert.Equal("1 0 1 1 2", lines[^3]);

        // The same guide example through a mapped table: the package's build step wrote words.txt.pgtable
        // and copied it beside the application.
        Assert.Equal("1 3 4 4 0 2", lines[^2]);

        // An image pipeline runs from the package's PrepGen.Imaging (bilinear 2x2 -> 1x1: the mean), and the
        // CUDA assembly it ships is not loaded by the CPU path.
        Assert.Equal("2.5 cuda loaded: False", lines[^1]);
        Assert.True(File.Exists(Path.Combine(app, "bin", "Release", "net10.0", "words.txt.pgtable")));
    }

    [Fact]
    public void The_package_carries_every_runtime_assembly_with_its_documentation()
    {
        using ZipArchive nupkg = ZipFile.OpenRead(Path.Combine(package.Feed, "PrepGen.0.1.0.nupkg"));
        string[] lib = nupkg.Entries.Select(e => e.FullName).Where(n => n.StartsWith("lib/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        string[] expected = ["Adapters", "Attributes", "Cuda", "Imaging", "Runtime"];
        Assert.Equal(expected.SelectMany(a => new[] { $"lib/net10.0/PrepGen.{a}.dll", $"lib/net10.0/PrepGen.{a}.xml" }), lib);
        Assert.Contains(nupkg.Entries, e => e.FullName == "analyzers/dotnet/cs/PrepGen.Generator.dll");
        Assert.Contains(nupkg.Entries, e => e.FullName == "tasks/net10.0/PrepGen.Adapters.dll");
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
