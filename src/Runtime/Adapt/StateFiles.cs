// Writing adapted state: vocabulary and idf files in the Keras formats, and stats.json. Every write
// goes to a temporary file beside the target and is then moved over it, so a reader never sees a
// half-written file and a failed write leaves the previous file intact.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PrepGen.Adapt;

internal static class StateFiles
{
    /// <summary>The stats.json format version this runtime writes and reads.</summary>
    public const int StatsFormat = 1;

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Writes <paramref name="write"/>'s output to <paramref name="path"/> atomically.</summary>
    public static void WriteAtomic(string path, Action<Stream> write)
    {
        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath) ?? ".";
        string temp = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, fullPath, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>Checks that every token survives the one-token-per-line format.</summary>
    public static void ValidateVocabularyTokens(IEnumerable<string> tokens)
    {
        int line = 1;
        foreach (string token in tokens)
        {
            // A reader splits on \n and strips one trailing \r, so such tokens cannot round-trip.
            if (token.Contains('\n', StringComparison.Ordinal) || token.EndsWith('\r'))
            {
                string shown = token.Length > 40 ? token[..40] + "..." : token;
                throw new InvalidOperationException(
                    $"Token {line} (\"{shown.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}\") "
                    + "contains a line break and cannot be written to a vocabulary file.");
            }

            line++;
        }
    }

    /// <summary>Writes the real tokens, one per line, UTF-8 without BOM, each line ending in \n.</summary>
    public static void WriteVocabulary(string path, IReadOnlyList<string> tokens)
    {
        ValidateVocabularyTokens(tokens);
        WriteAtomic(path, stream =>
        {
            using var writer = new StreamWriter(stream, Utf8NoBom, bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\n" };
            foreach (string token in tokens)
            {
                writer.Write(token);
                writer.Write('\n');
            }
        });
    }

    /// <summary>Writes one float32 weight per line in the shortest round-trip invariant format.</summary>
    public static void WriteIdfWeights(string path, IReadOnlyList<double> weights)
    {
        WriteAtomic(path, stream =>
        {
            using var writer = new StreamWriter(stream, Utf8NoBom, bufferSize: 1 << 16, leaveOpen: true);
            foreach (double weight in weights)
            {
                writer.Write(((float)weight).ToString("R", CultureInfo.InvariantCulture));
                writer.Write('\n');
            }
        });
    }

    /// <summary>Adds or replaces <paramref name="key"/> under "features" in stats.json, keeping other keys.</summary>
    public static void WriteStatsEntry(string path, string key, JsonObject entry)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        JsonObject root = ReadStats(path);
        var features = (JsonObject)root["features"]!;
        features[key] = entry;
        WriteAtomic(path, stream =>
        {
            using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            root.WriteTo(writer);
            writer.Flush();
            stream.WriteByte((byte)'\n');
        });
    }

    /// <summary>Reads stats.json (or a fresh document if the file does not exist), checking its format.</summary>
    public static JsonObject ReadStats(string path)
    {
        if (!File.Exists(path))
        {
            return new JsonObject { ["format"] = StatsFormat, ["features"] = new JsonObject() };
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}' is not valid JSON: {e.Message}", e);
        }

        if (node is not JsonObject root
            || root["format"] is not JsonValue format
            || !format.TryGetValue(out int version)
            || root["features"] is not JsonObject)
        {
            throw new InvalidDataException($"'{path}' is not a PrepGen stats file (an object with \"format\" and \"features\").");
        }

        if (version != StatsFormat)
        {
            throw new InvalidDataException($"'{path}' has stats format {version}; this version reads format {StatsFormat}.");
        }

        return root;
    }

    /// <summary>A JSON array of doubles, written in the shortest round-trip form.</summary>
    public static JsonArray ToJsonArray(IReadOnlyList<double> values)
    {
        var array = new JsonArray();
        foreach (double value in values)
        {
            array.Add((JsonNode)value);
        }

        return array;
    }
}
