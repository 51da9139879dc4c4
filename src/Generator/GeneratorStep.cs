using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using PrepGen.Generator.Diagnostics;
using PrepGen.Generator.Model;

namespace PrepGen.Generator;

/// <summary>
/// The one failure boundary every pipeline step runs in (parse, bind, table build, emit; docs/design.md, "Pipeline"):
/// <list type="bullet">
/// <item>under the invariant culture, restored afterwards, so no number, literal or message depends on the
/// machine that builds (a "de-DE" build writes <c>0.5f</c>, not <c>0,5f</c>; an "ar-SA" build writes <c>-1</c>);</item>
/// <item>an unexpected exception becomes PG9999 naming the subject, at its location when the step has one (parse
/// and bind; the table and emit steps are keyed on location-free models), so the rest of the user's code compiles.
/// Cancellation passes through.</item>
/// </list>
/// </summary>
internal static class GeneratorStep
{
    public static T Run<T>(string subject, Func<LocationInfo?> locate, Func<T> step, Func<EquatableArray<DiagnosticInfo>, T> onError)
    {
        // RS1035 bans the current culture in analyzers so messages do not depend on it: this is the one place that
        // sets it, to the invariant culture, for exactly that reason. (Set on this thread only, and restored.)
#pragma warning disable RS1035
        CultureInfo culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
#pragma warning restore RS1035
        try
        {
            return step();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var diagnostic = DiagnosticInfo.Create(Descriptors.InternalError, locate(), subject, ex.GetType().Name + ": " + ex.Message);
            return onError(new EquatableArray<DiagnosticInfo>(new[] { diagnostic }));
        }
        finally
        {
#pragma warning disable RS1035
            CultureInfo.CurrentCulture = culture;
#pragma warning restore RS1035
        }
    }

    /// <summary>For the steps whose inputs hold no location (tables, emit): the diagnostic names the subject only.</summary>
    public static LocationInfo? Unlocated() => null;

    /// <summary>Where a parse step's failure points: the attribute that started it.</summary>
    public static LocationInfo? AttributeOf(GeneratorAttributeSyntaxContext context) =>
        LocationInfo.From(context.Attributes.Length > 0 ? context.Attributes[0].ApplicationSyntaxReference?.GetSyntax() : context.TargetNode);

    /// <summary>
    /// Emits one generated file through the boundary: adds the source, or reports PG9999 and returns false
    /// (the caller then emits a stub where the user's code needs one).
    /// </summary>
    public static bool AddSource(SourceProductionContext context, string hintName, string subject, Func<string> emit)
    {
        string? source = Run<string?>(subject, Unlocated, emit, errors =>
        {
            foreach (DiagnosticInfo error in errors)
            {
                context.ReportDiagnostic(error.ToDiagnostic());
            }

            return null;
        });
        if (source is null)
        {
            return false;
        }

        context.AddSource(hintName, source);
        return true;
    }
}
