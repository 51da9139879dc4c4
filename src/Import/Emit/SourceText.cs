using System.Text;

namespace PrepGen.Import.Emit;

/// <summary>An indenting line writer for the generated C# (four spaces, \n line ends, deterministic).</summary>
internal sealed class SourceText
{
    private readonly StringBuilder builder = new();
    private int depth;

    public SourceText Line(string text = "")
    {
        if (text.Length > 0)
        {
            builder.Append(' ', depth * 4).Append(text);
        }

        builder.Append('\n');
        return this;
    }

    public SourceText Open(string text)
    {
        Line(text).Line("{");
        depth++;
        return this;
    }

    public SourceText Close(string suffix = "")
    {
        depth--;
        return Line("}" + suffix);
    }

    public override string ToString() => builder.ToString();
}
