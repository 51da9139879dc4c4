namespace PrepGen.Cli;

/// <summary>The file formats <c>prepgen adapt</c> reads.</summary>
internal enum InputFormat
{
    /// <summary>RFC 4180 CSV with a header row.</summary>
    Csv,

    /// <summary>JSON lines: one object per line, a column is a property.</summary>
    JsonLines,

    /// <summary>Plain text: each line is one value or document.</summary>
    Text,
}
