using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PrepGen.Adapt;
using PrepGen.Schema;

namespace PrepGen.Import.Planning;

/// <summary>
/// Collects the state files of one import in memory (vocabularies, idf weights, one stats.json), rendered by
/// the adapters' writers (docs/state-files.md), so that nothing is written until the whole model has been
/// translated: a refused layer leaves the output folder untouched.
/// </summary>
internal sealed class StateSink
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly string folder;
    private readonly List<StateFilePlan> files = [];
    private readonly HashSet<string> fileNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly JsonObject stats = [];

    /// <param name="folder">The subfolder of the output folder that holds this record's state (the type name).</param>
    public StateSink(string folder)
    {
        this.folder = folder;
    }

    /// <summary>The attribute path of the stats file (a path suffix the generator matches).</summary>
    public string StatsPath => folder + "/stats.json";

    /// <summary>Adds a vocabulary file of real tokens (special tokens already stripped); returns its attribute path.</summary>
    public string Vocabulary(string stem, IReadOnlyList<string> tokens, string origin)
    {
        PendingFile file;
        try
        {
            file = StateFiles.Vocabulary(stem, tokens);
        }
        catch (InvalidOperationException e)
        {
            throw new KerasImportException($"{origin}: vocabulary {e.Message}", e);
        }

        return Add(stem + ".vocab.txt", Render(file));
    }

    /// <summary>Adds an idf weights file (one float32 per real token, shortest round-trip form); returns its attribute path.</summary>
    public string IdfWeights(string stem, IReadOnlyList<double> weights) => Add(stem + ".idf.txt", Render(StateFiles.IdfWeights(stem, weights)));

    /// <summary>Adds a stats.json entry; returns its key.</summary>
    public string Stats(string key, JsonObject entry)
    {
        stats[key] = entry;
        return key;
    }

    public static JsonArray Numbers(IEnumerable<double> values, string origin, string what)
    {
        var array = new JsonArray();
        foreach (double value in values)
        {
            if (!double.IsFinite(value))
            {
                throw new KerasImportException($"{origin}: its {what} holds {value.ToString(CultureInfo.InvariantCulture)}; the layer's output would not be finite, so PrepGen refuses it.");
            }

            array.Add(JsonValue.Create((double)(float)value));
        }

        return array;
    }

    /// <summary>The files, stats.json last (only when an entry was added).</summary>
    public List<StateFilePlan> Files()
    {
        var all = new List<StateFilePlan>(files);
        if (stats.Count > 0)
        {
            var root = new JsonObject { [StatsSchema.FormatMember] = StatsSchema.Format, [StatsSchema.FeaturesMember] = stats.DeepClone() };
            string json = root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
            all.Add(new StateFilePlan(StatsPath, Utf8.GetBytes(json)));
        }

        return all;
    }

    /// <summary>The bytes of a state file, written by the adapters' own writer (one definition of each format).</summary>
    private static byte[] Render(PendingFile file)
    {
        using var stream = new MemoryStream();
        file.Write(stream);
        return stream.ToArray();
    }

    private string Add(string fileName, byte[] contents)
    {
        string name = fileName;
        for (int n = 2; !fileNames.Add(name); n++)
        {
            name = fileName.Insert(fileName.IndexOf('.', StringComparison.Ordinal), n.ToString(CultureInfo.InvariantCulture));
        }

        string path = folder + "/" + name;
        files.Add(new StateFilePlan(path, contents));
        return path;
    }
}
