using System;

namespace PrepGen.Import;

/// <summary>
/// A saved model that cannot be imported, with a message meant for the user: it names the file, the layer
/// (name and class) where that applies, and the reason. The importer writes nothing when it throws this.
/// </summary>
public sealed class KerasImportException : Exception
{
    /// <summary>Creates the exception with a user-facing message.</summary>
    public KerasImportException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a user-facing message and the error that caused it.</summary>
    public KerasImportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message (for serializers).</summary>
    public KerasImportException()
    {
    }

    /// <summary>A refusal that names the layer: "layer 'name' (Class): reason".</summary>
    internal static KerasImportException Layer(string name, string className, string reason) =>
        new($"layer '{name}' ({className}): {reason}");
}
