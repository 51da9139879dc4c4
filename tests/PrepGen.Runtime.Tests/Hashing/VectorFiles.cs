using System.IO;
using System.Text.Json;

namespace PrepGen.Runtime.Tests.Hashing;

/// <summary>Loads the golden-vector JSON files once per test run.</summary>
internal static class VectorFiles
{
    private static readonly Lazy<JsonElement> _keras = new(() => Load("keras-vectors.json"));
    private static readonly Lazy<JsonElement> _farmHashLong = new(() => Load("farmhash-long.json"));

    /// <summary>The array of Keras/TF vectors (copied to the output folder by the test project).</summary>
    public static JsonElement Keras => _keras.Value;

    /// <summary>The reference values for long inputs computed with the C/C++ reference implementations.</summary>
    public static JsonElement FarmHashLong => _farmHashLong.Value;

    public static IEnumerable<JsonElement> KerasVectorsOf(string layer) =>
        Keras.EnumerateArray().Where(v => v.GetProperty("layer").GetString() == layer);

    public static JsonElement KerasVector(string id) =>
        Keras.EnumerateArray().Single(v => v.GetProperty("id").GetString() == id);

    private static JsonElement Load(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Find(name)));
        return doc.RootElement.Clone();
    }

    // The output folder first; otherwise tests/Vectors found by walking up from it (the project file only
    // copies keras-vectors.json).
    private static string Find(string name)
    {
        string copied = Path.Combine(AppContext.BaseDirectory, "Vectors", name);
        if (File.Exists(copied))
        {
            return copied;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "Vectors", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"Vector file {name} not found next to or above {AppContext.BaseDirectory}.");
    }
}
