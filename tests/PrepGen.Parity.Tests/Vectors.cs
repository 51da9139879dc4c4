using System.IO;
using System.Text.Json;

namespace PrepGen.Parity.Tests;

/// <summary>tests/Vectors/keras-vectors.json, copied to the output folder by the project file.</summary>
internal static class Vectors
{
    private static readonly Lazy<JsonElement> _all = new(() =>
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Vectors", "keras-vectors.json");
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        return doc.RootElement.Clone();
    });

    /// <summary>Every vector of the file.</summary>
    public static IEnumerable<JsonElement> All => _all.Value.EnumerateArray();

    /// <summary>The vector with this id (exactly one must exist).</summary>
    public static JsonElement Get(string id) => All.Single(v => v.GetProperty("id").GetString() == id);

    /// <summary>The id of a vector.</summary>
    public static string Id(JsonElement vector) => vector.GetProperty("id").GetString()!;

    /// <summary>The layer a vector belongs to.</summary>
    public static string Layer(JsonElement vector) => vector.GetProperty("layer").GetString()!;
}
