using System.CommandLine;
using System.IO;
using System.Linq;
using PrepGen.Import;

namespace PrepGen.Cli;

/// <summary><c>prepgen import MODEL --out DIR</c>: a saved Keras model to a [FeatureRecord] and its state files.</summary>
internal static class ImportCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var model = new Argument<string>("model")
        {
            Description = "A .keras file (Keras 3, tf.keras 2.13+), its unzipped folder, a saved FeatureSpace, or a whole-model .h5 file.",
        };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "The folder for NAME.cs and the state files (NAME/...).", Required = true };
        var ns = new Option<string?>("--namespace") { Description = "The record's namespace (default: the current folder's name)." };
        var type = new Option<string?>("--type") { Description = "The record's name (default: the model file's stem in PascalCase)." };
        var samples = new Option<FileInfo?>("--samples")
        {
            Description = "keras-samples.jsonl written from the model in Python: also generates NAME.Samples.cs with CheckKerasSamples(path).",
        };
        var command = new Command("import", "Import a saved Keras model's preprocessing: writes a [FeatureRecord] whose Encode gives the tensor its first trainable layer receives.")
        {
            model, output, ns, type, samples,
        };
        command.SetAction(parse => PrepGenCli.Guard(stderr, () =>
        {
            DirectoryInfo outDir = parse.GetValue(output)!;
            KerasImportResult result = KerasImporter.Import(new KerasImportOptions
            {
                ModelPath = parse.GetValue(model)!,
                OutputDirectory = outDir.FullName,
                Namespace = parse.GetValue(ns),
                TypeName = parse.GetValue(type),
                SamplesPath = parse.GetValue(samples)?.FullName,
            });
            string element = result.IntegerOutput ? "integers: Encode(Span<long>)" : "floats: Encode(Span<float>)";
            stdout.WriteLine($"Imported {result.Namespace}.{result.TypeName}: one row encodes to {result.EncodedWidth} {element}.");
            foreach (string file in result.SourceFiles.Concat(result.StateFiles))
            {
                stdout.WriteLine("  wrote " + Path.GetRelativePath(Directory.GetCurrentDirectory(), file));
            }

            string dir = Path.GetRelativePath(Directory.GetCurrentDirectory(), outDir.FullName).Replace('\\', '/');
            stdout.WriteLine();
            stdout.WriteLine("Add to the project (the .cs files compile by default when the folder is inside the project):");
            stdout.WriteLine("<ItemGroup>");
            stdout.WriteLine($"  <Compile Include=\"{dir}/**/*.cs\" />");
            stdout.WriteLine($"  <AdditionalFiles Include=\"{dir}/**\" Exclude=\"{dir}/**/*.cs\" />");
            stdout.WriteLine("</ItemGroup>");
            return 0;
        }));
        return command;
    }
}
