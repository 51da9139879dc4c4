using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PrepGen.Generator.Diagnostics;
using PrepGen.Generator.Model;
using PrepGen.Generator.Parsing;

namespace PrepGen.Generator.Images;

/// <summary>The parse step's output for an image pipeline.</summary>
internal sealed record ImageParseResult(ImagePipelineModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>
/// Reads an <c>[ImagePipeline]</c> class: the image layer attributes in the order they are written (a Keras
/// <c>Sequential</c>), validated as Keras validates them (docs/keras-semantics.md, "Rescaling" to "Augmentation layers").
/// </summary>
internal static class ImagePipelineParser
{
    private const string Imaging = "global::PrepGen.Imaging.";

    public static ImageParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var syntax = (TypeDeclarationSyntax)context.TargetNode;
        var diagnostics = new List<DiagnosticInfo>();
        LocationInfo? location = LocationInfo.From(context.Attributes[0].ApplicationSyntaxReference?.GetSyntax(cancellationToken));

        List<ContainingType> types = TypeChain.From(type, cancellationToken);
        if (!type.IsStatic || types.Any(t => !t.IsPartial) || type.TypeParameters.Length > 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.NotStaticPartial, LocationInfo.From(syntax.Identifier.GetLocation()), type.Name,
                "an [ImagePipeline] must be a non-generic static partial class, in partial types"));
            return new ImageParseResult(null, diagnostics.ToEquatableArray());
        }

        var reader = new Reader(diagnostics, type.Name);
        AttributeData pipeline = context.Attributes[0];
        int height = reader.Positive(reader.Int(pipeline, "Height"), "ImagePipeline.Height", location);
        int width = reader.Positive(reader.Int(pipeline, "Width"), "ImagePipeline.Width", location);
        int channels = reader.Positive(reader.Int(pipeline, "Channels"), "ImagePipeline.Channels", location);
        bool channelsFirst = reader.Int(pipeline, "OutputLayout") == 1;
        reader.CheckImageSize("ImagePipeline input", height, width, channels, location);

        var ops = new List<ImageOpModel>();
        foreach (AttributeData attribute in type.GetAttributes())
        {
            LocationInfo? at = LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken));
            ImageOpModel? op = attribute.AttributeClass?.ToDisplayString() switch
            {
                "PrepGen.ResizingAttribute" => reader.Resizing(attribute, at),
                "PrepGen.CenterCropAttribute" => reader.Crop(attribute, at, "CenterCropOp", trainingOnly: false),
                "PrepGen.RandomCropAttribute" => reader.Crop(attribute, at, "RandomCropOp", trainingOnly: true),
                "PrepGen.RescalingAttribute" => reader.Rescaling(attribute, at),
                "PrepGen.NormalizationAttribute" => reader.Normalization(attribute, at, channels),
                "PrepGen.RandomFlipAttribute" => new ImageOpModel("new " + Imaging + "RandomFlipOp(global::PrepGen.FlipMode." + reader.Enum<FlipModeMirror>(attribute, "Mode", at) + ")", 0, 0, false),
                "PrepGen.RandomRotationAttribute" => reader.Geometric(attribute, at, "RandomRotationOp", reader.Factor(attribute, "Factor", at, required: true)!),
                "PrepGen.RandomZoomAttribute" => reader.Zoom(attribute, at),
                "PrepGen.RandomTranslationAttribute" => reader.Geometric(attribute, at, "RandomTranslationOp",
                    reader.Factor(attribute, "HeightFactor", at, required: true, lowest: -1, highest: 1)!, reader.Factor(attribute, "WidthFactor", at, required: true, lowest: -1, highest: 1)!),
                "PrepGen.RandomContrastAttribute" => reader.Intensity(attribute, at, "RandomContrastOp", "ContrastFromKeras"),
                "PrepGen.RandomBrightnessAttribute" => reader.Intensity(attribute, at, "RandomBrightnessOp", "FromKeras"),
                _ => null,
            };
            if (op is not null)
            {
                if (op.Height > 0)
                {
                    reader.CheckImageSize(attribute.AttributeClass!.Name.Replace("Attribute", "") + "(" + op.Height + ", " + op.Width + ")", op.Height, op.Width, channels, at);
                }

                ops.Add(op);
            }
        }

        if (diagnostics.Count > 0)
        {
            return new ImageParseResult(null, diagnostics.ToEquatableArray());
        }

        string? ns = TypeChain.Namespace(type);
        var model = new ImagePipelineModel(ns, types.ToEquatableArray(), height, width, channels, channelsFirst, ops.ToEquatableArray());
        return new ImageParseResult(model with { HintStem = TypeChain.HintStem(type, model.QualifiedName) }, EquatableArray<DiagnosticInfo>.Empty);
    }

    private enum FlipModeMirror
    {
        HorizontalAndVertical,
        Horizontal,
        Vertical,
    }

    private enum FillModeMirror
    {
        Reflect,
        Wrap,
        Constant,
        Nearest,
    }

    private enum InterpolationMirror
    {
        Bilinear,
        Nearest,
    }

    private sealed class Reader(List<DiagnosticInfo> diagnostics, string subject)
    {
        public ImageOpModel? Resizing(AttributeData a, LocationInfo? at)
        {
            int h = Positive(Argument(a, 0), "Resizing height", at);
            int w = Positive(Argument(a, 1), "Resizing width", at);
            bool crop = Named(a, "CropToAspectRatio") is true;
            bool pad = Named(a, "PadToAspectRatio") is true;
            if (crop && pad)
            {
                Report(Descriptors.ConflictingOptions, at, "Resizing: CropToAspectRatio", "PadToAspectRatio");
            }

            return new ImageOpModel("new " + Imaging + "ResizeOp(" + h + ", " + w + ", global::PrepGen.Interpolation." + Enum<InterpolationMirror>(a, "Interpolation", at) +
                ", cropToAspectRatio: " + Bool(crop) + ", padToAspectRatio: " + Bool(pad) + ", fillValue: " + Float(Double(a, "FillValue") ?? 0, "FillValue", at) + ")", h, w, false);
        }

        /// <summary>
        /// An image's element count must fit an int: the executors index images with int arithmetic, and a
        /// wrapped count would pass validation and corrupt memory (Resizing(100000, 100000) on 3 channels).
        /// </summary>
        public void CheckImageSize(string what, int height, int width, int channels, LocationInfo? at)
        {
            long elements = (long)height * width * channels;
            if (height > 0 && width > 0 && channels > 0 && elements > int.MaxValue)
            {
                Report(Descriptors.InvalidOption, at, what + ": " + height + " x " + width + " x " + channels + " channels = " + elements +
                    " values per image, beyond " + int.MaxValue + " (an image's size must fit an int)");
            }
        }

        public ImageOpModel Crop(AttributeData a, LocationInfo? at, string op, bool trainingOnly)
        {
            int h = Positive(Argument(a, 0), op + " height", at);
            int w = Positive(Argument(a, 1), op + " width", at);
            return new ImageOpModel("new " + Imaging + op + "(" + h + ", " + w + ")", h, w, trainingOnly);
        }

        public ImageOpModel? Rescaling(AttributeData a, LocationInfo? at)
        {
            double? scale = Double(a, "Scale");
            if (scale is null)
            {
                Report(Descriptors.MissingOption, at, "Rescaling: Scale is required");
                return null;
            }

            return new ImageOpModel("new " + Imaging + "RescaleOp(" + Float(scale.Value, "Scale", at) + ", " + Float(Double(a, "Offset") ?? 0, "Offset", at) + ")", 0, 0, false);
        }

        public ImageOpModel? Normalization(AttributeData a, LocationInfo? at, int channels)
        {
            double[]? mean = Doubles(a, "Mean");
            double[]? variance = Doubles(a, "Variance");
            if (Named(a, "StatsFile") is not null)
            {
                Report(Descriptors.InvalidOption, at, "Normalization in an image pipeline: give Mean and Variance per channel inline (StatsFile is for feature layers)");
                return null;
            }

            if (mean is null || variance is null || mean.Length == 0 || mean.Length != variance.Length || (mean.Length != 1 && mean.Length != channels))
            {
                Report(Descriptors.InvalidOption, at, "Normalization in an image pipeline needs Mean and Variance with 1 or " + channels + " (channels) values each");
                return null;
            }

            if (variance.Any(v => v < 0 || double.IsNaN(v)))
            {
                Report(Descriptors.InvalidOption, at, "Normalization: a variance is negative or NaN");
                return null;
            }

            string Floats(double[] values, string name) => "new float[] { " + string.Join(", ", values.Select(v => Float(v, name, at))) + " }";
            return new ImageOpModel("new " + Imaging + "NormalizeOp(" + Floats(mean, "Mean") + ", " + Floats(variance, "Variance") + ", " + Bool(Named(a, "Invert") is true) + ")", 0, 0, false);
        }

        public ImageOpModel? Zoom(AttributeData a, LocationInfo? at)
        {
            string? height = Factor(a, "HeightFactor", at, required: true, lowest: -1);
            string? width = Factor(a, "WidthFactor", at, required: false, lowest: -1);
            return height is null ? null : Geometric(a, at, "RandomZoomOp", height, width ?? "null");
        }

        public ImageOpModel? Geometric(AttributeData a, LocationInfo? at, string op, params string[] factors)
        {
            if (factors.Any(f => f is null))
            {
                return null;
            }

            return new ImageOpModel("new " + Imaging + op + "(" + string.Join(", ", factors) +
                ", global::PrepGen.FillMode." + Enum<FillModeMirror>(a, "FillMode", at) +
                ", global::PrepGen.Interpolation." + Enum<InterpolationMirror>(a, "Interpolation", at) +
                ", fillValue: " + Float(Double(a, "FillValue") ?? 0, "FillValue", at) + ")", 0, 0, false);
        }

        public ImageOpModel? Intensity(AttributeData a, LocationInfo? at, string op, string rule)
        {
            string? factor = Factor(a, "Factor", at, required: true, rule: rule, lowest: -1, highest: 1);
            double[] range = Doubles(a, "ValueRange") ?? new double[] { 0, 255 };
            if (range.Length != 2 || !(range[0] < range[1]))
            {
                Report(Descriptors.InvalidOption, at, op.Replace("Op", "") + ": ValueRange must be two ascending values");
                return null;
            }

            return factor is null ? null : new ImageOpModel("new " + Imaging + op + "(" + factor + ", " + Float(range[0], "ValueRange", at) + ", " + Float(range[1], "ValueRange", at) + ")", 0, 0, false);
        }

        /// <summary>
        /// A Keras factor: one value f (meaning [-f, f]) or two ascending values, within the bounds Keras checks
        /// (null = unchecked). Contrast factors follow RandomContrast's own rule: non-negative, lower part at most 1.
        /// </summary>
        public string? Factor(AttributeData a, string name, LocationInfo? at, bool required, string rule = "FromKeras", double? lowest = null, double? highest = null)
        {
            double[]? factor = Doubles(a, name);
            if (factor is null)
            {
                if (required)
                {
                    Report(Descriptors.MissingOption, at, name + " is required");
                }

                return null;
            }

            bool ok = factor.Length is 1 or 2 && factor.All(f => !double.IsNaN(f) && !double.IsInfinity(f));
            string rangeText;
            if (rule == "ContrastFromKeras")
            {
                ok &= factor.All(f => f >= 0) && factor[0] <= 1;
                rangeText = "non-negative, the lower part at most 1";
            }
            else
            {
                double lo = factor.Length == 1 ? -Math.Abs(factor[0]) : factor[0];
                double hi = factor.Length == 1 ? Math.Abs(factor[0]) : factor[factor.Length - 1];
                ok &= lo <= hi && (lowest is null || lo >= lowest) && (highest is null || hi <= highest);
                rangeText = "ascending" + (lowest is null ? "" : ", at least " + lowest.Value.ToString(CultureInfo.InvariantCulture)) +
                    (highest is null ? "" : ", at most " + highest.Value.ToString(CultureInfo.InvariantCulture));
            }

            if (!ok)
            {
                Report(Descriptors.InvalidOption, at, name + " must be one value f (meaning [-f, f]) or two values: " + rangeText);
                return null;
            }

            return Imaging + "FactorRange." + rule + "(new double[] { " + string.Join(", ", factor.Select(f => f.ToString("R", CultureInfo.InvariantCulture))) + " })";
        }

        public int Int(AttributeData a, string name) => Named(a, name) is { } v ? Convert.ToInt32(v, CultureInfo.InvariantCulture) : 0;

        public int Positive(int value, string name, LocationInfo? at)
        {
            if (value <= 0)
            {
                Report(Descriptors.InvalidOption, at, name + " must be greater than 0, not " + value);
            }

            return value;
        }

        public string Enum<T>(AttributeData a, string name, LocationInfo? at)
            where T : struct
        {
            int value = Int(a, name);
            if (!System.Enum.IsDefined(typeof(T), value))
            {
                Report(Descriptors.InvalidOption, at, name + " " + value + " is not a defined value");
                return ((T)(object)0).ToString();
            }

            return ((T)(object)value).ToString();
        }

        private static int Argument(AttributeData a, int index) =>
            a.ConstructorArguments.Length > index && a.ConstructorArguments[index].Value is int v ? v : 0;

        private static object? Named(AttributeData a, string name) =>
            a.NamedArguments.FirstOrDefault(p => p.Key == name).Value.Value;

        private static double? Double(AttributeData a, string name) =>
            Named(a, name) is { } v ? Convert.ToDouble(v, CultureInfo.InvariantCulture) : null;

        private static double[]? Doubles(AttributeData a, string name)
        {
            TypedConstant value = a.NamedArguments.FirstOrDefault(p => p.Key == name).Value;
            return value.Kind == TypedConstantKind.Array && !value.IsNull
                ? value.Values.Select(v => Convert.ToDouble(v.Value, CultureInfo.InvariantCulture)).ToArray()
                : null;
        }

        private string Float(double value, string name, LocationInfo? at)
        {
            float f = (float)value;
            if (float.IsNaN(f) || float.IsInfinity(f))
            {
                Report(Descriptors.InvalidOption, at, name + " must be a finite float32 value");
                return "0f";
            }

            return f.ToString("R", CultureInfo.InvariantCulture) + "f";
        }

        private static string Bool(bool value) => value ? "true" : "false";

        private void Report(DiagnosticDescriptor descriptor, LocationInfo? at, params object[] arguments)
        {
            object[] withSubject = descriptor == Descriptors.ConflictingOptions || descriptor == Descriptors.InvalidOption || descriptor == Descriptors.MissingOption
                ? new object[] { "ImagePipeline " + subject }.Concat(arguments).ToArray()
                : arguments;
            diagnostics.Add(DiagnosticInfo.Create(descriptor, at, withSubject));
        }
    }
}
