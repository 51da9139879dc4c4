// The .pgpartial container (docs/state-files.md, "Partial state"): magic, version, a JSON header and a binary body,
// closed by a SHA-256 of everything before it. The lengths in the fixed header make a truncated file an error of
// its own before the checksum is even computed.
using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PrepGen.Adapt;

namespace PrepGen.Cli.Partial;

/// <summary>Reads and writes <c>.pgpartial</c> files: the mergeable state written by <c>prepgen adapt --partial</c>.</summary>
public static class PartialFile
{
    /// <summary>The conventional file extension.</summary>
    public const string Extension = ".pgpartial";

    /// <summary>The format version this prepgen writes and reads.</summary>
    public const int FormatVersion = 1;

    private const int FixedHeaderLength = 24;
    private const int ChecksumLength = 32;

    // "PGPARTL" and SUB (0x1a), which stops a text viewer at the magic.
    private static ReadOnlySpan<byte> Magic => "PGPARTL\u001a"u8;

    /// <summary>
    /// Reads and checks a partial file (magic, version, lengths, checksum) and returns its header; the body is
    /// checked but not decoded. Cost: one read of the file.
    /// </summary>
    /// <exception cref="InvalidDataException">Not a partial file, another format version, truncated or damaged; the message names the file.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static PartialHeader ReadHeader(string path) => Read(path).Header;

    internal static (PartialHeader Header, byte[] Body) Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"cannot read '{full}': the file does not exist.", full);
        }

        long length = new FileInfo(full).Length;
        if (length > Array.MaxLength)
        {
            throw new InvalidDataException($"'{full}' is {length:N0} bytes, more than a partial state can hold (2 GiB); it is not a .pgpartial file.");
        }

        byte[] bytes = File.ReadAllBytes(full);
        int magicLength = Math.Min(bytes.Length, Magic.Length);
        if (!bytes.AsSpan(0, magicLength).SequenceEqual(Magic[..magicLength]) || bytes.Length < Magic.Length)
        {
            throw Bad(full, bytes.Length == 0 ? "the file is empty" : bytes.Length < Magic.Length && bytes.AsSpan().SequenceEqual(Magic[..bytes.Length])
                ? $"truncated ({bytes.Length} bytes)"
                : "it does not start with the PGPARTL magic (not a file written by prepgen adapt --partial)");
        }

        if (bytes.Length < FixedHeaderLength)
        {
            throw Bad(full, $"truncated ({bytes.Length} bytes; the fixed header alone is {FixedHeaderLength})");
        }

        uint version = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8));
        if (version != FormatVersion)
        {
            throw Bad(full, $"format version {version}; this prepgen reads version {FormatVersion} (re-run prepgen adapt --partial with the prepgen that merges)");
        }

        uint headerLength = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(12));
        ulong bodyLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(16));
        ulong expected = FixedHeaderLength + (ulong)headerLength + bodyLength + ChecksumLength;
        if (bodyLength > (ulong)Array.MaxLength || expected != (ulong)bytes.Length)
        {
            throw Bad(full, expected > (ulong)bytes.Length
                ? $"truncated ({bytes.Length:N0} of {expected:N0} bytes)"
                : $"{bytes.Length:N0} bytes where its header says {expected:N0} (extra data after the end)");
        }

        int checkedLength = bytes.Length - ChecksumLength;
        if (!SHA256.HashData(bytes.AsSpan(0, checkedLength)).AsSpan().SequenceEqual(bytes.AsSpan(checkedLength)))
        {
            throw Bad(full, "checksum mismatch (the file is damaged)");
        }

        PartialHeader header;
        try
        {
            header = ParseHeader(full, (int)version, bytes.AsSpan(FixedHeaderLength, (int)headerLength));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw Bad(full, $"its header is not valid: {e.Message}");
        }

        return (header, bytes.AsSpan(FixedHeaderLength + (int)headerLength, (int)bodyLength).ToArray());
    }

    /// <summary>Writes a partial file atomically (temp + move under the folder's lock, as every state file).</summary>
    internal static void Write(string path, PartialHeader header, Action<BinaryWriter> writeBody)
    {
        using var body = new MemoryStream();
        using (var writer = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            writeBody(writer);
        }

        byte[] json = HeaderJson(header);
        var bytes = new byte[FixedHeaderLength + json.Length + body.Length + ChecksumLength];
        Magic.CopyTo(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), FormatVersion);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(12), (uint)json.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(16), (ulong)body.Length);
        json.CopyTo(bytes, FixedHeaderLength);
        body.GetBuffer().AsSpan(0, (int)body.Length).CopyTo(bytes.AsSpan(FixedHeaderLength + json.Length));
        int checkedLength = bytes.Length - ChecksumLength;
        SHA256.HashData(bytes.AsSpan(0, checkedLength), bytes.AsSpan(checkedLength));
        StateFiles.WriteAtomic(path, stream => stream.Write(bytes));
    }

    internal static InvalidDataException Bad(string path, string problem) =>
        new($"'{path}' is not a usable partial state (.pgpartial): {problem}.");

    private static byte[] HeaderJson(PartialHeader header)
    {
        var options = new JsonObject();
        foreach ((string name, string? value) in header.Options)
        {
            options[name] = value;
        }

        var size = new JsonObject();
        foreach ((string name, long value) in header.StateSize)
        {
            size[name] = value;
        }

        var root = new JsonObject
        {
            ["layer"] = header.Layer,
            ["options"] = options,
            ["columns"] = new JsonArray(header.Columns.Select(c => (JsonNode?)c).ToArray()),
            ["stats-key"] = header.StatsKey,
            ["input"] = header.Input,
            ["rows"] = header.Rows,
            ["state"] = header.StateKind,
            ["state-size"] = size,
        };
        return Encoding.UTF8.GetBytes(root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    private static PartialHeader ParseHeader(string path, int version, ReadOnlySpan<byte> json)
    {
        JsonObject root = (JsonNode.Parse(json) ?? throw new FormatException("the header is null")).AsObject();
        var options = Member(root, "options").AsObject().Select(p => new KeyValuePair<string, string?>(p.Key, p.Value?.GetValue<string>())).ToList();
        var columns = Member(root, "columns").AsArray().Select(c => (c ?? throw new FormatException("a null column")).GetValue<string>()).ToList();
        var size = Member(root, "state-size").AsObject().ToDictionary(p => p.Key, p => (p.Value ?? throw new FormatException($"state-size '{p.Key}' is null")).GetValue<long>());
        return new PartialHeader(
            path,
            version,
            Member(root, "layer").GetValue<string>(),
            options,
            columns,
            root["stats-key"]?.GetValue<string>(),
            Member(root, "input").GetValue<string>(),
            Member(root, "rows").GetValue<long>(),
            Member(root, "state").GetValue<string>(),
            size);
    }

    private static JsonNode Member(JsonObject root, string name) => root[name] ?? throw new FormatException($"'{name}' is missing");
}
