using Microsoft.CodeAnalysis;
using PrepGen.Generator.Model;

namespace PrepGen.Generator.Parsing;

/// <summary>Reduces a Roslyn type to the <see cref="TypeKind"/> the calling shapes are written in.</summary>
internal static class TypeClassifier
{
    public static TypeKind Classify(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_Void: return TypeKind.Void;
            case SpecialType.System_String: return TypeKind.String;
            case SpecialType.System_Int64: return TypeKind.Long;
            case SpecialType.System_Int32: return TypeKind.Int;
        }

        if (type is not INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
            || named.ContainingNamespace?.ToDisplayString() != "System")
        {
            return TypeKind.Other;
        }

        SpecialType element = named.TypeArguments[0].SpecialType;
        return (named.Name, element) switch
        {
            ("ReadOnlySpan", SpecialType.System_Char) => TypeKind.CharSpan,
            ("ReadOnlySpan", SpecialType.System_Byte) => TypeKind.ByteSpan,
            ("ReadOnlySpan", SpecialType.System_String) => TypeKind.StringSpan,
            ("ReadOnlySpan", SpecialType.System_Int64) => TypeKind.LongSpan,
            ("ReadOnlySpan", SpecialType.System_Int32) => TypeKind.IntSpan,
            ("ReadOnlySpan", SpecialType.System_Single) => TypeKind.FloatSpan,
            ("Span", SpecialType.System_Int64) => TypeKind.LongOutput,
            ("Span", SpecialType.System_Single) => TypeKind.FloatOutput,
            _ => TypeKind.Other,
        };
    }

    /// <summary>How a kind is written in the supported-shapes list of PG0002.</summary>
    public static string Display(TypeKind kind) => kind switch
    {
        TypeKind.Void => "void",
        TypeKind.String => "string",
        TypeKind.CharSpan => "ReadOnlySpan<char>",
        TypeKind.ByteSpan => "ReadOnlySpan<byte>",
        TypeKind.Long => "long",
        TypeKind.Int => "int",
        TypeKind.StringSpan => "ReadOnlySpan<string>",
        TypeKind.LongSpan => "ReadOnlySpan<long>",
        TypeKind.IntSpan => "ReadOnlySpan<int>",
        TypeKind.FloatSpan => "ReadOnlySpan<float>",
        TypeKind.LongOutput => "Span<long>",
        TypeKind.FloatOutput => "Span<float>",
        _ => "?",
    };
}
