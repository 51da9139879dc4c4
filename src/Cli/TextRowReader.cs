using System.Collections.Generic;
using System.IO;

namespace PrepGen.Cli;

/// <summary>Plain text: every line (\n, \r\n or \r ended) is one value or document, empty lines included.</summary>
internal sealed class TextRowReader
{
    private readonly TextReader _reader;

    public TextRowReader(TextReader reader) => _reader = reader;

    public IEnumerable<InputRow> Read()
    {
        long line = 0;
        string? text;
        while ((text = _reader.ReadLine()) is not null)
        {
            line++;
            yield return new InputRow(line, [new Cell(text, null)]);
        }
    }
}
