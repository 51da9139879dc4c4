using System.IO;
using PrepGen.Cli.Inspect.Html;

namespace PrepGen.Cli.Inspect;

/// <summary>One kind of file <c>prepgen inspect</c> reads. InspectRunner asks each in turn; the first that recognises the file inspects it.</summary>
internal interface IFileInspector
{
    /// <summary>Whether the file is of this kind (from its first bytes or its text; never throws for a foreign file).</summary>
    bool Recognises(InspectedFile file);

    /// <summary>
    /// Writes the summary to <paramref name="stdout"/>, starting with the kind (the caller has written "PATH: "), and,
    /// when <paramref name="report"/> is not null, adds the kind's charts and tables to the page.
    /// </summary>
    /// <returns>0 when the file is usable, 1 when the generator or runtime would reject it.</returns>
    int Inspect(InspectedFile file, TextWriter stdout, HtmlReport? report);
}
