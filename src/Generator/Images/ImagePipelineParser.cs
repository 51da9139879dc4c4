using System;
using System.Collections.Generic;
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
        bool channelsFirst = reader.Int(pipeline, "OutputLayout") == (int)ImageLayout.ChannelsFirst;
        reader.CheckImageSize("ImagePipeline input", height, width, channels, location);

        var ops = new List<ImageOpModel>();
        foreach (AttributeData attribute in type.GetAttributes())
        {
            LocationInfo? at = LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken));
            ImageOpModel? op = attribute.AttributeClass?.ToDisplayString() switch
            {
                "PrepGen.ResizingAttribute" => reader.Resizing(attribute, at),
                "PrepGen.CenterCropAttribute" => reader.Crop(attribute, at, "CenterCrop", random: false),
                "PrepGen.RandomCropAttribute" => reader.Crop(attribute, at, "RandomCrop", random: true),
                "PrepGen.RescalingAttribute" => reader.Rescaling(attribute, at),
                "PrepGen.NormalizationAttribute" => reader.Normalization(attribute, at, channels),
                "PrepGen.RandomFlipAttribute" => new FlipModel(reader.Enum<FlipMode>(attribute, "Mode", at)),
                "PrepGen.RandomRotationAttribute" => reader.Rotation(attribute, at),
                "PrepGen.RandomZoomAttribute" => reader.Zoom(attribute, at),
                "PrepGen.RandomTranslationAttribute" => reader.Translation(attribute, at),
                "PrepGen.RandomContrastAttribute" => reader.Intensity(attribute, at, contrast: true),
                "PrepGen.RandomBrightnessAttribute" => reader.Intensity(attribute, at, contrast: false),
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

            return new ResizeModel(h, w, Enum<Interpolation>(a, "Interpolation", at), crop, pad, Float(Double(a, "FillValue") ?? 0, "FillValue", at));
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
                Report(Descriptors.ImageTooLarge, at, what, height, width, channels, elements, int.MaxValue);
            }
        }

        public ImageOpModel Crop(AttributeData a, LocationInfo? at, string layer, bool random)
        {
            int h = Positive(Argument(a, 0), layer + " height", at);
            int w = Positive(Argument(a, 1), layer + " width", at);
            return new CropModel(h, w, random);
        }

        public ImageOpModel? Rescaling(AttributeData a, LocationInfo? at)
        {
            double? scale = Double(a, "Scale");
            if (scale is null)
            {
                Report(Descriptors.MissingOption, at, "Rescaling Scale");
                return null;
            }

            return new RescaleModel(Float(scale.Value, "Scale", at), Float(Double(a, "Offset") ?? 0, "Offset", at));
        }

        public ImageOpModel? Normalization(AttributeData a, LocationInfo? at, int channels)
        {
            double[]? mean = Doubles(a, "Mean");
            double[]? variance = Doubles(a, "Variance");
            if (Named(a, "StatsFile") is not null)
            {
                Report(Descriptors.StatsFileInImagePipeline, at);
                return null;
            }

            if (mean is null || variance is null)
            {
                Report(Descriptors.MissingOption, at, "Normalization " + (mean is null ? "Mean" : "Variance") + " (1 or " + channels + " values, one per channel)");
                return null;
            }

            string perChannel = "1 or " + channels + " (one per channel)";
            if (mean.Length != 1 && mean.Length != channels)
            {
                Report(Descriptors.WrongValueCount, at, "Normalization Mean", mean.Length, perChannel);
                return null;
            }

            if (variance.Length != mean.Length)
            {
                Report(Descriptors.WrongValueCount, at, "Normalization Variance", variance.Length, "as many as Mean (" + mean.Length + ")");
                return null;
            }

            int negative = Array.FindIndex(variance, v => v < 0);
            if (negative >= 0)
            {
                Report(Descriptors.NegativeVariance, at, "Normalization Variance[" + negative + "]", Show(variance[negative]));
                return null;
            }

            EquatableArray<float> Floats(double[] values, string name) => values.Select(v => Float(v, name, at)).ToEquatableArray();
            return new NormalizeModel(Floats(mean, "Mean"), Floats(variance, "Variance"), Named(a, "Invert") is true);
        }

        public ImageOpModel? Rotation(AttributeData a, LocationInfo? at)
        {
            EquatableArray<double>? factor = Factor(a, "Factor", at, required: true);
            return factor is null ? null : new RotationModel(factor.Value, Fill(a, at));
        }

        public ImageOpModel? Zoom(AttributeData a, LocationInfo? at)
        {
            EquatableArray<double>? height = Factor(a, "HeightFactor", at, required: true, lowest: -1);
            EquatableArray<double>? width = Factor(a, "WidthFactor", at, required: false, lowest: -1);
            return height is null ? null : new ZoomModel(height.Value, width, Fill(a, at));
        }

        public ImageOpModel? Translation(AttributeData a, LocationInfo? at)
        {
            EquatableArray<double>? height = Factor(a, "HeightFactor", at, required: true, lowest: -1, highest: 1);
            EquatableArray<double>? width = Factor(a, "WidthFactor", at, required: true, lowest: -1, highest: 1);
            return height is null || width is null ? null : new TranslationModel(height.Value, width.Value, Fill(a, at));
        }

        private FillModel Fill(AttributeData a, LocationInfo? at) =>
            new(Enum<FillMode>(a, "FillMode", at), Enum<Interpolation>(a, "Interpolation", at), Float(Double(a, "FillValue") ?? 0, "FillValue", at));

        public ImageOpModel? Intensity(AttributeData a, LocationInfo? at, bool contrast)
        {
            EquatableArray<double>? factor = Factor(a, "Factor", at, required: true, contrast: contrast, lowest: -1, highest: 1);
            double[] range = Doubles(a, "ValueRange") ?? new double[] { 0, 255 };
            string name = (contrast ? "RandomContrast" : "RandomBrightness") + " ValueRange";
            if (range.Length != 2)
            {
                Report(Descriptors.WrongValueCount, at, name, range.Length, "2");
                return null;
            }

            if (!(range[0] < range[1]))
            {
                Report(Descriptors.InvalidRange, at, name, Values(range), "the lower bound must be below the upper");
                return null;
            }

            return factor is null ? null : new IntensityModel(contrast, factor.Value, Float(range[0], "ValueRange", at), Float(range[1], "ValueRange", at));
        }

        /// <summary>
        /// A Keras factor: one value f (meaning [-f, f]) or two ascending values, within the bounds Keras checks
        /// (null = unchecked). Contrast factors follow RandomContrast's own rule: non-negative, lower part at most 1.
        /// </summary>
        public EquatableArray<double>? Factor(AttributeData a, string name, LocationInfo? at, bool required, bool contrast = false, double? lowest = null, double? highest = null)
        {
            double[]? factor = Doubles(a, name);
            name = a.AttributeClass?.Name.Replace("Attribute", "") + " " + name;
            if (factor is null)
            {
                if (required)
                {
                    Report(Descriptors.MissingOption, at, name);
                }

                return null;
            }

            bool ok = factor.Length is 1 or 2 && factor.All(f => !double.IsNaN(f) && !double.IsInfinity(f));
            string rangeText;
            if (contrast)
            {
                ok &= factor.All(f => f >= 0) && factor[0] <= 1;
                rangeText = "non-negative, the lower part at most 1";
            }
            else
            {
                double lo = factor.Length == 1 ? -Math.Abs(factor[0]) : factor[0];
                double hi = factor.Length == 1 ? Math.Abs(factor[0]) : factor[factor.Length - 1];
                ok &= lo <= hi && (lowest is null || lo >= lowest) && (highest is null || hi <= highest);
                rangeText = "ascending" + (lowest is null ? "" : ", at least " + lowest.Value) +
                    (highest is null ? "" : ", at most " + highest.Value);
            }

            if (!ok)
            {
                Report(Descriptors.InvalidRange, at, name, Values(factor), "one value f (meaning [-f, f]) or two values, " + rangeText);
                return null;
            }

            return new EquatableArray<double>(factor);
        }

        public int Int(AttributeData a, string name) => Named(a, name) is { } v ? Convert.ToInt32(v) : 0;

        public int Positive(int value, string name, LocationInfo? at)
        {
            if (value <= 0)
            {
                Report(Descriptors.OptionOutOfRange, at, name, "greater than 0", value);
            }

            return value;
        }

        public T Enum<T>(AttributeData a, string name, LocationInfo? at)
            where T : struct
        {
            int value = Int(a, name);
            if (!System.Enum.IsDefined(typeof(T), value))
            {
                Report(Descriptors.UndefinedEnumValue, at, name, value, typeof(T).Name);
                return default;
            }

            return (T)System.Enum.ToObject(typeof(T), value);
        }

        private static int Argument(AttributeData a, int index) =>
            a.ConstructorArguments.Length > index && a.ConstructorArguments[index].Value is int v ? v : 0;

        private static object? Named(AttributeData a, string name) =>
            a.NamedArguments.FirstOrDefault(p => p.Key == name).Value.Value;

        private static double? Double(AttributeData a, string name) =>
            Named(a, name) is { } v ? Convert.ToDouble(v) : null;

        private static double[]? Doubles(AttributeData a, string name)
        {
            TypedConstant value = a.NamedArguments.FirstOrDefault(p => p.Key == name).Value;
            return value.Kind == TypedConstantKind.Array && !value.IsNull
                ? value.Values.Select(v => Convert.ToDouble(v.Value)).ToArray()
                : null;
        }

        private float Float(double value, string name, LocationInfo? at)
        {
            float f = (float)value;
            if (float.IsNaN(f) || float.IsInfinity(f))
            {
                Report(Descriptors.NotFiniteFloat32, at, name, Show(value));
                return 0f;
            }

            return f;
        }

        private static string Values(double[] values) => string.Join(", ", values.Select(Show));

        private static string Show(double value) => value.ToString("R");

        /// <summary>Reports a rule about the pipeline's attributes; "ImagePipeline Name" is the message's subject.</summary>
        private void Report(DiagnosticDescriptor descriptor, LocationInfo? at, params object[] arguments) =>
            diagnostics.Add(DiagnosticInfo.Create(descriptor, at, new object[] { "ImagePipeline " + subject }.Concat(arguments).ToArray()));
    }
}
