using System.Collections.Generic;
using PrepGen.Generator.Model;

namespace PrepGen.Generator.Emit;

/// <summary>
/// Normalization, Discretization and Rescaling: one call into the runtime's fused kernels
/// (src/Runtime/Numeric) with the layer's float32 constants, written as round-trip literals.
/// </summary>
internal static class NumericEmitter
{
    private const string Kernels = Names.Runtime + ".";

    /// <summary>Normalization and Discretization keep their constants in a file-local class; Rescaling passes two literals.</summary>
    public static bool NeedsType(LayerModel model) => model.Numeric is not null && model.Spec.Kind != LayerKind.Rescaling;

    public static IEnumerable<string> Body(LayerModel model, string layer, string[] p)
    {
        NumericState state = model.Numeric!;
        switch (model.Spec.Kind)
        {
            case LayerKind.Normalization:
                string kernel = state.Invert ? "Denormalize" : "Normalize";
                yield return Kernels + "NormalizationKernel." + kernel + "(" + p[0] + ", " + p[1] + ", " + layer + ".Mean, " + layer + ".Denominator);";
                break;
            case LayerKind.Rescaling:
                yield return Kernels + "RescalingKernel.Rescale(" + p[0] + ", " + p[1] + ", " + Float(state.Scale) + ", " + Float(state.Offset) + ");";
                break;
            default:
                string discretize = Kernels + "DiscretizationKernel.";
                string boundaries = layer + ".Boundaries";
                yield return model.Shape switch
                {
                    CallShape.Index => "return " + discretize + "Bucket(" + p[0] + ", " + boundaries + ");",
                    CallShape.IndexBatch => discretize + "Buckets(" + p[0] + ", " + p[1] + ", " + boundaries + ");",
                    CallShape.OneHot => discretize + "OneHot(" + p[0] + ", " + p[1] + ", " + boundaries + ");",
                    _ => discretize + "Accumulate(" + p[0] + ", " + p[1] + ", " + boundaries + ", count: " + (model.Mode == OutputMode.Count ? "true" : "false") + ");",
                };
                break;
        }
    }

    public static void WriteType(SourceWriter w, LayerModel model)
    {
        NumericState state = model.Numeric!;
        w.Line("/// <summary>");
        if (model.Spec.Kind == LayerKind.Normalization)
        {
            w.Line("/// Keras Normalization" + (state.Invert ? " (Invert): mean + x * denominator" : ": (x - mean) / denominator") +
                ", float32, " + Count(state.Mean.Count, "feature") + " from " + Literals.XmlText(state.Source) + ".");
            w.Line("/// Denominator = max(sqrt(float32(variance)), 1e-7f).");
        }
        else
        {
            w.Line("/// Keras Discretization, OutputMode " + model.Mode + ": the bin is the number of boundaries &lt;= x (bisect-right, NaN takes the last bin), " +
                Count(state.Boundaries.Count, "float32 boundary", "float32 boundaries") + " from " + Literals.XmlText(state.Source) + ".");
        }

        w.Line("/// </summary>");
        w.Open("file static class " + Names.LayerType(model.Spec));
        if (model.Spec.Kind == LayerKind.Normalization)
        {
            WriteArray(w, "Mean", state.Mean);
            w.Line();
            WriteArray(w, "Denominator", state.Denominator);
        }
        else
        {
            WriteArray(w, "Boundaries", state.Boundaries);
        }

        w.Close();
    }

    private static void WriteArray(SourceWriter w, string name, EquatableArray<float> values)
    {
        // A static readonly array: a ReadOnlySpan<float> property over a new[] would allocate in Debug builds.
        if (values.Count == 0)
        {
            w.Line("public static readonly float[] " + name + " = { };");
            return;
        }

        w.Line("public static readonly float[] " + name + " =");
        w.Line("{");
        w.Raw(Literals.Rows(values.ToArray(), 8, w.Indent + 1, Float));
        w.Line("};");
    }

    /// <summary>A round-trip float32 literal that also keeps the sign of -0 (which "R" drops on .NET Framework hosts).</summary>
    private static string Float(float value) =>
        value == 0 && float.IsNegativeInfinity(1f / value) ? "-0f" : Literals.Float(value);

    private static string Count(int n, string singular, string? plural = null) =>
        n + " " + (n == 1 ? singular : plural ?? singular + "s");
}
