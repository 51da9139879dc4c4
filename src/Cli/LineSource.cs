using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using nietras.SeparatedValues;

namespace PrepGen.Cli;

/// <summary>
/// CSV (parsed with Sep), JSON lines or text, plain or gzip-compressed, cut into ~1 MB chunks at record
/// boundaries. CSV: RFC 4180 quoting (quoted delimiters, "" for a quote, line breaks inside quotes), a header
/// unless <c>--no-header</c>, columns by name or 0-based index, blank lines skipped; every record must have the
/// header's number of fields. Text: each line is one value, empty lines included. JSON lines: one object a line,
/// blank lines skipped.
/// </summary>
internal sealed class LineSource : RowSource
{
    private readonly FileStream _file;
    private readonly Stream _stream;
    private readonly InputChunker _chunker;
    private readonly InputFormat _format;
    private readonly IReadOnlyList<string> _columns;
    private readonly char _delimiter;
    private readonly int[] _indices = [];
    private readonly int _fieldCount;
    private readonly string _headerText = "";
    private readonly long _total;

    public LineSource(string path, InputFormat format, IReadOnlyList<string> columns, char delimiter, bool header, int skipRows)
    {
        _stream = OpenDecompressed(path, out _file, out _);
        _total = _file.Length;
        _format = format;
        _columns = columns;
        _delimiter = delimiter;
        try
        {
            _chunker = new InputChunker(_stream, quotes: format == InputFormat.Csv);
            if (!_chunker.SkipLines(skipRows))
            {
                throw new CliException($"--skip-rows {skipRows}: the input has fewer lines.");
            }

            if (format != InputFormat.Csv)
            {
                return;
            }

            // The header names the columns; without one, the first record gives the number of fields.
            long line = _chunker.Line;
            byte[]? first = _chunker.ReadRecord(consume: header, skipBlank: true);
            if (first is null)
            {
                throw new CliException(header ? "the CSV file is empty (a header row is required; --no-header if it has none)." : "the CSV file is empty.");
            }

            RequireUtf8(first, line);
            string[] fields = SplitRecord(first, line);
            _fieldCount = fields.Length;
            _headerText = string.Join(", ", fields);
            _indices = new int[columns.Count];
            for (int c = 0; c < columns.Count; c++)
            {
                _indices[c] = ColumnIndex(columns[c], header ? fields : null, line);
            }
        }
        catch
        {
            _stream.Dispose();
            throw;
        }
    }

    public override long Total => _total;

    public override long Position => _file.Position;

    public override string Unit => "bytes";

    public override IDisposable? Next() => _chunker.Next();

    public override void Parse(IDisposable item, ref IDisposable? cache, Action<InputRow> row)
    {
        var chunk = (ByteChunk)item;
        RequireUtf8(chunk.Span, chunk.FirstLine);
        switch (_format)
        {
            case InputFormat.Csv:
                ParseCsv(chunk, row);
                break;
            case InputFormat.JsonLines:
                ParseLines(chunk, (line, start, end) =>
                {
                    ReadOnlyMemory<byte> bytes = chunk.Memory[start..end];
                    if (!IsBlank(bytes.Span))
                    {
                        row(new InputRow(line, JsonLinesRowReader.Parse(bytes, line, _columns)));
                    }
                });
                break;
            default:
                ParseLines(chunk, (line, start, end) => row(new InputRow(line, [new Cell(Encoding.UTF8.GetString(chunk.Span[start..end]), null)])));
                break;
        }
    }

    /// <summary>Whether <see cref="ParseValues"/> reads this input: text and CSV (a JSON value may be an array; <see cref="Parse"/> reads those).</summary>
    public bool HasUtf8Values => _format != InputFormat.JsonLines;

    /// <summary>
    /// Lookups (one column): the records' values, text lines or the CSV field, as UTF-8 bytes with their lines, in batches
    /// (<see cref="ValueBatch"/>); no string, cell or row object per record. The same records, checks and messages as
    /// <see cref="Parse"/>; the bytes are valid UTF-8 (checked once per chunk). Returns the number of records.
    /// </summary>
    public long ParseValues(IDisposable item, Utf8Values values)
    {
        var chunk = (ByteChunk)item;
        RequireUtf8(chunk.Span, chunk.FirstLine);
        var batch = new ValueBatch();
        if (_format == InputFormat.Csv)
        {
            ParseCsvValues(chunk, batch, values);
            batch.Flush(values);
        }
        else
        {
            ParseLines(chunk, (line, start, end) => batch.Add(start, end, line, chunk.Span, values));
            batch.Flush(chunk.Span, values);
        }

        return batch.Total;
    }

    public override void Dispose() => _stream.Dispose();

    private static SepReaderOptions Options(char delimiter) =>
        Sep.New(delimiter).Reader(o => o with
        {
            HasHeader = false,
            Unescape = true,
            DisableColCountCheck = true,
            CultureInfo = CultureInfo.InvariantCulture,
        });

    private string[] SplitRecord(byte[] record, long line)
    {
        using SepReader reader = Options(_delimiter).From(record);
        if (!reader.MoveNext())
        {
            throw new CliException($"line {line}: the header is empty.");
        }

        SepReader.Row row = reader.Current;
        var fields = new string[row.ColCount];
        for (int i = 0; i < fields.Length; i++)
        {
            fields[i] = row[i].ToString();
        }

        return fields;
    }

