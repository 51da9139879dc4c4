using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using PrepGen.Generator.Model;

namespace PrepGen.Generator.Parsing;

/// <summary>Reads a layer attribute's named arguments into <see cref="LayerOptions"/> without judging them.</summary>
internal static class AttributeReader
{
    public static LayerOptions Read(AttributeData attribute)
    {
        var options = new LayerOptions();
        var invalid = new List<string>();
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            TypedConstant value = argument.Value;
            if (value.Kind == TypedConstantKind.Error)
            {
                invalid.Add(argument.Key);
                continue;
            }

            options = argument.Key switch
            {
                "Vocabulary" when IsArrayOf(value, SpecialType.System_String) => options with { StringVocabulary = Strings(value, invalid, argument.Key) },
                "Vocabulary" => options with { IntegerVocabulary = Longs(value) },
                "VocabularyFile" => options with { VocabularyFile = value.Value as string },
                "MaxTokens" => options with { MaxTokens = Int(value) },
                "NumOovIndices" => options with { NumOovIndices = Int(value) },
                "MaskToken" or "MaskValue" => options with { MaskToken = Token(value, invalid, argument.Key) },
                "OovToken" => options with { OovToken = Token(value, invalid, argument.Key) },
                "Invert" => options with { Invert = value.Value is true },
                "OutputMode" => options with { OutputMode = (OutputMode?)Int(value) },
                "PadToMaxTokens" => options with { PadToMaxTokens = value.Value is true },
                "IdfWeights" => options with { IdfWeights = Doubles(value) },
                "IdfWeightsFile" => options with { IdfWeightsFile = value.Value as string },
                "OovMethod" => options with { OovMethod = (OovMethod?)Int(value) },
                "Salt" => options with { Salt = Long(value) },
                "SaltPair" => options with { SaltPair = Longs(value) },
                "NumBins" => options with { NumBins = Int(value) },
                "NumTokens" => options with { NumTokens = Int(value) },
                "Standardize" => options with { Standardize = (Standardize?)Int(value) },
                "Split" => options with { Split = (Split?)Int(value) },
                "Ngrams" => options with { Ngrams = Int(value) },
                "NgramWidths" => options with { NgramWidths = Longs(value) },
                "OutputSequenceLength" => options with { OutputSequenceLength = Int(value) },
                "Mean" => options with { Mean = Doubles(value) },
                "Variance" => options with { Variance = Doubles(value) },
                "StatsFile" => options with { StatsFile = value.Value as string },
                "StatsKey" => options with { StatsKey = value.Value as string },
                "BinBoundaries" => options with { BinBoundaries = Doubles(value) },
                "Scale" => options with { Scale = Double(value) },
                "Offset" => options with { Offset = Double(value) },
                _ => options,
            };
        }

        return options with { Invalid = invalid.ToEquatableArray() };
    }

    private static bool IsArrayOf(TypedConstant value, SpecialType element) =>
        value.Type is IArrayTypeSymbol array && array.ElementType.SpecialType == element;

    private static int? Int(TypedConstant value) => value.Value is null ? null : Convert.ToInt32(value.Value);

    private static long? Long(TypedConstant value) => value.Value is null ? null : Convert.ToInt64(value.Value);

    private static double? Double(TypedConstant value) => value.Value is null ? null : Convert.ToDouble(value.Value);

    private static EquatableArray<long>? Longs(TypedConstant value) =>
        value.IsNull ? null : value.Values.Select(v => Convert.ToInt64(v.Value)).ToEquatableArray();

    private static EquatableArray<double>? Doubles(TypedConstant value) =>
        value.IsNull ? null : value.Values.Select(v => Convert.ToDouble(v.Value)).ToEquatableArray();

    private static EquatableArray<string>? Strings(TypedConstant value, List<string> invalid, string name)
    {
        if (value.IsNull)
        {
            return null;
        }

        if (value.Values.Any(v => v.Value is null))
        {
            invalid.Add(name + " (null element)");
        }

        return value.Values.Select(v => v.Value as string ?? "").ToEquatableArray();
    }

    private static OptionalToken? Token(TypedConstant value, List<string> invalid, string name)
    {
        switch (value.Value)
        {
            case null:
                return null;
            case string text:
                return new OptionalToken(text, null);
            case sbyte or byte or short or ushort or int or uint or long:
                return new OptionalToken(null, Convert.ToInt64(value.Value));
            default:
                invalid.Add(name + " (" + value.Type?.ToDisplayString() + ")");
                return null;
        }
    }
}
