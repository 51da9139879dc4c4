using System.Text;

namespace PrepGen.Generator.Emit;

/// <summary>Indented text, '\n' line ends, nothing culture-sensitive: generated files are byte-identical across machines.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public SourceWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * 4);
        }

        _text.Append(line).Append('\n');
        return this;
    }

    /// <summary>Writes <paramref name="line"/> (if any) and an opening brace, then indents.</summary>
    public SourceWriter Open(string line)
    {
        if (line.Length > 0)
        {
            Line(line);
        }

        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    /// <summary>Appends raw text at the current indentation (for pre-formatted data blocks).</summary>
    public SourceWriter Raw(string text)
    {
        _text.Append(text);
        return this;
    }

    public int Indent => _indent;

    public override string ToString() => _text.ToString();
}
