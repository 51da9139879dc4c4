using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PrepGen.Generator.Diagnostics;
using PrepGen.Generator.Model;

namespace PrepGen.Generator.Parsing;

/// <summary>The parse step's output: a spec to bind, or diagnostics (or both empty for a duplicate attribute).</summary>
internal sealed record ParseResult(LayerSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics, LayerSpec? Stub = null)
{
    /// <summary>Where the layer's bind diagnostics point (its attribute): beside the spec, never in it.</summary>
    public LocationInfo? Location { get; init; }
}

/// <summary>Turns one attributed method into a <see cref="LayerSpec"/>: syntax and symbols in, plain data out.</summary>
internal static class LayerParser
{
    // Fully qualified, with '?' on nullable reference types so the partial signatures agree exactly.
    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static ParseResult Parse(GeneratorAttributeSyntaxContext context, LayerKind kind, CancellationToken cancellationToken)
    {
        var method = (IMethodSymbol)context.TargetSymbol;
        var syntax = (MethodDeclarationSyntax)context.TargetNode;
        AttributeData attribute = context.Attributes[0];
        LocationInfo? location = LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken)) ?? LocationInfo.From(syntax.Identifier.GetLocation());

        // Several layer attributes: the first one reports, the others stay silent so the error shows once.
        AttributeData[] layers = method.GetAttributes().Where(a => KnownAttributes.IsLayer(a.AttributeClass)).ToArray();
        if (layers.Length > 1)
        {
            if (!SymbolEqualityComparer.Default.Equals(layers[0].AttributeClass, attribute.AttributeClass))
            {
                return new ParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
            }

            string names = string.Join(", ", layers.Select(a => a.AttributeClass!.Name));
            ParseResult failed = Fail(DiagnosticInfo.Create(Descriptors.MultipleLayers, location, method.Name, names));
            return Describe(context, method, syntax, kind, attribute, cancellationToken) is { } stub && Implementable(stub) ? failed with { Stub = stub } : failed;
        }

        // Types the compiler cannot resolve are its errors to report; a PrepGen shape error would only add noise.
        if (method.ReturnType.TypeKind == Microsoft.CodeAnalysis.TypeKind.Error
            || method.Parameters.Any(p => p.Type.TypeKind == Microsoft.CodeAnalysis.TypeKind.Error))
        {
            return new ParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        LayerSpec spec = Describe(context, method, syntax, kind, attribute, cancellationToken)!;
        MethodSignature signature = spec.Method;
        if (!signature.IsStatic || !signature.IsPartial || signature.IsGeneric || spec.Types.Any(t => !t.IsPartial))
        {
            string why = "a layer method must be a static partial method without a body, declared in partial types, but " + string.Join("; ", Problems(signature, spec.Types));
            ParseResult failed = Fail(DiagnosticInfo.Create(Descriptors.NotStaticPartial, LocationInfo.From(syntax.Identifier.GetLocation()), method.Name, why));
            bool instanceInStatic = !method.IsStatic && method.ContainingType.IsStatic;   // the compiler reports it (CS0708)
            return Implementable(spec) && !instanceInStatic ? failed with { Stub = spec } : failed;
        }

        return new ParseResult(spec, EquatableArray<DiagnosticInfo>.Empty) { Location = location };
    }

    /// <summary>
    /// A partial definition without a body, non-generic, in partial types, whose parameters the stub can
    /// repeat: after an error its implementation can be a body that throws, so the only error is PrepGen's.
    /// </summary>
    private static bool Implementable(LayerSpec spec) =>
        spec.Method.IsPartial && !spec.Method.IsGeneric && spec.Types.All(t => t.IsPartial);

    private static LayerSpec? Describe(GeneratorAttributeSyntaxContext context, IMethodSymbol method, MethodDeclarationSyntax syntax, LayerKind kind, AttributeData attribute, CancellationToken cancellationToken)
    {
        _ = context;
        List<ContainingType> types = TypeChain.From(method.ContainingType, cancellationToken);
        var signature = new MethodSignature(
            method.Name,
            syntax.Modifiers.ToString(),
            TypeClassifier.Classify(method.ReturnType),
            method.ReturnType.ToDisplayString(TypeFormat),
            method.Parameters.Select(p => new Parameter(
                p.RefKind == RefKind.None ? TypeClassifier.Classify(p.Type) : ValueKind.Other,
                Emit.Names.Escape(p.Name),
                Prefix(method, p) + p.Type.ToDisplayString(TypeFormat))).ToEquatableArray(),
            method.IsStatic,
            method.IsPartialDefinition && syntax.Body is null && syntax.ExpressionBody is null,
            method.IsGenericMethod);

        string? ns = TypeChain.Namespace(method);
        var spec = new LayerSpec(kind, ns, types.ToEquatableArray(), signature, AttributeReader.Read(attribute));
        return spec with { HintStem = TypeChain.HintStem(method, spec.QualifiedName) };
    }

    /// <summary>What the parameter's declaration repeats before its type: <c>this</c>, <c>params</c>, a ref kind (which fits no calling shape).</summary>
    private static string Prefix(IMethodSymbol method, IParameterSymbol p) =>
        (method.IsExtensionMethod && p.Ordinal == 0 ? "this " : "") + (p.IsParams ? "params " : "") + p.RefKind switch
        {
            RefKind.Ref => "ref ",
            RefKind.Out => "out ",
            RefKind.In => "in ",
            RefKind.RefReadOnlyParameter => "ref readonly ",
            _ => "",
        };

    private static ParseResult Fail(DiagnosticInfo diagnostic) => new(null, new EquatableArray<DiagnosticInfo>(new[] { diagnostic }));

    private static IEnumerable<string> Problems(MethodSignature method, EquatableArray<ContainingType> types)
    {
        if (!method.IsStatic)
        {
            yield return "the method is not static";
        }

        if (!method.IsPartial)
        {
            yield return "the method is not a partial declaration without a body";
        }

        if (method.IsGeneric)
        {
            yield return "the method is generic";
        }

        foreach (ContainingType type in types.Where(t => !t.IsPartial))
        {
            yield return "type '" + type.Name + "' is not partial";
        }
    }
}
