using System.Linq;
using System.Text;
using PrepGen.Generator.Model;

namespace PrepGen.Generator.Emit;

/// <summary>Names of generated files and types.</summary>
internal static class Names
{
    public const string Runtime = "global::PrepGen.Runtime";
    public const string Hash = "global::PrepGen.Hashing.KerasHash";
    public const string Span = "global::System.ReadOnlySpan";

    /// <summary>The file-local struct that holds a layer's table and index function.</summary>
    public static string LayerType(LayerSpec spec) =>
        Identifier("PrepGen_" + string.Join("_", spec.Types.Select(t => t.Name)) + "_" + spec.Method.Name);

    public static string LayerTypeReference(LayerSpec spec) =>
        "global::" + (spec.Namespace is null ? "" : spec.Namespace + ".") + LayerType(spec);

    /// <summary>An identifier as C# source: a reserved keyword gets its <c>@</c> (<c>@event</c>, <c>@class</c>).</summary>
    public static string Escape(string identifier) =>
        Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(identifier) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? "@" + identifier : identifier;

    /// <summary>A generated local's name: <paramref name="name"/>, or with '_' appended until no parameter has it.</summary>
    public static string Local(string name, System.Collections.Generic.IEnumerable<string> parameters)
    {
        var taken = new System.Collections.Generic.HashSet<string>(parameters.Select(p => p.TrimStart('@')), System.StringComparer.Ordinal);
        while (taken.Contains(name))
        {
            name += "_";
        }

        return name;
    }

    /// <summary>
    /// The namespace of the shared table types: <c>PrepGen.Generated</c> and the assembly's name as an identifier.
    /// The types are internal, and two assemblies with InternalsVisibleTo between them may compile the same
    /// vocabulary: the assembly's name keeps their table types apart (no CS0436).
    /// </summary>
    public static string TableNamespace(string assemblyName)
    {
        string name = Identifier(assemblyName.Length == 0 ? "_" : assemblyName).Replace('.', '_');
        return "global::PrepGen.Generated." + (char.IsDigit(name[0]) ? "_" + name : Escape(name));
    }

    public static string HintName(LayerSpec spec) => (spec.HintStem ?? Sanitize(spec.QualifiedName)) + ".PrepGen.g.cs";

    /// <summary>A qualified name as hint-name text: letters, digits, '_' and '.', anything else '_'.</summary>
    public static string Sanitize(string text) => Identifier(text);

    private static string Identifier(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            builder.Append(char.IsLetterOrDigit(c) || c == '_' ? c : c == '.' ? '.' : '_');
        }

        return builder.ToString();
    }
}
