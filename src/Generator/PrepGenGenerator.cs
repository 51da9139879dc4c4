using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
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
/// Implements attributed <c>static partial</c> layer methods (docs/design.md, "Pipeline"): parse → resolve
/// the state files a layer names → bind → emit the layer; and, shared by every layer over one vocabulary,
/// build → emit its table. Every step is named and value-equatable, and no step after Parse holds a location
/// except beside the diagnostics.
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
            .Select(static (file, ct) => GeneratorStep.Run(
                file.Path, GeneratorStep.Unlocated, () => StateFile.Load(file, ct), _ => StateFile.Unreadable(file.Path, "PrepGen failed while reading it (PG9999)")))
            .WithTrackingName(StepNames.StateFiles)
            .Collect()
            .Combine(mappedPaths)
            .Select(static (pair, _) => pair.Right.IsEmpty ? pair.Left : ImmutableArray.CreateRange(pair.Left, f => f.WithMapped(pair.Right.Contains(f.Path))))
            .WithComparer(StateFile.ArrayComparer);

        // The shared tables' namespace comes from the assembly's name; the step is re-run per compilation, but
        // its output is a string that stays equal, so nothing downstream re-runs.
        IncrementalValueProvider<string> assemblyName = context.CompilationProvider
            .Select(static (compilation, _) => compilation.AssemblyName ?? "");

        var tableRequests = new List<IncrementalValuesProvider<TableRequest>>();
        foreach ((string metadataName, LayerKind kind) in KnownAttributes.Layers)
        {
            tableRequests.Add(RegisterLayer(context, metadataName, kind, stateFiles, assemblyName));
        }

        RegisterImagePipelines(context);
        tableRequests.Add(RegisterFeatureRecords(context, stateFiles, assemblyName));
        RegisterTables(context, tableRequests, assemblyName);
    }

    /// <summary>
    /// One table per distinct (vocabulary content hash, table kind): every layer and record member asks for its
    /// table; the ordinally first asker of each (<see cref="TableOwners"/>) owns it, and only owned requests,
    /// with the asker dropped, reach BuildTable. So the table step is keyed by the table alone and shared.
    /// </summary>
    private static void RegisterTables(IncrementalGeneratorInitializationContext context, List<IncrementalValuesProvider<TableRequest>> requests, IncrementalValueProvider<string> assemblyName)
    {
        IncrementalValueProvider<ImmutableArray<TableRequest>> all = requests[0].Collect();
        for (int i = 1; i < requests.Count; i++)
        {
            all = all.Combine(requests[i].Collect()).Select(static (pair, _) => pair.Left.AddRange(pair.Right));
        }

        IncrementalValueProvider<TableOwners> owners = all
            .Select(static (list, _) => TableOwners.Of(list))
            .WithTrackingName(StepNames.TableOwners);

        foreach (IncrementalValuesProvider<TableRequest> stream in requests)
        {
            IncrementalValuesProvider<BuiltTable> built = stream
                .Combine(owners)
                .Select(static (pair, _) => pair.Right.Owned(pair.Left))
                .WithTrackingName(StepNames.ShareTable)
                .Where(static request => request is not null)
                .Select(static (request, ct) => GeneratorStep.Run(
                    TableSubject(request!), GeneratorStep.Unlocated, () => BuiltTable.Build(request!, ct), errors => BuiltTable.Failed(request!, errors[0])))
                .WithTrackingName(StepNames.BuildTable);
            context.RegisterSourceOutput(built.Combine(assemblyName), static (spc, pair) => EmitTable(spc, pair.Left, pair.Right));
        }
    }

    private static void EmitTable(SourceProductionContext context, BuiltTable table, string assemblyName)
    {
        if (table.Failure is { } failure)
        {
            context.ReportDiagnostic(failure.ToDiagnostic());
        }

        GeneratorStep.AddSource(context, TableDataEmitter.HintName(table.Request), TableSubject(table.Request), () => TableDataEmitter.Emit(table, assemblyName));
    }

    /// <summary>A table is shared, so its failures name the vocabulary, not a layer.</summary>
    private static string TableSubject(TableRequest request) => "the lookup table of " + request.Vocabulary.Source;

    private static bool IsMapped(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions options) =>
        options.TryGetValue(StateFile.MappedMetadata, out string? value) && string.Equals(value, "mapped", StringComparison.OrdinalIgnoreCase);

    private static IncrementalValuesProvider<TableRequest> RegisterFeatureRecords(
        IncrementalGeneratorInitializationContext context,
        IncrementalValueProvider<ImmutableArray<StateFile>> stateFiles,
        IncrementalValueProvider<string> assemblyName)
    {
        IncrementalValuesProvider<RecordParseResult> parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownAttributes.FeatureRecord,
                static (node, _) => node is TypeDeclarationSyntax,
                static (ctx, ct) => GeneratorStep.Run(ctx.TargetSymbol.Name, () => GeneratorStep.AttributeOf(ctx), () => FeatureRecordParser.Parse(ctx, ct), e => new RecordParseResult(null, e, FeatureRecordParser.StubOrNull(ctx, ct))))
            .WithTrackingName(StepNames.ParseRecord);

        IncrementalValuesProvider<RecordBindInput> inputs = parsed
            .Where(static r => r.Spec is not null)
            .Combine(stateFiles)
            .Select(static (pair, _) => RecordBindInput.Resolve(pair.Left, pair.Right))
            .WithTrackingName(StepNames.ResolveRecord);

        IncrementalValuesProvider<RecordBindResult> bound = inputs
            .Select(static (input, ct) => GeneratorStep.Run(
                input.Spec.TypeName, () => input.Locations.Count > 0 ? input.Locations[0].At : null, () => FeatureRecordBinder.Bind(input, ct), e => new RecordBindResult(null, e, input.Spec)))
            .WithTrackingName(StepNames.BindRecord);

        IncrementalValuesProvider<BoundRecord> records = bound
            .Where(static r => r.Record is not null)
            .Select(static (r, _) => r.Record!);

        context.RegisterSourceOutput(parsed.Select(static (r, _) => r.Diagnostics), static (spc, d) => Report(spc, d));
        context.RegisterSourceOutput(bound.Select(static (r, _) => r.Diagnostics), static (spc, d) => Report(spc, d));
        context.RegisterSourceOutput(records.Combine(assemblyName), static (spc, pair) =>
        {
            BoundRecord record = pair.Left;
            if (!GeneratorStep.AddSource(spc, record.Spec.HintStem + ".FeatureRecord.g.cs", record.Spec.QualifiedName, () => FeatureRecordEmitter.Emit(record, pair.Right)))
            {
                EmitRecordStub(spc, record.Spec);
            }
        });

        // After an error, the record still gets EncodedWidth, Encode and EncodeBatch (that throw), so its uses compile.
        context.RegisterSourceOutput(parsed.Where(static r => r.Stub is not null).Select(static (r, _) => r.Stub!), static (spc, spec) => EmitRecordStub(spc, spec));
        context.RegisterSourceOutput(bound.Where(static r => r.Failed is not null).Select(static (r, _) => r.Failed!), static (spc, spec) => EmitRecordStub(spc, spec));

        // Each member with a vocabulary asks for its table; '#' appears in no hint stem, so a member never names a layer.
        return records.SelectMany(static (record, _) => record.Models
            .Select(m => TableRequest.For(m, record.Spec.HintStem + "#" + m.Spec.MemberName))
            .Where(r => r is not null)
            .Select(r => r!)
            .ToImmutableArray());
    }

    private static void EmitRecordStub(SourceProductionContext context, FeatureRecordSpec spec) =>
        GeneratorStep.AddSource(context, spec.HintStem + ".FeatureRecord.g.cs", spec.QualifiedName, () => FeatureRecordEmitter.EmitStub(spec));

    private static void RegisterImagePipelines(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<ImageParseResult> pipelines = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownAttributes.ImagePipeline,
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, ct) => GeneratorStep.Run(ctx.TargetSymbol.Name, () => GeneratorStep.AttributeOf(ctx), () => ImagePipelineParser.Parse(ctx, ct), e => new ImageParseResult(null, e)))
            .WithTrackingName(StepNames.ParseImagePipeline);

        context.RegisterSourceOutput(pipelines.Select(static (r, _) => r.Diagnostics), static (spc, d) => Report(spc, d));
        context.RegisterSourceOutput(pipelines.Where(static r => r.Model is not null).Select(static (r, _) => r.Model!), static (spc, model) =>
            GeneratorStep.AddSource(spc, model.HintStem + ".ImagePipeline.g.cs", model.QualifiedName, () => ImagePipelineEmitter.Emit(model)));
    }

    private static IncrementalValuesProvider<TableRequest> RegisterLayer(
        IncrementalGeneratorInitializationContext context,
        string metadataName,
        LayerKind kind,
        IncrementalValueProvider<ImmutableArray<StateFile>> stateFiles,
        IncrementalValueProvider<string> assemblyName)
    {
        IncrementalValuesProvider<ParseResult> parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                metadataName,
                static (node, _) => node is MethodDeclarationSyntax,
                (ctx, ct) => GeneratorStep.Run(ctx.TargetSymbol.Name, () => GeneratorStep.AttributeOf(ctx), () => LayerParser.Parse(ctx, kind, ct), e => new ParseResult(null, e)))
            .WithTrackingName(StepNames.Parse);

        // Resolve re-runs whenever any state file changes, but yields an equal input unless a file this layer names
        // changed: Bind (the Keras rules, the vocabulary checks) stays Cached.
        IncrementalValuesProvider<BindInput> inputs = parsed
            .Where(static r => r.Spec is not null)
            .Combine(stateFiles)
            .Select(static (pair, _) => BindInput.Resolve(pair.Left.Spec!, pair.Left.Location, pair.Right))
            .WithTrackingName(StepNames.Resolve);

        IncrementalValuesProvider<BindResult> bound = inputs
            .Select(static (input, ct) => GeneratorStep.Run(
                input.Spec.MemberName is null ? input.Spec.QualifiedName : input.Spec.Subject, () => input.Location, () => LayerBinder.Bind(input, ct), e => new BindResult(null, e, input.Spec)))
            .WithTrackingName(StepNames.Bind);

        // The model holds no location: a line inserted above the layer leaves it equal, and its file Cached.
        IncrementalValuesProvider<LayerModel> models = bound
            .Where(static r => r.Model is not null)
            .Select(static (r, _) => r.Model!)
            .WithTrackingName(StepNames.Model);

        // Diagnostics travel in their own outputs, apart from the code.
        context.RegisterSourceOutput(parsed.Select(static (r, _) => r.Diagnostics), static (spc, d) => Report(spc, d));
        context.RegisterSourceOutput(bound.Select(static (r, _) => r.Diagnostics), static (spc, d) => Report(spc, d));
        context.RegisterSourceOutput(models.Combine(assemblyName), static (spc, pair) => Emit(spc, pair.Left, pair.Right));

        // After an error, a stub implementation (a body that throws) keeps the rest of the user's code compiling.
        context.RegisterSourceOutput(parsed.Where(static r => r.Stub is not null).Select(static (r, _) => r.Stub!), static (spc, spec) => EmitStub(spc, spec));
        context.RegisterSourceOutput(bound.Where(static r => r.Failed is not null).Select(static (r, _) => r.Failed!), static (spc, spec) => EmitStub(spc, spec));

        return models
            .Select(static (model, _) => TableRequest.For(model, model.Spec.HintStem ?? Names.Sanitize(model.Spec.QualifiedName)))
            .Where(static request => request is not null)
            .Select(static (request, _) => request!);
    }

    private static void EmitStub(SourceProductionContext context, LayerSpec spec) =>
        GeneratorStep.AddSource(context, Names.HintName(spec), spec.QualifiedName, () => LayerEmitter.EmitStub(spec));

    private static void Emit(SourceProductionContext context, LayerModel model, string assemblyName)
    {
        if (!GeneratorStep.AddSource(context, Names.HintName(model.Spec), model.Spec.QualifiedName, () => LayerEmitter.Emit(model, assemblyName)))
        {
            EmitStub(context, model.Spec);
        }
    }

    private static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (DiagnosticInfo diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }
}
