using Microsoft.CodeAnalysis;

namespace PrepGen.Generator.Tests;

/// <summary>[ImagePipeline] classes: generated constants and entry points, Keras vectors through them, and Keras's checks as diagnostics.</summary>
public class ImagePipelineTests
{
    private const string Pipelines = """
        using System;
        using PrepGen;
        namespace Demo;

        // keras-vectors.json resizing-crop-to-aspect: Resizing(4, 2, nearest, crop_to_aspect_ratio) on arange(16) 4x4x1.
        [ImagePipeline(Height = 4, Width = 4, Channels = 1)]
        [Resizing(4, 2, Interpolation = Interpolation.Nearest, CropToAspectRatio = true)]
        public static partial class CropToAspect { }

        // keras-vectors.json randtrans-up-constant: RandomTranslation((-0.2, -0.2), 0, constant) on arange(25) 5x5x1, training.
        [ImagePipeline(Height = 5, Width = 5, Channels = 1)]
        [RandomTranslation(HeightFactor = new[] { -0.2, -0.2 }, WidthFactor = new[] { 0.0 }, FillMode = FillMode.Constant)]
        public static partial class TranslateUp { }

        [ImagePipeline(Height = 8, Width = 6, Channels = 3, OutputLayout = ImageLayout.ChannelsFirst)]
        [Resizing(4, 4)]
        [RandomCrop(2, 3)]
        [RandomFlip(Mode = FlipMode.Horizontal)]
        public static partial class Sizes { }

        public static class Call
        {
            public static float[] Run(string pipeline, float[] images, int outputLength, bool training) => pipeline switch
            {
                "CropToAspect" => Invoke(CropToAspect.Run, images, outputLength, training),
                "TranslateUp" => Invoke(TranslateUp.Run, images, outputLength, training),
                _ => throw new ArgumentException(pipeline),
            };

            private delegate void Runner(ReadOnlySpan<float> images, int batch, Span<float> output, bool training, ulong seed);

            private static float[] Invoke(Runner run, float[] images, int outputLength, bool training)
            {
                var output = new float[outputLength];
                run(images, 1, output, training, 7);
                return output;
            }
        }
        """;

