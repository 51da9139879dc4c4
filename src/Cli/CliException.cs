using System;

namespace PrepGen.Cli;

/// <summary>A user-facing error: printed as one message, exit code 1, no stack trace.</summary>
internal sealed class CliException(string message) : Exception(message);
