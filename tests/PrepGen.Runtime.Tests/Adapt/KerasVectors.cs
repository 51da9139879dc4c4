using System.IO;
using System.Text.Json;

namespace PrepGen.Runtime.Tests.Adapt;

/// <summary>Reads tests/Vectors/keras-vectors.json (copied to the output folder).</summary>
internal static class KerasVectors
{
    private static readonly Lazy<JsonElement[]> All = new(() =>
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Vectors", "keras-vectors.json");
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    });

    public static IEnumerable<JsonElement> Vectors => All.Value;

    public static JsonElement ById(string id) => All.Value.Single(v => v.GetProperty("id").GetString() == id);

    /// <summary>Vectors whose state is learned by adapt() for the lookup engines and TextVectorization.</summary>
    public static IEnumerable<JsonElement> AdaptedLookups => All.Value.Where(v =>
        v.TryGetProperty("state", out JsonElement state) && state.ValueKind == JsonValueKind.Object
        && state.TryGetProperty("adapt", out _)
        && v.GetProperty("layer").GetString() is string layer
        && (layer is "StringLookup" or "IntegerLookup" or "TextVectorization" || layer.StartsWith("IndexLookup", StringComparison.Ordinal)));

    public static string Id(this JsonElement vector) => vector.GetProperty("id").GetString()!;

    public static JsonElement? Config(this JsonElement vector, string name) =>
        vector.GetProperty("config").TryGetProperty(name, out JsonElement value) ? value : null;
}
