using System;
using PrepGen.Cuda;
using PrepGen.Imaging;

namespace ImageBatch;

/// <summary>Runs a pipeline on the CPU and on the GPU (uint8 and float input) and compares.</summary>
internal static class Parity
{
    public static bool Check(string name, ImagePipelineSpec spec, bool training)
    {
        const int batch = 6;
        const ulong seed = 1234;
        var bytes = new byte[batch * spec.InputLength];
        new Random(name.Length).NextBytes(bytes);
        var floats = Array.ConvertAll(bytes, b => (float)b);
        int n = batch * spec.OutputLength(training);
        var cpu = new float[n];
        var gpu = new float[n];
        using var pipeline = new CudaImagePipeline(spec);
        double worst = 0;
        ImagePipelineCpu.Run(spec, bytes, batch, cpu, training, seed);
        pipeline.Run(bytes, batch, gpu, training, seed);
        worst = Math.Max(worst, MaxRelativeError(cpu, gpu));
        ImagePipelineCpu.Run(spec, floats, batch, cpu, training, seed);
        pipeline.Run(floats, batch, gpu, training, seed);
        worst = Math.Max(worst, MaxRelativeError(cpu, gpu));
        bool ok = worst <= 1e-4;
        Console.WriteLine($"  {(ok ? "ok  " : "FAIL")} {name,-40} max error {worst:E2}");
        return ok;
    }

    private static double MaxRelativeError(float[] expected, float[] actual)
    {
        double worst = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(expected[i] - actual[i]) / Math.Max(1.0, Math.Abs(expected[i])));
        }

        return worst;
    }
}
