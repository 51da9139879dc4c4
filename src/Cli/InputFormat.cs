namespace PrepGen.Cli;

/// <summary>The file formats <c>prepgen adapt</c> reads.</summary>
internal enum InputFormat
{
    /// <summary>RFC 4180 CSV (any one-character delimiter), a header row unless --no-header.</summary>
    Csv,

    /// <summary>JSON lines: one object per line, a column is a property.</summary>
    JsonLines,

    /// <summary>Plain text: each line is one value or document.</summary>
    Text,

    /// <summary>Apache Parquet: a column by name, read one row group at a time.</summary>
    Parquet,
}
