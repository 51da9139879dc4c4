using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace PrepGen.Import.Reading;

/// <summary>
/// One saved model opened for reading: its configuration (the JSON Keras wrote), the Keras version that
/// wrote it, its assets (vocabulary files) and its weights (HDF5). The three formats differ only in where
/// these live: a zip, a directory, or one HDF5 file whose root attribute holds the configuration.
/// </summary>
internal sealed class KerasArchive : IDisposable
{
    private readonly Dictionary<string, byte[]> assets;

    private KerasArchive(string source, ModelFormat format, JsonDocument config, string? kerasVersion, H5Weights? weights, Dictionary<string, byte[]> assets)
    {
        Source = source;
        Format = format;
        ConfigDocument = config;
        KerasVersion = kerasVersion;
        Weights = weights;
        this.assets = assets;
    }

    public string Source { get; }

    public ModelFormat Format { get; }

    public JsonDocument ConfigDocument { get; }

    /// <summary>The root object: <c>{"class_name": ..., "config": ...}</c>.</summary>
    public JsonElement Config => ConfigDocument.RootElement;

    public string? KerasVersion { get; }

    /// <summary>model.weights.h5, or the whole-model HDF5 file; null when a zip has none.</summary>
    public H5Weights? Weights { get; }

    public bool IsLegacyHdf5 => Format == ModelFormat.LegacyHdf5;

    public static KerasArchive Open(string path)
    {
        ModelFormat format = ModelFormats.Detect(path);
        return format switch
        {
            ModelFormat.KerasZip => OpenZip(path),
            ModelFormat.KerasDirectory => OpenDirectory(path),
            _ => OpenHdf5(path),
        };
    }

    /// <summary>The bytes of an asset such as <c>assets/layers/string_lookup/vocabulary.txt</c>, or null.</summary>
    public byte[]? Asset(string relativePath) => assets.TryGetValue(relativePath, out byte[]? bytes) ? bytes : null;

    public void Dispose()
    {
        Weights?.Dispose();
        ConfigDocument.Dispose();
    }

    private static KerasArchive OpenZip(string path)
    {
        using ZipArchive zip = OpenZipArchive(path);
        byte[]? config = null;
        byte[]? metadata = null;
        H5Weights? weights = null;
        var assets = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        try
        {
            foreach (ZipArchiveEntry entry in zip.Entries)
            {
                string name = entry.FullName.Replace('\\', '/');
                if (name == "config.json")
                {
                    config = ReadEntry(entry);
                }
                else if (name == "metadata.json")
                {
                    metadata = ReadEntry(entry);
                }
                else if (name == "model.weights.h5")
                {
                    // PureHDF needs a seekable stream; a zip entry is not one. A delete-on-close temporary
                    // file keeps large weights out of memory.
                    weights = H5Weights.Open(CopyToTemporary(entry), path + "!model.weights.h5");
                }
                else if (name.StartsWith("assets/", StringComparison.Ordinal) && !name.EndsWith('/'))
                {
                    assets[name] = ReadEntry(entry);
                }
            }

            if (config is null)
            {
                throw new KerasImportException($"'{path}' is a zip without config.json: not a Keras model file.");
            }

            return new KerasArchive(path, ModelFormat.KerasZip, ParseJson(config, path + "!config.json"), Version(metadata, path), weights, assets);
        }
        catch
        {
            weights?.Dispose();
            throw;
        }
    }

    private static KerasArchive OpenDirectory(string path)
    {
        var assets = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        string assetRoot = Path.Combine(path, "assets");
        if (Directory.Exists(assetRoot))
        {
            foreach (string file in Directory.EnumerateFiles(assetRoot, "*", SearchOption.AllDirectories))
            {
                assets[Path.GetRelativePath(path, file).Replace('\\', '/')] = File.ReadAllBytes(file);
            }
        }

        string metadataPath = Path.Combine(path, "metadata.json");
        byte[]? metadata = File.Exists(metadataPath) ? File.ReadAllBytes(metadataPath) : null;
        string weightsPath = Path.Combine(path, "model.weights.h5");
        H5Weights? weights = File.Exists(weightsPath) ? H5Weights.Open(File.OpenRead(weightsPath), weightsPath) : null;
        try
        {
            JsonDocument config = ParseJson(File.ReadAllBytes(Path.Combine(path, "config.json")), Path.Combine(path, "config.json"));
            return new KerasArchive(path, ModelFormat.KerasDirectory, config, Version(metadata, path), weights, assets);
        }
        catch
        {
            weights?.Dispose();
            throw;
        }
    }

    private static KerasArchive OpenHdf5(string path)
    {
        H5Weights file = H5Weights.Open(File.OpenRead(path), path);
        try
        {
            string? config = file.StringAttribute("", "model_config")
                ?? throw new KerasImportException(
                    $"'{path}' is an HDF5 file without a model_config attribute: a weights-only file (save_weights) holds no layer configuration. Save the whole model (model.save).");
            string? version = file.StringAttribute("", "keras_version");
            return new KerasArchive(path, ModelFormat.LegacyHdf5, ParseJson(Encoding.UTF8.GetBytes(config), path + " (model_config)"), version, file, new Dictionary<string, byte[]>());
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static ZipArchive OpenZipArchive(string path)
    {
        try
        {
            return ZipFile.OpenRead(path);
        }
        catch (InvalidDataException e)
        {
            throw new KerasImportException($"'{path}' starts like a zip but cannot be read as one ({e.Message}).", e);
        }
    }

    private static byte[] ReadEntry(ZipArchiveEntry entry)
    {
        using Stream stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static FileStream CopyToTemporary(ZipArchiveEntry entry)
    {
        var temp = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        try
        {
            using (Stream stream = entry.Open())
            {
                stream.CopyTo(temp);
            }

            temp.Position = 0;
            return temp;
        }
        catch
        {
            temp.Dispose();
            throw;
        }
    }

    private static JsonDocument ParseJson(byte[] bytes, string source)
    {
        try
        {
            return JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            throw new KerasImportException($"{source}: not valid JSON ({e.Message}).", e);
        }
    }

    private static string? Version(byte[]? metadata, string source)
    {
        if (metadata is null)
        {
            return null;
        }

        using JsonDocument document = ParseJson(metadata, source + "!metadata.json");
        return document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("keras_version", out JsonElement version)
            && version.ValueKind == JsonValueKind.String ? version.GetString() : null;
    }
}
