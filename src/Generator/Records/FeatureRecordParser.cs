using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PrepGen.Generator.Binding;
using PrepGen.Generator.Diagnostics;
using PrepGen.Generator.Model;
using PrepGen.Generator.Parsing;

namespace PrepGen.Generator.Records;

/// <summary>The parse step's output for a feature record.</summary>
internal sealed record RecordParseResult(FeatureRecordSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics, FeatureRecordSpec? Stub = null)
{
    /// <summary>Where each member's diagnostics point (its layer attribute), parallel to the spec's members; apart from the spec, as for layers.</summary>
    public EquatableArray<MemberLocation> Locations { get; init; } = EquatableArray<MemberLocation>.Empty;
}

/// <summary>
/// Reads a <c>[FeatureRecord]</c> type: every property or field with a layer attribute becomes a member
/// encoder. Each member gets a synthesized method signature (from its type and the layer's output mode)
/// that goes through the same binder, tables and emitters as a layer method, so a record member and a
/// method with the same attribute behave identically.
/// </summary>
internal static class FeatureRecordParser
{
    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static RecordParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var syntax = (TypeDeclarationSyntax)context.TargetNode;
        var diagnostics = new List<DiagnosticInfo>();
        LocationInfo? typeLocation = LocationInfo.From(syntax.Identifier.GetLocation());

