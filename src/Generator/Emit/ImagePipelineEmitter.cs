using PrepGen.Generator.Images;
using PrepGen.Generator.Model;

namespace PrepGen.Generator.Emit;

/// <summary>
/// Writes an image pipeline's members: the output size constants, the runtime spec built once from the
/// attributes, the CPU entry points and a factory for the fused CUDA path.
/// </summary>
internal static class ImagePipelineEmitter
{
    public static string Emit(ImagePipelineModel model)
    {
        var w = new SourceWriter();
        FileFrame.Open(w, "ImagePipeline " + model.QualifiedName, model.Namespace, model.Types);

        (int h, int wd) = model.OutputSize(training: false);
        (int th, int tw) = model.OutputSize(training: true);
        Constant(w, "Output height (inference).", "OutputHeight", h);
        Constant(w, "Output width (inference).", "OutputWidth", wd);
        Constant(w, "Output channels.", "OutputChannels", model.Channels);
        Constant(w, "Output height with <c>training: true</c> (differs from inference only with RandomCrop, as Keras 3).", "TrainingOutputHeight", th);
        Constant(w, "Output width with <c>training: true</c>.", "TrainingOutputWidth", tw);
        w.Line("/// <summary>The pipeline: input " + model.Height + "x" + model.Width + "x" + model.Channels + " channels-last, layers in declaration order.</summary>");
        w.Line("public static global::PrepGen.Imaging.ImagePipelineSpec Spec { get; } = new global::PrepGen.Imaging.ImagePipelineSpec(");
        w.Line("    " + model.Height + ", " + model.Width + ", " + model.Channels + ",");
        w.Line("    new global::PrepGen.Imaging.ImageOp[]");
        w.Line("    {");
        foreach (ImageOpModel op in model.Ops)
        {
            w.Line("        " + ImageOpEmitter.Construction(op) + ",");
        }

        w.Line("    },");
        w.Line("    global::PrepGen.ImageLayout." + (model.ChannelsFirst ? "ChannelsFirst" : "ChannelsLast") + ");");
        foreach (string input in new[] { "float", "byte" })
        {
            w.Line();
            w.Line("/// <summary>Runs the pipeline on a batch of " + (input == "byte" ? "uint8" : "float") + " images (augmentation only when <paramref name=\"training\"/>).</summary>");
            w.Line(GeneratorVersion.GeneratedCodeAttribute);
            w.Line("public static void Run(global::System.ReadOnlySpan<" + input + "> images, int batch, global::System.Span<float> output, bool training = false, ulong seed = 0)");
            w.Line("    => global::PrepGen.Imaging.ImagePipelineCpu.Run(Spec, images, batch, output, training, seed);");
        }

        w.Line();
        w.Line("/// <summary>The same pipeline as one fused CUDA kernel (compiled once per process by NVRTC); throws CudaUnavailableException without a GPU.</summary>");
        w.Line("public static global::PrepGen.Cuda.CudaImagePipeline CreateCudaPipeline() => new global::PrepGen.Cuda.CudaImagePipeline(Spec);");
        FileFrame.CloseTypes(w, model.Types);
        FileFrame.CloseNamespace(w, model.Namespace);
        return w.ToString();
    }

    private static void Constant(SourceWriter w, string summary, string name, int value)
    {
        w.Line("/// <summary>" + summary + "</summary>");
        w.Line("public const int " + name + " = " + Literals.Int(value) + ";");
        w.Line();
    }
}
