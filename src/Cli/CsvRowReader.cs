using System.Collections.Generic;
using System.IO;
using System.Text;

namespace PrepGen.Cli;

/// <summary>
/// Streams RFC 4180 CSV: comma separated, fields optionally in double quotes with "" for a quote,
/// line breaks allowed inside quotes, CRLF or LF record ends. The first record is the header.
/// Blank lines are skipped (as pandas does by default).
/// </summary>
internal sealed class CsvRowReader
{
    private readonly TextReader _reader;
    private readonly StringBuilder _field = new();
    private long _line = 1;

    public CsvRowReader(TextReader reader) => _reader = reader;

    /// <summary>Yields the requested columns of every data record.</summary>
    public IEnumerable<InputRow> Read(IReadOnlyList<string> columns)
    {
        long headerLine = _line;
        List<string>? header = ReadRecord();
        if (header is null)
        {
            throw new CliException("the CSV file is empty (a header row is required).");
        }

        var indices = new int[columns.Count];
        for (int c = 0; c < columns.Count; c++)
        {
            indices[c] = header.IndexOf(columns[c]);
            if (indices[c] < 0)
            {
                throw new CliException($"line {headerLine}: no column '{columns[c]}' in the header ({string.Join(", ", header)}).");
            }
        }

        while (true)
        {
            long line = _line;
            List<string>? record = ReadRecord();
            if (record is null)
            {
                yield break;
            }

            if (record.Count != header.Count)
            {
                throw new CliException($"line {line}: expected {header.Count} fields as in the header, found {record.Count}.");
            }

            var cells = new Cell[indices.Length];
            for (int c = 0; c < indices.Length; c++)
            {
                cells[c] = new Cell(record[indices[c]], null);
            }

            yield return new InputRow(line, cells);
        }
    }

    // One record, or null at the end of the input. Blank lines are skipped.
    private List<string>? ReadRecord()
    {
        while (true)
        {
            int first = _reader.Peek();
            if (first < 0)
            {
                return null;
            }

            if (first == '\n' || first == '\r')
            {
                ConsumeLineEnd();
                continue;
            }

            return ReadFields();
        }
    }

    private List<string> ReadFields()
    {
        var fields = new List<string>();
        long start = _line;
        while (true)
        {
            _field.Clear();
            int c = _reader.Peek();
            if (c == '"')
            {
                _reader.Read();
                ReadQuoted(start);
                c = _reader.Peek();
                if (c >= 0 && c != ',' && c != '\n' && c != '\r')
                {
                    throw new CliException($"line {_line}: unexpected character after a closing quote.");
                }
            }
            else
            {
                while ((c = _reader.Peek()) >= 0 && c != ',' && c != '\n' && c != '\r')
                {
                    if (c == '"')
                    {
                        throw new CliException($"line {_line}: a quote inside an unquoted field (quote the whole field and double the quote).");
                    }

                    _field.Append((char)_reader.Read());
                }
            }

            fields.Add(_field.ToString());
            if (c == ',')
            {
                _reader.Read();
                continue;
            }

            if (c >= 0)
            {
                ConsumeLineEnd();
            }

            return fields;
        }
    }

    private void ReadQuoted(long start)
    {
        while (true)
        {
            int c = _reader.Read();
            if (c < 0)
            {
                throw new CliException($"line {start}: a quoted field is not closed before the end of the file.");
            }

            if (c == '"')
            {
                if (_reader.Peek() != '"')
                {
                    return;
                }

                _reader.Read();
            }
            else if (c == '\n' || (c == '\r' && _reader.Peek() != '\n'))
            {
                _line++;
            }

            _field.Append((char)c);
        }
    }

    private void ConsumeLineEnd()
    {
        if (_reader.Read() == '\r' && _reader.Peek() == '\n')
        {
            _reader.Read();
        }

        _line++;
    }
}
