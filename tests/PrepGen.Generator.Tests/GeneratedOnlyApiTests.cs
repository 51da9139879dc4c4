using System.ComponentModel;
using System.Reflection;
using System.Text.RegularExpressions;
using PrepGen.Tests.Shared;

namespace PrepGen.Generator.Tests;

/// <summary>
/// Runtime types that exist for generated code are hidden from IntelliSense and documented as such (as
/// System.Text.Json marks JsonMetadataServices); the numeric kernels are user API too and stay visible.
/// </summary>
public partial class GeneratedOnlyApiTests
{
    private static readonly string[] UserApi = ["DiscretizationKernel", "NormalizationKernel", "RescalingKernel"];

    [Fact]
    public void Runtime_types_the_generated_code_names_are_EditorBrowsable_Never()
    {
        string root = RepoPaths.Root;
        IEnumerable<string> emitted = Directory.EnumerateFiles(Path.Combine(root, "tests", "PrepGen.Generator.Tests", "Snapshots"), "*.txt")
            .SelectMany(f => SnapshotName().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value));
        IEnumerable<string> emitters = Directory.EnumerateFiles(Path.Combine(root, "src", "Generator"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => EmitterName().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value));
        string[] names = emitted.Concat(emitters).Distinct().Except(UserApi).Order(StringComparer.Ordinal).ToArray();

        Assert.Contains("StringTable", names);
        Assert.Contains("LookupErrors", names);
        Assembly runtime = typeof(PrepGen.Runtime.StringTable).Assembly;
        foreach (string name in names)
        {
            Type type = runtime.GetType("PrepGen.Runtime." + name) ?? throw new InvalidOperationException("no runtime type " + name);
            Assert.True(
                type.GetCustomAttribute<EditorBrowsableAttribute>()?.State == EditorBrowsableState.Never,
                name + " is named by generated code and is not user API: mark it [EditorBrowsable(EditorBrowsableState.Never)] (or list it in UserApi)");
        }

        foreach (string name in UserApi)
        {
            Assert.Null(runtime.GetType("PrepGen.Runtime." + name, throwOnError: true)!.GetCustomAttribute<EditorBrowsableAttribute>());
        }
    }

    [GeneratedRegex(@"global::PrepGen\.Runtime\.([A-Za-z0-9]+)")]
    private static partial Regex SnapshotName();

    [GeneratedRegex(@"Names\.Runtime \+ ""\.([A-Za-z0-9]+)")]
    private static partial Regex EmitterName();
}