        List<ContainingType> types = TypeChain.From(type, cancellationToken);
        if (types.Any(t => !t.IsPartial) || type.TypeParameters.Length > 0 || type.IsStatic)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.NotStaticPartial, typeLocation, type.Name,
                "a [FeatureRecord] must be a non-generic, non-static partial class, struct or record, in partial types"));
            return new RecordParseResult(null, diagnostics.ToEquatableArray());
        }

        string? ns = TypeChain.Namespace(type);
        var members = new List<RecordMember>();
        var locations = new List<MemberLocation>();
        foreach (ISymbol member in type.GetMembers().Where(m => !m.IsStatic && !m.IsImplicitlyDeclared && m is IPropertySymbol or IFieldSymbol))
        {
            AttributeData[] layers = member.GetAttributes().Where(a => KnownAttributes.IsLayer(a.AttributeClass)).ToArray();
            if (layers.Length == 0)
            {
                continue;
            }

            LocationInfo? at = LocationInfo.From(layers[0].ApplicationSyntaxReference?.GetSyntax(cancellationToken));
            if (layers.Length > 1)
            {
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.MultipleLayers, at, member.Name, string.Join(", ", layers.Select(a => a.AttributeClass!.Name))));
                continue;
            }

            LayerKind kind = KnownAttributes.Layers.First(l => l.MetadataName == layers[0].AttributeClass!.ToDisplayString()).Kind;
            ITypeSymbol memberType = member is IPropertySymbol p ? p.Type : ((IFieldSymbol)member).Type;
            LayerOptions options = AttributeReader.Read(layers[0]);
            RecordMember? encoded = Synthesize(member.Name, memberType, kind, options, ns, types);
            if (encoded is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.UnsupportedMemberType, at, member.Name, memberType.ToDisplayString(), kind));
                continue;
            }

            members.Add(encoded);
            locations.Add(new MemberLocation(at));
        }

        if (members.Count == 0 && diagnostics.Count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.RecordWithoutMembers, typeLocation, type.Name));
        }

        return diagnostics.Count > 0
            ? new RecordParseResult(null, diagnostics.ToEquatableArray(), Spec(new FeatureRecordSpec(ns, types.ToEquatableArray(), type.Name, EquatableArray<RecordMember>.Empty, IntegerOutput(context)), type))
            : new RecordParseResult(Spec(new FeatureRecordSpec(ns, types.ToEquatableArray(), type.Name, members.ToEquatableArray(), IntegerOutput(context)), type), EquatableArray<DiagnosticInfo>.Empty)
            {
                Locations = locations.ToEquatableArray(),
            };
    }

    /// <summary>The record's frame for a stub (no members), or null when the type cannot take generated members.</summary>
    public static FeatureRecordSpec? StubOrNull(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        try
        {
            var type = (INamedTypeSymbol)context.TargetSymbol;
            List<ContainingType> types = TypeChain.From(type, cancellationToken);
            if (types.Any(t => !t.IsPartial) || type.TypeParameters.Length > 0 || type.IsStatic)
            {
                return null;
            }

            return Spec(new FeatureRecordSpec(TypeChain.Namespace(type), types.ToEquatableArray(), type.Name, EquatableArray<RecordMember>.Empty, IntegerOutput(context)), type);
        }
        catch (System.Exception ex) when (ex is not System.OperationCanceledException)
        {
            return null;
        }
    }

    private static FeatureRecordSpec Spec(FeatureRecordSpec spec, INamedTypeSymbol type) => spec with { HintStem = TypeChain.HintStem(type, spec.QualifiedName) };

    private static bool IntegerOutput(GeneratorAttributeSyntaxContext context) =>
        context.Attributes.Length > 0
        && context.Attributes[0].NamedArguments.Any(a => a.Key == "IntegerOutput" && a.Value.Value is true);

    /// <summary>Finds the first calling shape of the layer that the member's type can feed.</summary>
    private static RecordMember? Synthesize(string name, ITypeSymbol type, LayerKind kind, LayerOptions options, string? ns, List<ContainingType> types)
    {
        if (type is INamedTypeSymbol { IsTupleType: true } tuple)
        {
            return Tuple(name, tuple, kind, options, ns, types);
        }

        (ValueKind element, MemberAccess access, bool sequence) = Describe(type);
        if (element == ValueKind.Other)
        {
            return null;
        }

        OutputMode defaultMode = kind == LayerKind.CategoryEncoding ? OutputMode.MultiHot : OutputMode.Int;
        OutputMode mode = options.OutputMode ?? defaultMode;
        IReadOnlyList<ShapeDefinition> shapes = ShapeCatalog.For(kind, mode, invert: false);
        foreach ((MethodSignature candidate, bool singleElement) in Candidates("Encode_" + name, element, sequence))
        {
            if (ShapeCatalog.Match(shapes, candidate) is not null)
            {
                var spec = new LayerSpec(kind, ns, types.ToEquatableArray(), candidate, options) { MemberName = name };
                return new RecordMember(name, spec, singleElement ? MemberAccess.SingleElementSpan : access);
            }
        }

        return null;
    }

    /// <summary>A tuple member feeds a multi-input layer (HashedCrossing): one parameter per item.</summary>
    private static RecordMember? Tuple(string name, INamedTypeSymbol tuple, LayerKind kind, LayerOptions options, string? ns, List<ContainingType> types)
    {
        ValueKind[] items = tuple.TupleElements.Select(e => Scalar(e.Type)).ToArray();
        if (items.Any(k => k == ValueKind.Other))
        {
            return null;
        }

        var mode = (OutputMode)(options.OutputMode ?? (int)OutputMode.Int);
        IReadOnlyList<ShapeDefinition> shapes = ShapeCatalog.For(kind, mode, invert: false);
        var inputs = items.Select((k, i) => (k, "item" + (i + 1))).ToArray();
        MethodSignature[] candidates =
        {
            Signature("Encode_" + name, ValueKind.Long, inputs),
            Signature("Encode_" + name, ValueKind.Void, inputs.Append((ValueKind.FloatOutput, "output")).ToArray()),
        };
        MethodSignature? match = candidates.FirstOrDefault(c => ShapeCatalog.Match(shapes, c) is not null);
        return match is null ? null : new RecordMember(name, new LayerSpec(kind, ns, types.ToEquatableArray(), match, options) { MemberName = name }, MemberAccess.TupleItems);
    }

    /// <summary>The signatures a member could feed, most specific first; singleElement passes one float as a span.</summary>
    private static IEnumerable<(MethodSignature Signature, bool SingleElement)> Candidates(string name, ValueKind element, bool sequence)
    {
        if (sequence)
        {
            ValueKind span = element switch
            {
                ValueKind.String => ValueKind.StringSpan,
                ValueKind.Long => ValueKind.LongSpan,
                ValueKind.Float => ValueKind.FloatSpan,
                _ => ValueKind.Other,
            };
            yield return (Signature(name, ValueKind.Void, (span, "values"), (ValueKind.FloatOutput, "output")), false);
            yield break;
        }

        yield return (Signature(name, ValueKind.Long, (element, "value")), false);
        yield return (Signature(name, ValueKind.Void, (element, "value"), (ValueKind.FloatOutput, "output")), false);
        yield return (Signature(name, ValueKind.Int, (element, "value"), (ValueKind.LongOutput, "ids")), false);
        if (element == ValueKind.Float)
        {
            // Normalization, Rescaling and multi-hot Discretization take a span: one feature is a span of one.
            yield return (Signature(name, ValueKind.Void, (ValueKind.FloatSpan, "values"), (ValueKind.FloatOutput, "output")), true);
        }
    }

    private static MethodSignature Signature(string name, ValueKind returns, params (ValueKind Kind, string Name)[] parameters) =>
        new(name, "private static", returns, Display(returns),
            parameters.Select(p => new Parameter(p.Kind, p.Name, Display(p.Kind))).ToEquatableArray(),
            IsStatic: true, IsPartial: true, IsGeneric: false);

    private static string Display(ValueKind kind) => kind switch
    {
        ValueKind.Void => "void",
        ValueKind.String => "string",
        ValueKind.Long => "long",
        ValueKind.Int => "int",
        ValueKind.StringSpan => "global::System.ReadOnlySpan<string>",
        ValueKind.LongSpan => "global::System.ReadOnlySpan<long>",
        ValueKind.Float => "float",
        ValueKind.FloatSpan => "global::System.ReadOnlySpan<float>",
        ValueKind.LongOutput => "global::System.Span<long>",
        ValueKind.FloatOutput => "global::System.Span<float>",
        _ => "object",
    };

    /// <summary>The element kind of a member type, and whether it is a sequence (T[] or ReadOnlyMemory&lt;T&gt;).</summary>
    private static (ValueKind Element, MemberAccess Access, bool Sequence) Describe(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol { Rank: 1 } array)
        {
            return (Scalar(array.ElementType), MemberAccess.Direct, true);
        }

        if (type is INamedTypeSymbol { Name: "ReadOnlyMemory", TypeArguments.Length: 1 } memory && memory.ContainingNamespace?.ToDisplayString() == "System")
        {
            return (Scalar(memory.TypeArguments[0]), MemberAccess.MemorySpan, true);
        }

        return (Scalar(type), MemberAccess.Direct, false);
    }

    private static ValueKind Scalar(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_String => ValueKind.String,
        SpecialType.System_Int64 => ValueKind.Long,
        SpecialType.System_Int32 => ValueKind.Int,
        SpecialType.System_Single => ValueKind.Float,
        _ => ValueKind.Other,
    };
}
