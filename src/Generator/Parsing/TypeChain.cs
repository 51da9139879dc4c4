using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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

    public static string? Namespace(ISymbol symbol) =>
        symbol.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : null;

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
        string name = type.Name + (type.TypeParameters.Length == 0 ? "" : "<" + string.Join(", ", type.TypeParameters.Select(p => p.Name)) + ">");
        return new ContainingType(keyword, name, isPartial);
    }
}
