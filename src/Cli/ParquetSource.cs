using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Threading;
using System.Threading.Tasks;
using Parquet;
using Parquet.Schema;

namespace PrepGen.Cli;

/// <summary>
/// Parquet through Parquet.Net: one work item per row group, so memory holds the row groups in flight, never
/// the file. Each reading thread opens its own reader. Columns are chosen by name and may be strings, integers
/// or floats (float and double values reach numeric layers as numbers, cast to float32 as Keras does);
/// a null value is refused with its row number.
/// </summary>
internal sealed class ParquetSource : RowSource
{
    private static readonly byte[] Magic = "PAR1"u8.ToArray();

    private readonly string _path;
    private readonly DataField[] _fields;
    private readonly long[] _firstRows;
    private readonly long _total;
    private int _next;
    private long _position;

    public ParquetSource(string path, IReadOnlyList<string> columns)
    {
        _path = path;
        if (columns.Count == 0)
        {
            throw new CliException("--format parquet needs --column.");
        }

        using OpenReader open = Open(path);
        ParquetReader reader = open.Reader;
        DataField[] all = reader.Schema.GetDataFields();
        _fields = new DataField[columns.Count];
        for (int c = 0; c < columns.Count; c++)
        {
            DataField? field = all.FirstOrDefault(f => f.Name == columns[c] && f.Path.ToList().Count == 1)
                ?? throw new CliException($"no column '{columns[c]}' in the Parquet schema ({string.Join(", ", all.Select(f => f.Path.ToString()))}).");
            if (field.IsArray)
            {
                throw new CliException($"Parquet column '{columns[c]}' is a list; a column of strings, integers or floats is expected.");
            }

            _fields[c] = field;
        }

        _firstRows = new long[reader.RowGroupCount];
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            _firstRows[g] = _total + 1;
            using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
            _total += group.RowCount;
        }
    }

    /// <summary>True when the file starts with Parquet's magic bytes.</summary>
    public static bool IsParquet(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        Span<byte> head = stackalloc byte[4];
        return file.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4 && head.SequenceEqual(Magic);
    }

    public override long Total => _total;

    public override long Position => Volatile.Read(ref _position);

    public override string Unit => "rows";

    public override string Where => "row";

    public override IDisposable? Next()
    {
        if (_next >= _firstRows.Length)
        {
            return null;
        }

        int group = _next++;
        _position = _firstRows[group] - 1;
        return new RowGroup(group);
    }

    public override void Parse(IDisposable item, ref IDisposable? cache, Action<InputRow> row)
    {
        ParquetReader reader = ((OpenReader)(cache ??= Open(_path))).Reader;
        int group = ((RowGroup)item).Index;
        using ParquetRowGroupReader rowGroup = reader.OpenRowGroupReader(group);
        int count = checked((int)rowGroup.RowCount);
        long first = _firstRows[group];
        var columns = new Cell[_fields.Length][];
        for (int c = 0; c < _fields.Length; c++)
        {
            columns[c] = ReadColumn(rowGroup, _fields[c], count, first).GetAwaiter().GetResult();
        }

        for (int r = 0; r < count; r++)
        {
            var cells = new Cell[columns.Length];
            for (int c = 0; c < cells.Length; c++)
            {
                cells[c] = columns[c][r];
            }

            row(new InputRow(first + r, cells));
        }
    }

    public override void Dispose()
    {
    }

    private static OpenReader Open(string path)
    {
        try
        {
            return new OpenReader(ParquetReader.CreateAsync(path).GetAwaiter().GetResult());
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            throw new CliException($"'{path}' is not a readable Parquet file: {e.Message}");
        }
    }

    private static Task<Cell[]> ReadColumn(ParquetRowGroupReader group, DataField field, int count, long first)
    {
        Type type = field.ClrType;
        return type switch
        {
            _ when type == typeof(string) || type == typeof(ReadOnlyMemory<char>) => ReadStrings(group, field, count, first),
            _ when type == typeof(double) => ReadNumbers<double>(group, field, count, first, isFloat: true),
            _ when type == typeof(float) => ReadNumbers<float>(group, field, count, first, isFloat: true),
            _ when type == typeof(Half) => ReadNumbers<Half>(group, field, count, first, isFloat: true),
            _ when type == typeof(long) => ReadNumbers<long>(group, field, count, first, isFloat: false),
            _ when type == typeof(int) => ReadNumbers<int>(group, field, count, first, isFloat: false),
            _ when type == typeof(short) => ReadNumbers<short>(group, field, count, first, isFloat: false),
            _ when type == typeof(sbyte) => ReadNumbers<sbyte>(group, field, count, first, isFloat: false),
            _ when type == typeof(byte) => ReadNumbers<byte>(group, field, count, first, isFloat: false),
            _ when type == typeof(ushort) => ReadNumbers<ushort>(group, field, count, first, isFloat: false),
            _ when type == typeof(uint) => ReadNumbers<uint>(group, field, count, first, isFloat: false),
            _ when type == typeof(ulong) => ReadNumbers<ulong>(group, field, count, first, isFloat: false),
            _ => throw new CliException($"Parquet column '{field.Name}' holds {type.Name}; a column of strings, integers or floats is expected."),
        };
    }

    private static async Task<Cell[]> ReadStrings(ParquetRowGroupReader group, DataField field, int count, long first)
    {
        var values = new string?[count];
        await group.ReadAsync(field, values.AsMemory()).ConfigureAwait(false);
        var cells = new Cell[count];
        for (int i = 0; i < count; i++)
        {
            cells[i] = new Cell(values[i] ?? throw Null(field, first + i), null) { Column = field.Name };
        }

        return cells;
    }

    private static async Task<Cell[]> ReadNumbers<T>(ParquetRowGroupReader group, DataField field, int count, long first, bool isFloat)
        where T : struct, INumber<T>
    {
        T[] values = new T[count];
        if (field.IsNullable)
        {
            var nullable = new T?[count];
            await group.ReadAsync<T>(field, nullable.AsMemory()).ConfigureAwait(false);
            for (int i = 0; i < count; i++)
            {
                values[i] = nullable[i] ?? throw Null(field, first + i);
            }
        }
        else
        {
            await group.ReadAsync(field, values.AsMemory()).ConfigureAwait(false);
        }

        var cells = new Cell[count];
        for (int i = 0; i < count; i++)
        {
            string text = values[i].ToString(null, CultureInfo.InvariantCulture);
            cells[i] = new Cell(text, null) { Column = field.Name, Number = isFloat ? double.CreateChecked(values[i]) : null };
        }

        return cells;
    }

    private static CliException Null(DataField field, long row) =>
        new($"row {row}: column '{field.Name}' is null; Keras's adapt has no missing values. Drop or impute them first.");

    // ParquetReader is only IAsyncDisposable; the reading threads are synchronous.
    private sealed class OpenReader(ParquetReader reader) : IDisposable
    {
        public ParquetReader Reader { get; } = reader;

        public void Dispose() => Reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private sealed class RowGroup(int index) : IDisposable
    {
        public int Index { get; } = index;

        public void Dispose()
        {
        }
    }
}
