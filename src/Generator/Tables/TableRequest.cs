using System;
using System.Collections.Generic;
using System.Threading;
using PrepGen.Generator.Emit;
using PrepGen.Generator.Model;

namespace PrepGen.Generator.Tables;

/// <summary>How a vocabulary becomes a table: compiled string or integer table, or a string table the build maps.</summary>
internal enum TableKind
{
    Strings,
    Integers,
    Mapped,
}

/// <summary>
/// One layer's (or record member's) need for a lookup table: the table's key (vocabulary content hash,
/// table kind, mapped file name) and <see cref="User"/>, the asker, which picks the one request that builds
/// and emits the shared table (<see cref="TableOwners"/>). The owner's request goes to the table step with
/// its user dropped (<see cref="Owned"/>), so the table step is keyed by the table alone: Cached whatever
/// happens to the layers' code, even when the owning layer is renamed.
/// </summary>
internal sealed class TableRequest : IEquatable<TableRequest>
{
    private TableRequest(Vocabulary vocabulary, TableKind kind, string user)
    {
        Vocabulary = vocabulary;
        Kind = kind;
        User = user;
        MappedFile = kind == TableKind.Mapped ? LookupTables.MappedFileName(vocabulary.Source) : null;
        Key = kind + ":" + vocabulary.Hash + (MappedFile is null ? "" : ":" + MappedFile);
    }

    /// <summary>The tokens (compared by hash).</summary>
    public Vocabulary Vocabulary { get; }

    public TableKind Kind { get; }

    /// <summary>The file the build task writes a mapped table to, or null.</summary>
    public string? MappedFile { get; }

    /// <summary>The table's identity: kind, content hash and, for a mapped table, its file.</summary>
    public string Key { get; }

    /// <summary>The layer's unique hint stem, or the record's and the member's name.</summary>
    public string User { get; }

    /// <summary>The generated type that holds the table: <c>StringTable_</c>, <c>Int64Table_</c> or <c>MappedTable_</c> and 16 hex digits of its key.</summary>
    public string TypeName => Kind switch
    {
        TableKind.Strings => "StringTable_" + Vocabulary.Hash.Substring(0, 16),
        TableKind.Integers => "Int64Table_" + Vocabulary.Hash.Substring(0, 16),
        _ => "MappedTable_" + Hex16(Key),
    };

    /// <summary>The table a model needs, or null (no vocabulary, or Invert, which keeps its tokens in the layer).</summary>
    public static TableRequest? For(LayerModel model, string user)
    {
        Vocabulary? vocabulary = model.Vocabulary;
        if (vocabulary is null || model.Shape == CallShape.Invert)
        {
            return null;
        }

        TableKind kind = vocabulary.Strings is null ? TableKind.Integers : vocabulary.Mapped ? TableKind.Mapped : TableKind.Strings;
        return new TableRequest(vocabulary, kind, user);
    }

    /// <summary>This request as the table step's input: the key alone.</summary>
    public TableRequest Owned() => User.Length == 0 ? this : new TableRequest(Vocabulary, Kind, "");

    public bool Equals(TableRequest? other) => other is not null && Key == other.Key && User == other.User;

    public override bool Equals(object? obj) => Equals(obj as TableRequest);

    public override int GetHashCode() => Key.GetHashCode();

    private static string Hex16(string text)
    {
        using var sha = System.Security.Cryptography.SHA256.Create();
        byte[] hash = sha.ComputeHash(System.Text.Encoding.UTF8.GetBytes(text));
        var builder = new System.Text.StringBuilder(16);
        for (int i = 0; i < 8; i++)
        {
            builder.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}

/// <summary>
/// Which user builds and emits each table: the ordinally smallest <see cref="TableRequest.User"/> of its key.
/// One value for the whole compilation; each request compares itself against it in a step whose output is
/// equal unless that request's ownership changed, so adding a layer rebuilds a table only when the new layer
/// becomes its owner.
/// </summary>
internal sealed record TableOwners(EquatableArray<string> Entries)
{
    public static TableOwners Of(IEnumerable<TableRequest> requests)
    {
        var owners = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (TableRequest request in requests)
        {
            if (!owners.TryGetValue(request.Key, out string? owner) || string.CompareOrdinal(request.User, owner) < 0)
            {
                owners[request.Key] = request.User;
            }
        }

        var entries = new List<string>(owners.Count);
        foreach (KeyValuePair<string, string> pair in owners)
        {
            entries.Add(pair.Key + "\n" + pair.Value);
        }

        return new TableOwners(entries.ToEquatableArray());
    }

    /// <summary>The table job when <paramref name="request"/>'s user owns its table, else null.</summary>
    public TableRequest? Owned(TableRequest request)
    {
        string entry = request.Key + "\n" + request.User;
        foreach (string owner in Entries)
        {
            if (owner == entry)
            {
                return request.Owned();
            }
        }

        return null;
    }
}

/// <summary>
/// A built table: the BuildTable step's output, one per distinct (content hash, kind). Equality is the
/// request's: the table is a deterministic function of its tokens, so comparing it again would only cost time.
/// </summary>
internal sealed class BuiltTable : IEquatable<BuiltTable>
{
    private BuiltTable(TableRequest request, StringTableData? strings, Int64TableData? integers, DiagnosticInfo? failure)
    {
        Request = request;
        Strings = strings;
        Integers = integers;
        Failure = failure;
    }

    public TableRequest Request { get; }

    public StringTableData? Strings { get; }

    public Int64TableData? Integers { get; }

    /// <summary>An unexpected failure (a PrepGen bug, PG9999): the limits Keras vocabularies can reach are checked at bind (PG0300).</summary>
    public DiagnosticInfo? Failure { get; }

    /// <summary>What went wrong, for the table that throws it: the failure's exception text.</summary>
    public string? Error => Failure?.Arguments[Failure.Arguments.Count - 1];

    /// <summary>Runs inside <see cref="GeneratorStep"/>, which turns an exception into <see cref="Failed"/>.</summary>
    public static BuiltTable Build(TableRequest request, CancellationToken cancellationToken)
    {
        Vocabulary vocabulary = request.Vocabulary;
        return request.Kind switch
        {
            TableKind.Strings => new BuiltTable(request, LookupTables.BuildStrings(vocabulary.Strings!, cancellationToken), null, null),
            TableKind.Integers => new BuiltTable(request, null, LookupTables.BuildIntegers(vocabulary.Integers!, cancellationToken), null),
            _ => new BuiltTable(request, null, null, null),
        };
    }

    /// <summary>A table whose build failed: it is emitted as a class whose lookups throw, so its layers still compile.</summary>
    internal static BuiltTable Failed(TableRequest request, DiagnosticInfo failure) => new(request, null, null, failure);

    public bool Equals(BuiltTable? other) => other is not null && Request.Equals(other.Request) && Equals(Failure, other.Failure);

    public override bool Equals(object? obj) => Equals(obj as BuiltTable);

    public override int GetHashCode() => Request.GetHashCode();
}
