using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PrepGen.Generator.Emit;
using PrepGen.Generator.Model;

namespace PrepGen.Generator.Parsing;

/// <summary>The chain of types a generated member is declared in, outermost first, as plain data.</summary>
internal static class TypeChain
{
    public static List<ContainingType> From(INamedTypeSymbol? innermost, CancellationToken cancellationToken)
    {
        var types = new List<ContainingType>();
        for (INamedTypeSymbol? type = innermost; type is not null; type = type.ContainingType)
        {
            types.Insert(0, Describe(type, cancellationToken));
        }

        return types;
    }

    /// <summary>The namespace as C# source (keyword segments escaped: <c>@class.Demo</c>), or null for the global namespace.</summary>
    public static string? Namespace(ISymbol symbol)
    {
        var segments = new List<string>();
        for (INamespaceSymbol? n = symbol.ContainingNamespace; n is { IsGlobalNamespace: false }; n = n.ContainingNamespace)
        {
            segments.Insert(0, Names.Escape(n.Name));
        }

        return segments.Count == 0 ? null : string.Join(".", segments);
    }

    /// <summary>
    /// The stem of a generated file's hint name: the readable qualified name, plus a hash of the symbol's exact
    /// identity when the readable name could be shared by another symbol. Hint names are compared ignoring
    /// case and allow only file-name characters, so that is when the name was sanitized (generic arity,
    /// escaped keywords), when the method is overloaded, or when a sibling at any level differs only in case.
    /// </summary>
    public static string HintStem(ISymbol symbol, string qualifiedName)
    {
        string readable = Names.Sanitize(qualifiedName);
        if (readable == qualifiedName && !Shared(symbol))
        {
            return readable;
        }

        string identity = symbol switch
        {
            IMethodSymbol m => m.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + m.Name + "(" +
                string.Join(",", m.Parameters.Select(p => p.RefKind + " " + p.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))) + ")`" + m.Arity,
            _ => symbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
        };
        using var sha = SHA256.Create();
        byte[] hash = sha.ComputeHash(Encoding.UTF8.GetBytes(identity));
        var builder = new StringBuilder(readable.Length + 17).Append(readable).Append('-');
        for (int i = 0; i < 8; i++)
        {
            builder.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    /// <summary>Another symbol whose readable name is the same ignoring case: an overload, or a case variant at any level.</summary>
    private static bool Shared(ISymbol symbol)
    {
        if (symbol is IMethodSymbol method
            && method.ContainingType.GetMembers().Count(m => m is IMethodSymbol && string.Equals(m.Name, method.Name, StringComparison.OrdinalIgnoreCase)) > 1)
        {
            return true;
        }

        for (ISymbol? s = symbol is IMethodSymbol ? symbol.ContainingType : symbol; s is not null and not INamespaceSymbol { IsGlobalNamespace: true }; s = (ISymbol?)s.ContainingType ?? s.ContainingNamespace)
        {
            IEnumerable<ISymbol> siblings = s.ContainingType is { } outer
                ? outer.GetTypeMembers()
                : s.ContainingNamespace is { } ns ? ns.GetMembers().Cast<ISymbol>() : Enumerable.Empty<ISymbol>();
            if (siblings.Any(t => !SymbolEqualityComparer.Default.Equals(t, s) && string.Equals(t.Name, s.Name, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    private static ContainingType Describe(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        bool isPartial = type.DeclaringSyntaxReferences.Any(r =>
            r.GetSyntax(cancellationToken) is TypeDeclarationSyntax d && d.Modifiers.Any(SyntaxKind.PartialKeyword));
        string keyword = type.IsRecord
            ? (type.IsValueType ? "record struct" : "record")
            : type.TypeKind switch
            {
                Microsoft.CodeAnalysis.TypeKind.Struct => "struct",
                Microsoft.CodeAnalysis.TypeKind.Interface => "interface",
                _ => "class",
            };
        string name = Names.Escape(type.Name) + (type.TypeParameters.Length == 0 ? "" : "<" + string.Join(", ", type.TypeParameters.Select(p => Names.Escape(p.Name))) + ">");
        return new ContainingType(keyword, name, isPartial);
    }
}
