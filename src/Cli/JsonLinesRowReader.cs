using System;
using System.Collections.Generic;
using System.Text.Json;

namespace PrepGen.Cli;

/// <summary>
/// Streams JSON lines: one object per line, a column is a property. Strings and numbers are values
/// (a number keeps its JSON text); an array of them is one document with several values.
/// Blank lines are skipped.
/// </summary>
internal static class JsonLinesRowReader
{
    public static Cell[] Parse(ReadOnlyMemory<byte> text, long line, IReadOnlyList<string> columns)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new CliException($"line {line}: not valid JSON ({e.Message}).");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new CliException($"line {line}: expected a JSON object, found {document.RootElement.ValueKind}.");
            }

            var cells = new Cell[columns.Count];
            for (int c = 0; c < columns.Count; c++)
            {
                if (!document.RootElement.TryGetProperty(columns[c], out JsonElement value))
                {
                    throw new CliException($"line {line}: the object has no property '{columns[c]}'.");
                }

                cells[c] = (value.ValueKind == JsonValueKind.Array
                    ? new Cell(null, ToItems(value, line, columns[c]))
                    : new Cell(Scalar(value, line, columns[c]), null)) with { Column = columns[c] };
            }

            return cells;
        }
    }
    private static List<string> ToItems(JsonElement array, long line, string column)
    {
        var items = new List<string>(array.GetArrayLength());
        foreach (JsonElement item in array.EnumerateArray())
        {
            items.Add(Scalar(item, line, column));
        }

        return items;
    }

    private static string Scalar(JsonElement value, long line, string column) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetRawText(),
        _ => throw new CliException($"line {line}: '{column}' is {value.ValueKind}; expected a string or a number."),
    };
}