    // A header name first; else a 0-based index (the only way without a header).
    private int ColumnIndex(string column, string[]? header, long line)
    {
        if (header is not null)
        {
            int named = Array.IndexOf(header, column);
            if (named >= 0)
            {
                return named;
            }
        }

        if (int.TryParse(column, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
        {
            return index < _fieldCount
                ? index
                : throw new CliException($"--column {column}: the CSV has {_fieldCount} fields (0-based indices 0..{_fieldCount - 1}).");
        }

        throw new CliException(header is null
            ? $"--column '{column}': with --no-header, a column is a 0-based index."
            : $"line {line}: no column '{column}' in the header ({_headerText}); a column is a header name or a 0-based index.");
    }

    private void ParseCsv(ByteChunk chunk, Action<InputRow> emit)
    {
        var visitor = new CellsVisitor(this, emit);
        ForEachRecord(chunk, ref visitor);
    }

    // Every non-blank record of a chunk with the line it starts on, checked for the header's number of fields. The
    // visitor is a struct type argument, so its call is direct and inlined: under the tool's JIT settings (no dynamic
    // PGO, which would guess a delegate's target) a delegate per record cost 1 in 9 of a string-lookup adapt.
    private void ForEachRecord<TVisitor>(ByteChunk chunk, ref TVisitor visitor)
        where TVisitor : struct, IRecordVisitor
    {
        using MemoryStream stream = chunk.OpenRead();
        using SepReader reader = Options(_delimiter).From(stream);
        bool first = true;
        foreach (SepReader.Row row in reader)
        {
            // Sep 0.18 numbers every row but the first from 1; its first row's LineNumberFrom equals its
            // LineNumberToExcl. A chunk starts at a record, so the first row starts on the chunk's first line.
            long line = first ? chunk.FirstLine : chunk.FirstLine + row.LineNumberFrom - 1;
            first = false;
            if (row.ColCount == 1 && row.Span.IsEmpty)
            {
                continue; // a blank line (pandas' skip_blank_lines)
            }

            if (row.ColCount != _fieldCount)
            {
                throw new CliException($"line {line}: expected {_fieldCount} fields as in the {(_headerText.Length > 0 ? "header" : "first record")}, found {row.ColCount}.");
            }

            visitor.Visit(row, line);
        }
    }

    // A numeric layer's CSV: each selected field parsed where Sep holds it; no string, cell or row object per row.
    public override long ParseNumbers(IDisposable item, ref IDisposable? cache, FloatList values)
    {
        if (_format != InputFormat.Csv)
        {
            return base.ParseNumbers(item, ref cache, values);
        }

        var chunk = (ByteChunk)item;
        RequireUtf8(chunk.Span, chunk.FirstLine);
        var visitor = new NumbersVisitor(this, values);
        ForEachRecord(chunk, ref visitor);
        return visitor.Rows;
    }

    // The selected field of each record goes back to UTF-8 (Sep hands out chars) in the batch: the chunk is valid
    // UTF-8, so these are the bytes the field has in the file, unescaped.
    private void ParseCsvValues(ByteChunk chunk, ValueBatch batch, Utf8Values values)
    {
        var visitor = new ValuesVisitor(_indices[0], batch, values);
        ForEachRecord(chunk, ref visitor);
    }

    // Lines end with \n, \r\n or \r; a chunk's last line may lack one only at the end of the input.
    private static void ParseLines(ByteChunk chunk, Action<long, int, int> emit)
    {
        ReadOnlySpan<byte> s = chunk.Span;
        long line = chunk.FirstLine;
        int position = 0;
        while (position < s.Length)
        {
            int k = s[position..].IndexOfAny((byte)'\n', (byte)'\r');
            int end = k < 0 ? s.Length : position + k;
            emit(line, position, end); // the line is chunk.Span[position..end]
            if (k < 0)
            {
                break;
            }

            position = end + 1;
            if (s[end] == '\r' && position < s.Length && s[position] == '\n')
            {
                position++;
            }

            line++;
        }
    }

    private interface IRecordVisitor
    {
        void Visit(SepReader.Row row, long line);
    }

    /// <summary>Rows of cells (strings): the general path.</summary>
    private readonly struct CellsVisitor(LineSource source, Action<InputRow> emit) : IRecordVisitor
    {
        public void Visit(SepReader.Row row, long line)
        {
            var cells = new Cell[source._indices.Length];
            for (int c = 0; c < cells.Length; c++)
            {
                cells[c] = new Cell(row[source._indices[c]].ToString(), null) { Column = source._columns[c] };
            }

            emit(new InputRow(line, cells));
        }
    }

    /// <summary>A numeric layer's fields, parsed where Sep holds them; counts the rows.</summary>
    private struct NumbersVisitor(LineSource source, FloatList values) : IRecordVisitor
    {
        public long Rows { get; private set; }

        public void Visit(SepReader.Row row, long line)
        {
            Rows++;
            int[] indices = source._indices;
            for (int c = 0; c < indices.Length; c++)
            {
                SepReader.Col field = row[indices[c]];
                values.Add(NumericField.TryParsePlain(field.Span, out float value)
                    ? value
                    : NumericField.Parse(new Cell(field.ToString(), null) { Column = source._columns[c] }, line, source.Where));
            }
        }
    }

    /// <summary>A lookup's field, as UTF-8 into the batch.</summary>
    private readonly struct ValuesVisitor(int column, ValueBatch batch, Utf8Values values) : IRecordVisitor
    {
        public void Visit(SepReader.Row row, long line) => batch.Add(row[column].Span, line, values);
    }

    private static bool IsBlank(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyExcept(" \t"u8) < 0;
}
