using System;
using System.Diagnostics;
using System.Globalization;
using ImageBatch;
using PrepGen;
using PrepGen.Cuda;
using PrepGen.Imaging;

// Exit codes: 0 all parity checks passed; 1 a parity check failed; 2 no usable GPU (nothing measured).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
int iterations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;

if (!CudaRuntime.IsAvailable)
{
    Console.WriteLine($"CUDA unavailable: {CudaRuntime.UnavailableReason}");
    Console.WriteLine("No GPU numbers were measured. The CPU path still works:");
    CpuOnly();
    return 2;
}

var ctx = CudaContext.Default;
Console.WriteLine($"device: {ctx.Name}, compute capability {ctx.ComputeCapability.Major}.{ctx.ComputeCapability.Minor}");

int failures = 0;
foreach (var (name, spec, training) in ParityPipelines.All())
{
    failures += Parity.Check(name, spec, training) ? 0 : 1;
}

Console.WriteLine(failures == 0 ? "parity: all passed (tolerance 1e-4)" : $"parity: {failures} FAILED");
Bench.Run(iterations);
return failures == 0 ? 0 : 1;

static void CpuOnly()
{
    var spec = ParityPipelines.Imagenet(256, 256, 224, ImageLayout.ChannelsFirst);
    const int batch = 32;
    var input = new byte[batch * spec.InputLength];
    new Random(1).NextBytes(input);
    var output = new float[batch * spec.OutputLength(false)];
    ImagePipelineCpu.Run(spec, input, batch, output);
    var sw = Stopwatch.StartNew();
    const int reps = 5;
    for (int i = 0; i < reps; i++)
    {
        ImagePipelineCpu.Run(spec, input, batch, output);
    }

    double ms = sw.Elapsed.TotalMilliseconds / reps;
    Console.WriteLine($"CPU fused path, batch {batch} uint8 256x256x3 -> 224x224 float NCHW normalized: {ms:F2} ms per batch " +
        $"({Environment.ProcessorCount} cores)");
}
