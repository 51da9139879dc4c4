// Writing adapted state: vocabulary and idf files in the Keras formats, and stats.json. Every write
// goes to a temporary file beside the target and is then moved over it, so a reader never sees a
// half-written file and a failed write leaves the previous file intact.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using PrepGen.Schema;

namespace PrepGen.Adapt;

internal static class StateFiles
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Writes <paramref name="write"/>'s output to <paramref name="path"/> atomically.</summary>
    public static void WriteAtomic(string path, Action<Stream> write) => Replace([new PendingFile(path, write)]);

    /// <summary>
    /// Replaces several files as one (a vocabulary and its idf weights): under the lock of every folder
    /// involved, each file is written to a temporary file beside its target and flushed; then, for more than
    /// one file, a commit record (<c>.prepgen-commit.&lt;guid&gt;.json</c>, listing the moves) is written into
    /// every folder involved; then the temporaries are moved over the targets and the records deleted. A
    /// process killed before the records are complete leaves the old files; one killed after leaves records
    /// that the next writer of those folders rolls forward (<see cref="Recover"/>), so the pair is never
    /// left half old, half new. Stale temporaries of killed writers are deleted on the way.
    /// </summary>
    /// <param name="files">The files, with distinct paths.</param>
    /// <param name="prepare">Runs under the locks before anything is written (a read-merge-write reads here).</param>
    /// <exception cref="ArgumentException">Two of the files are the same path.</exception>
    public static void Replace(IReadOnlyList<PendingFile> files, Action? prepare = null)
    {
        var targets = new string[files.Count];
        for (int i = 0; i < files.Count; i++)
        {
            ArgumentException.ThrowIfNullOrEmpty(files[i].Path);
            targets[i] = Path.GetFullPath(files[i].Path);
            for (int j = 0; j < i; j++)
            {
                if (SamePath(targets[i], targets[j]))
                {
                    throw new ArgumentException(
                        $"'{targets[i]}' is given as two of the output files; each state file needs its own path (the second write would replace the first).");
                }
            }
        }

        string[] folders = targets.Select(t => Path.GetDirectoryName(t) ?? ".").Distinct(PathComparer).Order(StringComparer.Ordinal).ToArray();
        var locks = new List<StateLock>(folders.Length);
        var temps = new List<string>(files.Count);
        var records = new List<string>();
        bool keep = false;
        try
        {
            foreach (string folder in folders)
            {
                Directory.CreateDirectory(folder);
                locks.Add(StateLock.Acquire(folder));
            }

            foreach (string folder in folders)
            {
                Recover(folder, folders);
                DeleteStaleTemporaries(folder);
            }

            prepare?.Invoke();
            for (int i = 0; i < files.Count; i++)
            {
                string temp = TempPath(targets[i]);
                temps.Add(temp);
                using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                files[i].Write(stream);
                stream.Flush(flushToDisk: true);
            }

            Step("written");

            if (files.Count > 1)
            {
                var record = new JsonObject { ["format"] = 1, ["folders"] = new JsonArray(folders.Select(f => (JsonNode)f).ToArray()) };
                var moves = new JsonArray();
                for (int i = 0; i < files.Count; i++)
                {
                    moves.Add((JsonNode)new JsonObject { ["temp"] = temps[i], ["target"] = targets[i] });
                }

                record["moves"] = moves;
                byte[] bytes = Encoding.UTF8.GetBytes(record.ToJsonString());
                string name = $"{CommitPrefix}{Guid.NewGuid():N}.json";
                foreach (string folder in folders)
                {
                    string path = Path.Combine(folder, name);
                    string temp = TempPath(path);
                    using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                    {
                        stream.Write(bytes);
                        stream.Flush(flushToDisk: true);
                    }

                    File.Move(temp, path);
                    records.Add(path);
                    Step("recorded " + records.Count);
                }

                // From here the commit is decided: should a move fail, the records and temporaries stay for
                // the next writer to finish, rather than leave one file new and the other old.
                keep = true;
            }

            for (int i = 0; i < files.Count; i++)
            {
                File.Move(temps[i], targets[i], overwrite: true);
                Step("moved " + (i + 1));
            }

            temps.Clear();
            foreach (string record in records)
            {
                File.Delete(record);
            }

            records.Clear();
        }
        catch (SimulatedKillException)
        {
            keep = true;
            throw;
        }
        finally
        {
            // A failure before the commit was decided leaves the old files: remove what this writer created.
            // (A killed writer removes nothing; only its locks go, with its process.)
            foreach (string path in keep ? [] : records.Concat(temps))
            {
                TryDelete(path);
            }

            foreach (StateLock held in locks)
            {
                held.Dispose();
            }
        }
    }

    /// <summary>
    /// Tests only: called at each step of <see cref="Replace"/> ("written", "recorded N", "moved N") on this
    /// async flow; throwing <see cref="SimulatedKillException"/> stops the writer as kill -9 would.
    /// </summary>
    internal static AsyncLocal<Action<string>?> StepHook { get; } = new();

    private static void Step(string step) => StepHook.Value?.Invoke(step);

    /// <summary>
    /// Finishes the commits that a killed writer left in <paramref name="folder"/>: a record present in every
    /// folder it lists was complete before any move, so its remaining moves are made; an incomplete record is
    /// from a writer killed before its moves (or after all of them), so its temporaries are deleted. Records
    /// that list a folder this writer has not locked are left for a writer that locks them all.
    /// </summary>
    private static void Recover(string folder, IReadOnlyCollection<string> locked)
    {
        foreach (string path in Directory.GetFiles(folder, CommitPrefix + "*.json"))
        {
            CommitRecord? record = ReadCommitRecord(path);
            if (record is null)
            {
                TryDelete(path);
                continue;
            }

            if (!record.Folders.All(f => locked.Contains(f, PathComparer)))
            {
                continue;
            }

            string name = Path.GetFileName(path);
            bool complete = record.Folders.All(f => File.Exists(Path.Combine(f, name)));
            foreach ((string temp, string target) in record.Moves)
            {
                if (!File.Exists(temp))
                {
                    continue;
                }

                if (complete)
                {
                    File.Move(temp, target, overwrite: true);
                }
                else
                {
                    TryDelete(temp);
                }
            }

            foreach (string f in record.Folders)
            {
                TryDelete(Path.Combine(f, name));
            }
        }
    }

    /// <summary>The commit records in <paramref name="folder"/> (interrupted pair updates) that mention <paramref name="file"/>.</summary>
    public static IEnumerable<CommitRecord> PendingCommits(string folder, string file)
    {
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        foreach (string path in Directory.EnumerateFiles(folder, CommitPrefix + "*.json"))
        {
            if (ReadCommitRecord(path) is { } record && record.Moves.Any(m => SamePath(m.Target, file)))
            {
                yield return record;
            }
        }
    }

    private static CommitRecord? ReadCommitRecord(string path)
    {
        try
        {
            if (JsonNode.Parse(File.ReadAllBytes(path)) is not JsonObject root || root["folders"] is not JsonArray folders || root["moves"] is not JsonArray moves)
            {
                return null;
            }

            return new CommitRecord(
                folders.Select(f => f!.GetValue<string>()).ToArray(),
                moves.Select(m => (m!["temp"]!.GetValue<string>(), m["target"]!.GetValue<string>())).ToArray());
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException or IOException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Deletes temporaries (<c>.&lt;name&gt;.&lt;guid&gt;.tmp</c>) that no pending commit record needs: under the lock, their writers are gone.</summary>
    private static void DeleteStaleTemporaries(string folder)
    {
        var needed = new HashSet<string>(PathComparer);
        foreach (string path in Directory.EnumerateFiles(folder, CommitPrefix + "*.json"))
        {
            if (ReadCommitRecord(path) is { } record)
            {
                needed.UnionWith(record.Moves.Select(m => m.Temp));
            }
        }

        foreach (string path in Directory.GetFiles(folder, ".*.tmp"))
        {
            string name = Path.GetFileName(path);
            if (IsTemporaryName(name) && !needed.Contains(path))
            {
                TryDelete(path);
            }
        }
    }

    /// <summary>True for the names <see cref="TempPath"/> makes: a dot, a name, a dot, 32 hex digits, <c>.tmp</c>.</summary>
    internal static bool IsTemporaryName(string name) =>
        name.Length >= 1 + 1 + 37 && name[0] == '.' && name.EndsWith(".tmp", StringComparison.Ordinal)
        && name[^37] == '.' && !name.AsSpan(name.Length - 36, 32).ContainsAnyExcept("0123456789abcdef");

    private static string TempPath(string target) =>
        Path.Combine(Path.GetDirectoryName(target) ?? ".", $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a later writer deletes it.
        }
    }

    private static StringComparer PathComparer => OperatingSystem.IsLinux() ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;

    /// <summary>Whether two full paths name the same file (case-insensitively where the file system usually is).</summary>
    public static bool SamePath(string a, string b) => PathComparer.Equals(a, b);

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

    /// <summary>The real tokens, one per line, UTF-8 without BOM, each line ending in \n.</summary>
    public static PendingFile Vocabulary(string path, IReadOnlyList<string> tokens)
    {
        ValidateVocabularyTokens(tokens);
        return new PendingFile(path, stream =>
        {
            using var writer = new StreamWriter(stream, Utf8NoBom, bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\n" };
            foreach (string token in tokens)
            {
                writer.Write(token);
                writer.Write('\n');
            }
        });
    }

    /// <summary>A vocabulary file already laid out as bytes (<see cref="LearnedLines"/>: checked to round-trip).</summary>
    public static PendingFile VocabularyLines(string path, ReadOnlyMemory<byte> file) => new(path, stream => stream.Write(file.Span));

    /// <summary>One float32 weight per line in the shortest round-trip invariant format.</summary>
    public static PendingFile IdfWeights(string path, IReadOnlyList<double> weights) =>
        new(path, stream =>
        {
            using var writer = new StreamWriter(stream, Utf8NoBom, bufferSize: 1 << 16, leaveOpen: true);
            foreach (double weight in weights)
            {
                writer.Write(((float)weight).ToString("R", CultureInfo.InvariantCulture));
                writer.Write('\n');
            }
        });

    /// <summary>Adds or replaces <paramref name="key"/> under "features" in stats.json, keeping other keys.</summary>
    public static void WriteStatsEntry(string path, string key, JsonObject entry)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        JsonObject? root = null;

        // Read, merge and write under the folder's lock: a concurrent writer of another key waits, then
        // reads this writer's file, so no key is lost.
        Replace(
            [new PendingFile(path, stream =>
            {
                using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
                root!.WriteTo(writer);
                writer.Flush();
                stream.WriteByte((byte)'\n');
            })],
            () =>
            {
                root = ReadStats(path);
                ((JsonObject)root[StatsSchema.FeaturesMember]!)[key] = entry.DeepClone();
            });
    }

    /// <summary>
    /// Reads stats.json (or a fresh document if the file does not exist), checked by the generator's rules
    /// (<see cref="StatsSchema"/>): a file the generator would reject is not merged into.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a stats file of this format; the message names its line.</exception>
    public static JsonObject ReadStats(string path)
    {
        if (!File.Exists(path))
        {
            return new JsonObject { [StatsSchema.FormatMember] = StatsSchema.Format, [StatsSchema.FeaturesMember] = new JsonObject() };
        }

        byte[] bytes = File.ReadAllBytes(path);
        var parsed = PrepGen.Generator.State.JsonReader.Parse(Encoding.UTF8.GetString(bytes));
        if (parsed.Root is not { } document)
        {
            throw new InvalidDataException($"'{path}' line {parsed.ErrorLine}: not valid JSON: {parsed.Error}");
        }

        if (StatsSchema.CheckDocument(document, out _) is { } problem)
        {
            throw new InvalidDataException($"'{path}' line {problem.Line}: {problem.Message}");
        }

        try
        {
            return (JsonObject)JsonNode.Parse(bytes)!;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}' is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>The name prefix of commit records.</summary>
    public const string CommitPrefix = ".prepgen-commit.";

    /// <summary>
    /// Refuses values JSON cannot hold. Keras's adapt over NaN or infinite input gives NaN or infinite
    /// statistics (np.mean and np.var propagate them), which stats.json cannot store and which would make
    /// every output of the layer NaN; docs/state-files.md, "Non-finite input".
    /// </summary>
    public static void RequireFinite(IReadOnlyList<double> values, string what)
    {
        for (int i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new InvalidOperationException(
                    $"The adapted {what} [{i}] is {values[i].ToString(CultureInfo.InvariantCulture)}: the data held NaN, an infinity or a value beyond "
                    + "float32 range, as Keras's adapt would propagate it. Remove or impute those values first; nothing was written.");
            }
        }
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

/// <summary>Tests only: thrown by a <see cref="StateFiles.StepHook"/> to stop a writer where kill -9 would.</summary>
internal sealed class SimulatedKillException : Exception
{
    public SimulatedKillException()
        : base("simulated kill")
    {
    }
}

/// <summary>A file to write: its path and its content.</summary>
internal sealed record PendingFile(string Path, Action<Stream> Write);

/// <summary>An interrupted commit: the folders holding its record and the moves it makes.</summary>
internal sealed record CommitRecord(IReadOnlyList<string> Folders, IReadOnlyList<(string Temp, string Target)> Moves);
