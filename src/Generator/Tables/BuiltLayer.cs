using System;
using System.Threading;
using PrepGen.Generator.Model;

namespace PrepGen.Generator.Tables;

/// <summary>
/// A bound layer with its lookup table built. Equality is the model's: the table is a deterministic
/// function of the model's vocabulary, so comparing it again would only cost time.
/// </summary>
internal sealed class BuiltLayer : IEquatable<BuiltLayer>
{
    public BuiltLayer(LayerModel model, StringTableData? strings, Int64TableData? integers, string? error, MappedTableData? mapped = null, bool internalFailure = false)
    {
        InternalFailure = internalFailure;
        Mapped = mapped;
        Model = model;
        Strings = strings;
        Integers = integers;
        Error = error;
    }

    public LayerModel Model { get; }

    public StringTableData? Strings { get; }

    public Int64TableData? Integers { get; }

    /// <summary>A string table written by the build task and mapped at run time, or null.</summary>
    public MappedTableData? Mapped { get; }

    /// <summary>Why the table could not be built (a PG0300 message, or a PG9999 one when <see cref="InternalFailure"/>), or null.</summary>
    public string? Error { get; }

    /// <summary>The build failed with an unexpected exception (a PrepGen bug): reported as PG9999, never thrown into the compiler.</summary>
    public bool InternalFailure { get; }

    /// <summary>The diagnostic for <see cref="Error"/>, located at the layer.</summary>
    public DiagnosticInfo ErrorDiagnostic() => InternalFailure
        ? DiagnosticInfo.Create(Diagnostics.Descriptors.InternalError, Model.Spec.Location, Model.Spec.Subject, Error)
        : DiagnosticInfo.Create(Diagnostics.Descriptors.TableLimit, Model.Spec.Location, Model.Spec.Subject, Error);

    public static BuiltLayer Build(LayerModel model, CancellationToken cancellationToken)
    {
        Vocabulary? vocabulary = model.Vocabulary;
        if (vocabulary is null || model.Shape == CallShape.Invert)
        {
            return new BuiltLayer(model, null, null, null);
        }

        try
        {
            if (vocabulary.Mapped && vocabulary.Strings is { } mappedTokens)
            {
                return new BuiltLayer(model, null, null, null, LookupTables.DescribeMapped(vocabulary.Source, vocabulary.Hash, mappedTokens));
            }

            return vocabulary.Strings is { } strings
                ? new BuiltLayer(model, LookupTables.BuildStrings(strings, cancellationToken), null, null)
                : new BuiltLayer(model, null, LookupTables.BuildIntegers(vocabulary.Integers!, cancellationToken), null);
        }
        catch (TableLimitException ex)
        {
            return new BuiltLayer(model, null, null, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new BuiltLayer(model, null, null, ex.GetType().Name + ": " + ex.Message, internalFailure: true);
        }
    }

    public bool Equals(BuiltLayer? other) => other is not null && Model.Equals(other.Model) && Error == other.Error && InternalFailure == other.InternalFailure;

    public override bool Equals(object? obj) => Equals(obj as BuiltLayer);

    public override int GetHashCode() => Model.GetHashCode();
}
