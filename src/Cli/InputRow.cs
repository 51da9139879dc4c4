using System.Collections.Generic;

namespace PrepGen.Cli;

/// <summary>
/// One value read from a column: text, or (JSON arrays) several values of one document. A Parquet float or
/// double column also gives the <see cref="Number"/> itself, so numeric layers cast it as Keras does.
/// </summary>
internal readonly record struct Cell(string? Text, IReadOnlyList<string>? Items)
{
    public double? Number { get; init; }

    /// <summary>The column it came from, for messages.</summary>
    public string? Column { get; init; }
}

/// <summary>The selected columns of one input record and the line (or Parquet row) it starts on, 1-based.</summary>
internal readonly record struct InputRow(long Line, Cell[] Cells);
