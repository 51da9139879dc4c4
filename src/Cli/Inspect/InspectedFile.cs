using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace PrepGen.Cli.Inspect;

/// <summary>The file under inspection: its bytes, and its text and lines as Keras's reader sees them, decoded once.</summary>
internal sealed class InspectedFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    private bool _decoded;
    private string? _text;
    private List<string>? _lines;

    public InspectedFile(string path, byte[] bytes)
    {
        Path = path;
        Bytes = bytes;
    }

    public string Path { get; }

    public byte[] Bytes { get; }

    /// <summary>Whether the file starts with a UTF-8 byte-order mark (which Keras keeps as part of the first line).</summary>
    public bool HasBom => Bytes.AsSpan().StartsWith("\uFEFF"u8);

    /// <summary>The text after any byte-order mark, or null when the file is not valid UTF-8.</summary>
    public string? Text
    {
        get
        {
            Decode();
            return _text;
        }
    }

    /// <summary>The lines of <see cref="Text"/> (null when it is not UTF-8).</summary>
    public IReadOnlyList<string>? Lines
    {
        get
        {
            Decode();
            return _lines;
        }
    }

    private void Decode()
    {
        if (_decoded)
        {
            return;
        }

        _decoded = true;
        int offset = HasBom ? 3 : 0;
        try
        {
            _text = StrictUtf8.GetString(Bytes, offset, Bytes.Length - offset);
        }
        catch (DecoderFallbackException)
        {
            return;
        }

        _lines = SplitLines(_text);
    }

    // Keras's reader: split on \n, strip one trailing \r, a final newline is optional.
    private static List<string> SplitLines(string text)
    {
        List<string> lines = text.Split('\n').Select(l => l.EndsWith('\r') ? l[..^1] : l).ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }
}
