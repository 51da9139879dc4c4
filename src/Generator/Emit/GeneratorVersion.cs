using System.Reflection;

namespace PrepGen.Generator.Emit;

/// <summary>The version generated files name: the generator assembly's, so a release cannot forget to bump a literal.</summary>
internal static class GeneratorVersion
{
    /// <summary>
    /// The informational version (the package version) without the <c>+commit</c> suffix the SDK appends:
    /// output must not change with every commit, only with the version.
    /// </summary>
    public static string Value { get; } = Of(
        typeof(GeneratorVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion,
        typeof(GeneratorVersion).Assembly.GetName().Version);

    /// <summary>The attribute on every generated member, as a line of C#.</summary>
    public static string GeneratedCodeAttribute { get; } = "[global::System.CodeDom.Compiler.GeneratedCode(\"PrepGen\", \"" + Value + "\")]";

    /// <summary>The informational version without build metadata, or the assembly version's first three parts.</summary>
    internal static string Of(string? informationalVersion, System.Version? assemblyVersion)
    {
        string version = informationalVersion ?? assemblyVersion?.ToString(3) ?? "0.0.0";
        int metadata = version.IndexOf('+');
        return metadata < 0 ? version : version.Substring(0, metadata);
    }
}
