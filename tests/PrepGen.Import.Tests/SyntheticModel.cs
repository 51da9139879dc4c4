using System.IO.Compression;
using System.Text;

namespace PrepGen.Import.Tests;

/// <summary>Small .keras zips written in Keras 3's config format, for the paths no real fixture has.</summary>
public static class SyntheticModel
{
    /// <summary>An InputLayer "text" (string, shape (None, 1)).</summary>
    public const string TextInput = """
        {"class_name": "InputLayer", "name": "text", "inbound_nodes": [], "config": {"batch_shape": [null, 1], "dtype": "string", "name": "text"}}
        """;

    /// <summary>A Functional model: the text input, then <paramref name="layer"/> (named "step", fed by "text"), then Dense.</summary>
    public static string OneLayer(string className, string config, string inputName = "text", string inputs = TextInput)
    {
        string step = $$$"""
            {"class_name": "{{{className}}}", "name": "step", "config": {{{config}}},
             "inbound_nodes": [{"args": [{"class_name": "__keras_tensor__", "config": {"shape": [null, 1], "dtype": "string", "keras_history": ["{{{inputName}}}", 0, 0]}}], "kwargs": {}}]}
            """;
        string dense = """
            {"class_name": "Dense", "name": "dense", "config": {"units": 1},
             "inbound_nodes": [{"args": [{"class_name": "__keras_tensor__", "config": {"shape": [null, 1], "dtype": "float32", "keras_history": ["step", 0, 0]}}], "kwargs": {}}]}
            """;
        return Functional([inputs, step, dense], $"[[\"{inputName}\", 0, 0]]");
    }

    public static string Functional(string[] layers, string inputLayers) => $$$"""
        {"class_name": "Functional", "config": {"name": "synthetic", "layers": [{{{string.Join(",\n", layers)}}}],
         "input_layers": {{{inputLayers}}}, "output_layers": [["dense", 0, 0]]}}
        """;

    /// <summary>Writes a .keras zip with the config, metadata and the given assets; returns its path.</summary>
    public static string Zip(string config, params (string Path, string Text)[] assets)
    {
        string path = Path.Combine(Fixtures.TempDirectory(), "synthetic.keras");
        using ZipArchive zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Add(zip, "metadata.json", """{"keras_version": "3.10.0"}""");
        Add(zip, "config.json", config);
        foreach ((string asset, string text) in assets)
        {
            Add(zip, asset, text);
        }

        return path;
    }

    private static void Add(ZipArchive zip, string name, string text)
    {
        using Stream stream = zip.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }
}
