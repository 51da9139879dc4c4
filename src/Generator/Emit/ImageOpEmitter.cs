using System;
using System.Linq;
using PrepGen.Generator.Images;
using PrepGen.Generator.Model;

namespace PrepGen.Generator.Emit;

/// <summary>The C# expression that constructs an image layer's runtime op (<c>PrepGen.Imaging</c>) from its model.</summary>
internal static class ImageOpEmitter
{
    private const string Imaging = "global::PrepGen.Imaging.";

    public static string Construction(ImageOpModel op) => op switch
    {
        ResizeModel r => New("ResizeOp", Literals.Int(r.Height), Literals.Int(r.Width), Enum(r.Interpolation),
            "cropToAspectRatio: " + Literals.Bool(r.CropToAspectRatio), "padToAspectRatio: " + Literals.Bool(r.PadToAspectRatio), "fillValue: " + Literals.Float(r.FillValue)),
        CropModel c => New(c.Random ? "RandomCropOp" : "CenterCropOp", Literals.Int(c.Height), Literals.Int(c.Width)),
        RescaleModel r => New("RescaleOp", Literals.Float(r.Scale), Literals.Float(r.Offset)),
        NormalizeModel n => New("NormalizeOp", Floats(n.Mean), Floats(n.Variance), Literals.Bool(n.Invert)),
        FlipModel f => New("RandomFlipOp", Enum(f.Mode)),
        RotationModel r => New("RandomRotationOp", Factor(r.Factor), Fill(r.Fill)),
        ZoomModel z => New("RandomZoomOp", Factor(z.HeightFactor), z.WidthFactor is { } width ? Factor(width) : "null", Fill(z.Fill)),
        TranslationModel t => New("RandomTranslationOp", Factor(t.HeightFactor), Factor(t.WidthFactor), Fill(t.Fill)),
        IntensityModel i => New(i.Contrast ? "RandomContrastOp" : "RandomBrightnessOp",
            Factor(i.Factor, i.Contrast ? "ContrastFromKeras" : "FromKeras"), Literals.Float(i.Low), Literals.Float(i.High)),
        _ => throw new InvalidOperationException("no emitter for " + op.GetType().Name),
    };

    private static string New(string type, params string[] arguments) => "new " + Imaging + type + "(" + string.Join(", ", arguments) + ")";

    /// <summary>A factor as written (one value f means [-f, f]); the runtime's <c>FactorRange</c> applies Keras's reading.</summary>
    private static string Factor(EquatableArray<double> factor, string rule = "FromKeras") =>
        Imaging + "FactorRange." + rule + "(new double[] { " + string.Join(", ", factor.Select(Literals.Double)) + " })";

    private static string Fill(FillModel fill) => Enum(fill.Mode) + ", " + Enum(fill.Interpolation) + ", fillValue: " + Literals.Float(fill.Value);

    private static string Floats(EquatableArray<float> values) => "new float[] { " + string.Join(", ", values.Select(Literals.Float)) + " }";

    private static string Enum<T>(T value)
        where T : struct, Enum => "global::PrepGen." + typeof(T).Name + "." + value;
}
