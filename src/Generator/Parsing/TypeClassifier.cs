using Microsoft.CodeAnalysis;
using PrepGen.Generator.Model;

namespace PrepGen.Generator.Parsing;

/// <summary>Reduces a Roslyn type to the <see cref="ValueKind"/> the calling shapes are written in.</summary>
internal static class TypeClassifier
{
    public static ValueKind Classify(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_Void: return ValueKind.Void;
            case SpecialType.System_String: return ValueKind.String;
            case SpecialType.System_Int64: return ValueKind.Long;
            case SpecialType.System_Int32: return ValueKind.Int;
            case SpecialType.System_Single: return ValueKind.Float;
        }

        if (type is not INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
            || named.ContainingNamespace?.ToDisplayString() != "System")
        {
            return ValueKind.Other;
        }

        SpecialType element = named.TypeArguments[0].SpecialType;
        return (named.Name, element) switch
        {
            ("ReadOnlySpan", SpecialType.System_Char) => ValueKind.CharSpan,
            ("ReadOnlySpan", SpecialType.System_Byte) => ValueKind.ByteSpan,
            ("ReadOnlySpan", SpecialType.System_String) => ValueKind.StringSpan,
            ("ReadOnlySpan", SpecialType.System_Int64) => ValueKind.LongSpan,
            ("ReadOnlySpan", SpecialType.System_Int32) => ValueKind.IntSpan,
            ("ReadOnlySpan", SpecialType.System_Single) => ValueKind.FloatSpan,
            ("Span", SpecialType.System_Int64) => ValueKind.LongOutput,
            ("Span", SpecialType.System_Single) => ValueKind.FloatOutput,
            _ => ValueKind.Other,
        };
    }

    /// <summary>How a kind is written in the supported-shapes list of PG0002.</summary>
    public static string Display(ValueKind kind) => kind switch
    {
        ValueKind.Void => "void",
        ValueKind.String => "string",
        ValueKind.CharSpan => "ReadOnlySpan<char>",
        ValueKind.ByteSpan => "ReadOnlySpan<byte>",
        ValueKind.Long => "long",
        ValueKind.Int => "int",
        ValueKind.StringSpan => "ReadOnlySpan<string>",
        ValueKind.LongSpan => "ReadOnlySpan<long>",
        ValueKind.IntSpan => "ReadOnlySpan<int>",
        ValueKind.FloatSpan => "ReadOnlySpan<float>",
        ValueKind.LongOutput => "Span<long>",
        ValueKind.FloatOutput => "Span<float>",
        ValueKind.Float => "float",
        _ => "?",
    };
}
