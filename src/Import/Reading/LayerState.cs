using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using PrepGen.Import.Graph;

namespace PrepGen.Import.Reading;

/// <summary>
/// Reads one layer's adapted state from an archive: vocabularies (config list, or the asset file Keras
/// wrote with <c>get_vocabulary()</c>), and numeric variables (<c>vars/N</c> in a v3 archive, the
/// <c>weight_names</c> datasets of a legacy HDF5 group).
/// </summary>
internal sealed class LayerState
{
    private readonly KerasArchive archive;

    public LayerState(KerasArchive archive)
    {
        this.archive = archive;
    }

    /// <summary>
    /// The vocabulary as Keras's <c>set_vocabulary</c> receives it on load: the config's list when it has
    /// one (Keras's <c>load_assets</c> returns early then), else the asset lines. Asset files are read as
    /// Python's text mode reads them (universal newlines: <c>\r\n</c>, <c>\r</c> and <c>\n</c> end a line).
    /// </summary>
    public List<string> Vocabulary(LayerNode layer, StateLocation location)
    {
        JsonElement? inline = Json.Get(layer.Config, "vocabulary");
        if (inline is { ValueKind: JsonValueKind.Array } list)
        {
            return list.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText()).ToList();
        }

        byte[]? bytes = null;
        if (location.Path is { } path)
        {
            bytes = archive.Asset("assets/" + path + "/vocabulary.txt") ?? archive.Asset("assets/" + path + "/_lookup_layer/vocabulary.txt");
        }

        if (bytes is null)
        {
            string why = archive.IsLegacyHdf5
                ? $"the file holds no vocabulary: its configuration says \"vocabulary\": {(inline is { } v ? v.GetRawText() : "null")} and HDF5 files written by Keras 2.12 and earlier do not store adapted vocabularies. "
                  + "Re-save the model with TF 2.13+ or Keras 3 as a .keras zip (model.save(\"model.keras\")) after adapting, or build the layer with vocabulary=[...]."
                : $"the archive has no assets/{location.Path}/vocabulary.txt and the configuration has no vocabulary list.";
            throw KerasImportException.Layer(layer.Name, layer.ClassName, why);
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw KerasImportException.Layer(layer.Name, layer.ClassName, $"its vocabulary file is not valid UTF-8 ({e.Message}).");
        }

        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        return text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n').ToList();
    }

    /// <summary>
    /// Variable <paramref name="v3Key"/> of the layer (<c>vars/key</c>, or the dataset whose weight name
    /// contains <paramref name="legacyName"/> in a legacy file), or null when the file has none.
    /// </summary>
    public (double[] Values, ulong[] Shape)? Variable(StateLocation location, string v3Key, string legacyName)
    {
        H5Weights? weights = archive.Weights;
        if (weights is null)
        {
            return null;
        }

        if (location.Path is { } path)
        {
            foreach (string candidate in new[] { path + "/vars/" + v3Key, path + "/_lookup_layer/vars/" + v3Key })
            {
                if (weights.Exists(candidate))
                {
                    return weights.ReadNumbers(candidate);
                }
            }

            return null;
        }

        if (location.LegacyGroup is { } group && weights.Exists(group))
        {
            string[] names = weights.StringArrayAttribute(group, "weight_names") ?? [];
            string? match = names.FirstOrDefault(n => n.Split('/')[^1].StartsWith(legacyName + ":", StringComparison.Ordinal));
            if (match is not null)
            {
                string datasetPath = group + "/" + match;
                return weights.ReadNumbers(weights.Exists(datasetPath) ? datasetPath : group + "/" + match.Split('/')[^1]);
            }
        }

        return null;
    }

    /// <summary>Checks Keras 3.6+'s <c>vars@name</c> against the layer's name when the file records it.</summary>
    public void CheckStoredName(LayerNode layer, StateLocation location)
    {
        if (location.Path is not { } path || archive.Weights is not { } weights || !weights.Exists(path + "/vars"))
        {
            return;
        }

        string? stored = weights.StringAttribute(path + "/vars", "name");
        if (stored is not null && stored != layer.Name)
        {
            throw KerasImportException.Layer(layer.Name, layer.ClassName,
                $"its state was expected under '{path}', but that folder holds the state of '{stored}'. The file does not follow Keras's naming rule; please report it with the file.");
        }
    }
}
