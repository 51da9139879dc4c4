using System.Text.Json.Serialization;

namespace PrepGen.Cli;

/// <summary>Source-generated JSON metadata (quoting tokens for display without reflection).</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
