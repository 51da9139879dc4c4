using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using PrepGen.Import.Emit;
using PrepGen.Import.Graph;
using PrepGen.Import.Planning;
using PrepGen.Import.Reading;

namespace PrepGen.Import;

/// <summary>What to import and where to write it.</summary>
public sealed record KerasImportOptions
{
    /// <summary>The saved model: a .keras zip or its unzipped folder, a saved FeatureSpace, or a whole-model HDF5 file.</summary>
    public required string ModelPath { get; init; }

    /// <summary>The folder that receives <c>NAME.cs</c> and the state files (under <c>NAME/</c>).</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>The record's namespace; null: the current directory's name.</summary>
    public string? Namespace { get; init; }

    /// <summary>The record's name; null: the model file's stem in PascalCase.</summary>
    public string? TypeName { get; init; }

    /// <summary>A keras-samples.jsonl file; when set, <c>NAME.Samples.cs</c> adds <c>CheckKerasSamples</c>.</summary>
    public string? SamplesPath { get; init; }
}

/// <summary>What an import wrote.</summary>
/// <param name="TypeName">The record's name.</param>
/// <param name="Namespace">The record's namespace.</param>
/// <param name="EncodedWidth">Elements one row encodes to.</param>
/// <param name="IntegerOutput">Whether the row holds integers (Encode(Span&lt;long&gt;)) rather than floats.</param>
/// <param name="SourceFiles">The C# files written (full paths).</param>
/// <param name="StateFiles">The state files written (full paths): each is an AdditionalFiles item.</param>
public sealed record KerasImportResult(string TypeName, string Namespace, int EncodedWidth, bool IntegerOutput, IReadOnlyList<string> SourceFiles, IReadOnlyList<string> StateFiles);

/// <summary>
/// Turns a saved Keras model into a <c>[FeatureRecord]</c> and the state files it reads, so that the
/// record's <c>Encode</c> gives the tensor the model's first trainable layer receives. The one library
/// behind <c>prepgen import</c> and the build-time <c>PrepGenKerasModel</c> item.
/// </summary>
public static class KerasImporter
{
    /// <summary>Imports a model. Throws <see cref="KerasImportException"/> (naming the layer and the reason) and then writes nothing.</summary>
    public static KerasImportResult Import(KerasImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string modelPath = Path.TrimEndingDirectorySeparator(options.ModelPath);
        string typeName = options.TypeName ?? Identifiers.Pascal(Directory.Exists(modelPath) ? Path.GetFileName(modelPath) : Path.GetFileNameWithoutExtension(modelPath), "Model");
        if (!Identifiers.IsIdentifier(typeName))
        {
            throw new KerasImportException($"--type '{typeName}' is not a C# identifier.");
        }

        string ns = options.Namespace ?? Identifiers.Namespace(new DirectoryInfo(Environment.CurrentDirectory).Name);
        if (!Identifiers.IsNamespace(ns))
        {
            throw new KerasImportException($"--namespace '{ns}' is not a C# namespace.");
        }

        RecordPlan plan;
        string? kerasVersion;
        try
        {
            using KerasArchive archive = KerasArchive.Open(modelPath);
            kerasVersion = archive.KerasVersion;
            plan = Plan(archive, typeName, ns);
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or FormatException or IndexOutOfRangeException
            or InvalidCastException or OverflowException or ArgumentException or JsonException or InvalidDataException)
        {
            // A configuration of a shape no Keras version writes (a number where a list belongs, a missing key).
            throw new KerasImportException($"'{modelPath}': the model's configuration is not in a form PrepGen knows ({e.Message}).", e);
        }

        string modelFile = Path.GetFileName(modelPath);
        var files = new List<(string RelativePath, byte[] Contents, bool Source)>
        {
            (typeName + ".cs", Encoding.UTF8.GetBytes(RecordWriter.Write(plan, modelFile, kerasVersion)), true),
        };
        if (options.SamplesPath is { } samples)
        {
            SamplesFile.Validate(samples, plan);
            files.Add((typeName + ".Samples.cs", Encoding.UTF8.GetBytes(SampleCheckWriter.Write(plan, modelFile)), true));
        }

        files.AddRange(plan.Files.Select(f => (f.RelativePath, f.Contents, false)));
        List<string> written = OutputFolder.WriteAll(options.OutputDirectory, typeName, files.Select(f => (f.RelativePath, f.Contents)).ToList());
        return new KerasImportResult(typeName, ns, plan.Width, plan.IntegerOutput,
            written.Where((_, i) => files[i].Source).ToList(), written.Where((_, i) => !files[i].Source).ToList());
    }

    private static RecordPlan Plan(KerasArchive archive, string typeName, string ns)
    {
        JsonElement root = archive.Config;
        string className = Json.String(root, "class_name") ?? "";
        var builder = new PlanBuilder(archive, typeName);
        string version = archive.KerasVersion is null ? "" : ", Keras " + archive.KerasVersion;
        if (className == "FeatureSpace")
        {
            (List<InputField> inputs, Tensor output, string description) = FeatureSpacePlanner.Plan(Json.Object(root, "config", "the FeatureSpace"), archive, builder);
            return builder.Finish(ns, description + " (FeatureSpace" + version + ")", inputs, output);
        }

        if (className is not ("Functional" or "Model" or "Sequential"))
        {
            throw new KerasImportException($"the file holds a '{className}', not a Keras model or FeatureSpace.");
        }

        ModelGraph graph = ModelGraph.Parse(root);
        (List<InputField> fields, Tensor tensor, string boundary) = GraphPlanner.Plan(graph, archive, builder);
        return builder.Finish(ns, boundary + " (" + className + version + ")", fields, tensor);
    }
}
