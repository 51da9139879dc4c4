using System.Collections.Generic;

namespace PrepGen.Cli;

/// <summary>One value read from a column: text, or (JSON arrays) several values of one document.</summary>
internal readonly record struct Cell(string? Text, IReadOnlyList<string>? Items);

/// <summary>The selected columns of one input record and the line it starts on (1-based).</summary>
internal readonly record struct InputRow(long Line, Cell[] Cells);
