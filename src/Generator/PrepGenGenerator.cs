using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PrepGen.Generator.Binding;
using PrepGen.Generator.Diagnostics;
using PrepGen.Generator.Emit;
using PrepGen.Generator.Images;
using PrepGen.Generator.Model;
using PrepGen.Generator.Parsing;
using PrepGen.Generator.Records;
using PrepGen.Generator.State;
using PrepGen.Generator.Tables;

namespace PrepGen.Generator;

/// <summary>
/// Implements attributed <c>static partial</c> layer methods (docs/design.md, "Generator pipeline"):
/// parse → bind with state files → build tables → emit, every step named and value-equatable.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class PrepGenGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Reading and hashing a file does not depend on analyzer options: an .editorconfig edit must not
        // re-read every vocabulary. Only the cheap PrepGenTable flag is joined in afterwards.
        IncrementalValueProvider<ImmutableArray<string>> mappedPaths = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => IsMapped(pair.Right.GetOptions(pair.Left)))
            .Select(static (pair, _) => pair.Left.Path)
            .Collect();
        IncrementalValueProvider<ImmutableArray<StateFile>> stateFiles = context.AdditionalTextsProvider
            .Select(static (file, ct) => StateFile.Load(file, ct))
            .WithTrackingName(StepNames.StateFiles)
            .Collect()
            .Combine(mappedPaths)
            .Select(static (pair, _) => pair.Right.IsEmpty ? pair.Left : ImmutableArray.CreateRange(pair.Left, f => f.WithMapped(pair.Right.Contains(f.Path))))
            .WithComparer(StateFile.ArrayComparer);

        foreach ((string metadataName, LayerKind kind) in KnownAttributes.Layers)
        {
            RegisterLayer(context, metadataName, kind, stateFiles);
        }

        RegisterImagePipelines(context);
        RegisterFeatureRecords(context, stateFiles);
    }

    private static bool IsMapped(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions options) =>
        options.TryGetValue(StateFile.MappedMetadata, out string? value) && string.Equals(value, "mapped", StringComparison.OrdinalIgnoreCase);

    private static void RegisterFeatureRecords(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<ImmutableArray<StateFile>> stateFiles)
    {
        IncrementalValuesProvider<RecordParseResult> parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownAttributes.FeatureRecord,
                static (node, _) => node is TypeDeclarationSyntax,
                static (ctx, ct) => Guard(() => FeatureRecordParser.Parse(ctx, ct), ctx.TargetSymbol.Name, e => new RecordParseResult(null, e, FeatureRecordParser.StubOrNull(ctx, ct))))
            .WithTrackingName(StepNames.ParseRecord);

        IncrementalValuesProvider<RecordBindResult> bound = parsed
            .Where(static r => r.Spec is not null)
            .Combine(stateFiles)
            .Select(static (pair, ct) => Guard(() => FeatureRecordBinder.Bind(pair.Left.Spec!, pair.Right, ct), pair.Left.Spec!.TypeName, e => new RecordBindResult(null, e, pair.Left.Spec)))
            .WithTrackingName(StepNames.BindRecord);

        IncrementalValuesProvider<BuiltRecord> built = bound
            .Where(static r => r.Record is not null)
            .Select(static (r, ct) => BuiltRecord.Build(r.Record!, ct))
            .WithTrackingName(StepNames.BuildRecordTables);

        context.RegisterSourceOutput(parsed.Select(static (r, _) => r.Diagnostics), static (spc, d) => Report(spc, d));
        context.RegisterSourceOutput(bound.Select(static (r, _) => r.Diagnostics), static (spc, d) => Report(spc, d));
        context.RegisterSourceOutput(built, static (spc, record) =>
        {
            foreach (BuiltLayer layer in record.Layers)
            {
                if (layer.Error is not null)
                {
                    spc.ReportDiagnostic(layer.ErrorDiagnostic().ToDiagnostic());
                    EmitRecordStub(spc, record.Record.Spec);
                    return;
                }
            }

            string source = Guard(() => FeatureRecordEmitter.Emit(record), record.Record.Spec.QualifiedName, e =>
            {
                Report(spc, e);
                return "";
            });
            if (source.Length > 0)
            {
                spc.AddSource(record.Record.Spec.HintStem + ".FeatureRecord.g.cs", source);
            }
            else
            {
                EmitRecordStub(spc, record.Record.Spec);
            }
        });

        // After an error, the record still gets EncodedWidth, Encode and EncodeBatch (that throw), so its uses compile.
        context.RegisterSourceOutput(parsed.Where(static r => r.Stub is not null).Select(static (r, _) => r.Stub!), static (spc, spec) => EmitRecordStub(spc, spec));
        context.RegisterSourceOutput(bound.Where(static r => r.Failed is not null).Select(static (r, _) => r.Failed!), static (spc, spec) => EmitRecordStub(spc, spec));
    }

    private static void EmitRecordStub(SourceProductionContext context, FeatureRecordSpec spec)
    {
        string source = Guard(() => FeatureRecordEmitter.EmitStub(spec), spec.QualifiedName, e =>
        {
            Report(context, e);
            return "";
        });
        if (source.Length > 0)
        {
            context.AddSource(spec.HintStem + ".FeatureRecord.g.cs", source);
        }
    }

    private static void RegisterImagePipelines(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<ImageParseResult> pipelines = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownAttributes.ImagePipeline,
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, ct) => Guard(() => ImagePipelineParser.Parse(ctx, ct), ctx.TargetSymbol.Name, e => new ImageParseResult(null, e)))
            .WithTrackingName(StepNames.ParseImagePipeline);

        context.RegisterSourceOutput(pipelines.Select(static (r, _) => r.Diagnostics), static (spc, d) => Report(spc, d));
        context.RegisterSourceOutput(pipelines.Where(static r => r.Model is not null), static (spc, r) =>
        {
            string source = Guard(() => ImagePipelineEmitter.Emit(r.Model!), r.Model!.QualifiedName, e =>
            {
                Report(spc, e);
                return "";
            });
            if (source.Length > 0)
            {
                spc.AddSource(r.Model.HintStem + ".ImagePipeline.g.cs", source);
            }
        });
    }

    private static void RegisterLayer(
        IncrementalGeneratorInitializationContext context,
        string metadataName,
        LayerKind kind,
        IncrementalValueProvider<ImmutableArray<StateFile>> stateFiles)
    {
        IncrementalValuesProvider<ParseResult> parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                metadataName,
                static (node, _) => node is MethodDeclarationSyntax,
                (ctx, ct) => Guard(() => LayerParser.Parse(ctx, kind, ct), ctx.TargetSymbol.Name, e => new ParseResult(null, e)))
            .WithTrackingName(StepNames.Parse);

        IncrementalValuesProvider<BindResult> bound = parsed
            .Where(static r => r.Spec is not null)
            .Combine(stateFiles)
            .Select(static (pair, ct) => LayerBinder.Bind(pair.Left.Spec!, pair.Right, ct))
            .WithTrackingName(StepNames.Bind);

        IncrementalValuesProvider<BuiltLayer> built = bound
            .Where(static r => r.Model is not null)
            .Select(static (r, ct) => BuiltLayer.Build(r.Model!, ct))
            .WithTrackingName(StepNames.BuildTable);

        // Diagnostics travel in their own outputs, apart from the code.
        context.RegisterSourceOutput(parsed.Select(static (r, _) => r.Diagnostics), static (spc, d) => Report(spc, d));
        context.RegisterSourceOutput(bound.Select(static (r, _) => r.Diagnostics), static (spc, d) => Report(spc, d));
        context.RegisterSourceOutput(built, static (spc, layer) => Emit(spc, layer));

        // After an error, a stub implementation (a body that throws) keeps the rest of the user's code compiling.
        context.RegisterSourceOutput(parsed.Where(static r => r.Stub is not null).Select(static (r, _) => r.Stub!), static (spc, spec) => EmitStub(spc, spec));
        context.RegisterSourceOutput(bound.Where(static r => r.Failed is not null).Select(static (r, _) => r.Failed!), static (spc, spec) => EmitStub(spc, spec));
    }

    private static void EmitStub(SourceProductionContext context, LayerSpec spec)
    {
        string source = Guard(() => LayerEmitter.EmitStub(spec), spec.QualifiedName, e =>
        {
            Report(context, e);
            return "";
        });
        if (source.Length > 0)
        {
            context.AddSource(Names.HintName(spec), source);
        }
    }

    private static void Emit(SourceProductionContext context, BuiltLayer layer)
    {
        LayerSpec spec = layer.Model.Spec;
        if (layer.Error is not null)
        {
            context.ReportDiagnostic(layer.ErrorDiagnostic().ToDiagnostic());
            EmitStub(context, spec);
            return;
        }

        string source = Guard(() => LayerEmitter.Emit(layer), spec.QualifiedName, e =>
        {
            foreach (DiagnosticInfo d in e)
            {
                context.ReportDiagnostic(d.ToDiagnostic());
            }

            return "";
        });
        if (source.Length > 0)
        {
            context.AddSource(Names.HintName(spec), source);
        }
        else
        {
            EmitStub(context, spec);
        }
    }

    private static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (DiagnosticInfo diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }

    /// <summary>The generator never throws into the compiler: a bug becomes PG9999 naming the layer.</summary>
    internal static T Guard<T>(Func<T> work, string subject, Func<EquatableArray<DiagnosticInfo>, T> onError)
    {
        try
        {
            return work();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var diagnostic = DiagnosticInfo.Create(Descriptors.InternalError, null, subject, ex.GetType().Name + ": " + ex.Message);
            return onError(new EquatableArray<DiagnosticInfo>(new[] { diagnostic }));
        }
    }
}