    private static readonly Lazy<Type> Compiled = new(() =>
    {
        GeneratorRun run = GeneratorHarness.Run(Pipelines);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileErrors);
        return GeneratorHarness.Load(run).GetType("Demo.Call")!;
    });

    [Theory]
    [InlineData("CropToAspect", 16, false, new float[] { 1, 2, 5, 6, 9, 10, 13, 14 })]
    [InlineData("TranslateUp", 25, true, new float[] { 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 0, 0, 0, 0, 0 })]
    public void Generated_pipelines_match_the_Keras_vectors(string pipeline, int pixels, bool training, float[] expected)
    {
        float[] arange = Enumerable.Range(0, pixels).Select(i => (float)i).ToArray();
        var output = (float[])Compiled.Value.GetMethod("Run")!.Invoke(null, [pipeline, arange, expected.Length, training])!;
        Assert.Equal(expected, output);
    }

    [Fact]
    public void Constants_give_the_inference_and_training_sizes()
    {
        Type sizes = Compiled.Value.Assembly.GetType("Demo.Sizes")!;
        int Const(string name) => (int)sizes.GetField(name)!.GetValue(null)!;
        Assert.Equal((4, 4, 3), (Const("OutputHeight"), Const("OutputWidth"), Const("OutputChannels")));

        // Keras 3: RandomCrop crops in training only and is the identity in inference.
        Assert.Equal((2, 3), (Const("TrainingOutputHeight"), Const("TrainingOutputWidth")));
    }

    /// <summary>A class declaration, the ID it reports, and a part of the message.</summary>
    public static TheoryData<string, string, string> Rejections() => new()
    {
        { "[ImagePipeline(Height = 4, Width = 4, Channels = 1)][Resizing(2, 2, CropToAspectRatio = true, PadToAspectRatio = true)] public static partial class P { }", "PG0201", "CropToAspectRatio and PadToAspectRatio" },
        { "[ImagePipeline(Height = 0, Width = 4, Channels = 1)] public static partial class P { }", "PG0200", "ImagePipeline.Height must be greater than 0, not 0" },
        { "[ImagePipeline(Height = 4, Width = 4, Channels = 1)] public partial class P { }", "PG0001", "static partial" },
        { "[ImagePipeline(Height = 4, Width = 4, Channels = 1)][RandomRotation] public static partial class P { }", "PG0202", "RandomRotation Factor is required" },
        { "[ImagePipeline(Height = 4, Width = 4, Channels = 1)][RandomTranslation(HeightFactor = new[] { 0.5, 0.1 }, WidthFactor = new[] { 0.0 })] public static partial class P { }", "PG0217", "RandomTranslation HeightFactor = [0.5, 0.1] is not a valid range" },
        { "[ImagePipeline(Height = 4, Width = 4, Channels = 1)][RandomBrightness(Factor = new[] { 1.5 })] public static partial class P { }", "PG0217", "at most 1" },
        { "[ImagePipeline(Height = 4, Width = 4, Channels = 1)][RandomContrast(Factor = new[] { -0.5 })] public static partial class P { }", "PG0217", "non-negative" },
        { "[ImagePipeline(Height = 4, Width = 4, Channels = 1)][RandomZoom(HeightFactor = new[] { -1.5 })] public static partial class P { }", "PG0217", "at least -1" },
        { "[ImagePipeline(Height = 4, Width = 4, Channels = 1)][RandomFlip(Mode = (FlipMode)9)] public static partial class P { }", "PG0208", "Mode = 9 is not a defined FlipMode value" },
        { "[ImagePipeline(Height = 4, Width = 4, Channels = 1)][CenterCrop(0, 2)] public static partial class P { }", "PG0200", "CenterCrop height must be greater than 0" },
        { "[ImagePipeline(Height = 4, Width = 4, Channels = 1)][RandomContrast(Factor = new[] { 0.5 }, ValueRange = new[] { 255.0, 0.0 })] public static partial class P { }", "PG0217", "RandomContrast ValueRange = [255, 0]" },
        { "[ImagePipeline(Height = 4, Width = 4, Channels = 1)][RandomBrightness(Factor = new[] { 0.5 }, ValueRange = new[] { 0.0, 1.0, 2.0 })] public static partial class P { }", "PG0213", "ValueRange has 3 value(s) but needs 2" },
        { "[ImagePipeline(Height = 4, Width = 4, Channels = 3)][Normalization(Mean = new[] { 0.5, 0.5 }, Variance = new[] { 1.0, 1.0 })] public static partial class P { }", "PG0213", "Mean has 2 value(s) but needs 1 or 3 (one per channel)" },
        { "[ImagePipeline(Height = 4, Width = 4, Channels = 1)][Normalization(Mean = new[] { 0.5 }, Variance = new[] { -1.0 })] public static partial class P { }", "PG0215", "Normalization Variance[0] = -1 is negative" },
        { "[ImagePipeline(Height = 4, Width = 4, Channels = 1)][Normalization(StatsFile = \"s.json\", StatsKey = \"k\")] public static partial class P { }", "PG0218", "StatsFile is for feature layers" },
        { "[ImagePipeline(Height = 4, Width = 4, Channels = 1)][Resizing(2, 2, PadToAspectRatio = true, FillValue = double.NaN)] public static partial class P { }", "PG0214", "FillValue = NaN is not a finite float32" },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public void Keras_rejections_are_diagnostics(string declaration, string id, string messagePart)
    {
        GeneratorRun run = GeneratorHarness.Run("using PrepGen;\nnamespace Demo;\n" + declaration);
        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Contains(messagePart, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(run.Result.Results[0].GeneratedSources);
    }

    // Issue 11: image sizes whose element count overflows int built, then corrupted memory at run time.
    [Theory]
    [InlineData("[ImagePipeline(Height = 4, Width = 4, Channels = 3)][Resizing(100000, 100000)]", "Resizing(100000, 100000): 100000 x 100000 x 3 channels = 30000000000 values per image")]
    [InlineData("[ImagePipeline(Height = 4, Width = 4, Channels = 1)][Resizing(65536, 65537)]", "Resizing(65536, 65537): 65536 x 65537 x 1 channels = 4295032832")]
    [InlineData("[ImagePipeline(Height = 4, Width = 4, Channels = 1)][CenterCrop(65536, 65536)]", "CenterCrop(65536, 65536)")]
    [InlineData("[ImagePipeline(Height = 4, Width = 4, Channels = 1)][RandomCrop(50000, 50000)]", "RandomCrop(50000, 50000)")]
    [InlineData("[ImagePipeline(Height = 50000, Width = 50000, Channels = 3)]", "ImagePipeline input: 50000 x 50000 x 3 channels")]
    public void Image_sizes_beyond_int_are_located_errors(string attributes, string messagePart)
    {
        GeneratorRun run = GeneratorHarness.Run("using PrepGen;\nnamespace Demo;\n" + attributes + "\npublic static partial class P { }");
        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("PG0301", diagnostic.Id);
        Assert.Contains(messagePart, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal("Source0.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(2, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Empty(run.Result.Results[0].GeneratedSources);
    }

    [Fact]
    public void The_largest_image_that_fits_an_int_still_generates()
    {
        GeneratorRun run = GeneratorHarness.Run("using PrepGen;\nnamespace Demo;\n[ImagePipeline(Height = 4, Width = 4, Channels = 1)][Resizing(46340, 46340)] public static partial class P { }");
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileErrors);
    }
}
