using System.Reflection;
using System.Runtime.Loader;

namespace PrepGen.Generator.Tests;

/// <summary>
/// What generated code loads: the runtime assemblies are resolved by an observing load context, so the test
/// sees exactly what the JIT asked for (the test host itself has every PrepGen assembly loaded already). An
/// assembly is loaded when a method that uses its types is compiled, so only a call of
/// <c>CreateCudaPipeline()</c> may load PrepGen.Cuda.
/// </summary>
public class AssemblyLoadTests
{
    private const string Source = """
        using System;
        using PrepGen;
        namespace Demo;

        [ImagePipeline(Height = 2, Width = 2, Channels = 1)]
        [Resizing(1, 1)]
        public static partial class Thumb { }

        public static partial class Layers
        {
            [Hashing(NumBins = 3)]
            public static partial long Bin(string value);
        }

        public static class Call
        {
            public static long Lookup() => Layers.Bin("A");

            public static float Cpu()
            {
                var output = new float[1];
                Thumb.Run(new float[] { 1, 2, 3, 4 }, 1, output);
                return output[0];
            }

            public static void Cuda()
            {
                using var pipeline = Thumb.CreateCudaPipeline();
            }
        }
        """;

    private static readonly Lazy<byte[]> Compiled = new(() =>
    {
        GeneratorRun run = GeneratorHarness.Run(Source);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileErrors);
        using var stream = new MemoryStream();
        Assert.True(run.Output.Emit(stream).Success);
        return stream.ToArray();
    });

    [Fact]
    public void A_generated_lookup_loads_the_hot_path_runtime_only()
    {
        var context = new ObservingContext();
        Type call = context.LoadFromStream(new MemoryStream(Compiled.Value)).GetType("Demo.Call")!;

        // keras-vectors.json hashing-farmhash-ABCDE-3: Hashing(num_bins=3) maps "A" to 1.
        Assert.Equal(1L, call.GetMethod("Lookup")!.Invoke(null, null));
        Assert.Contains("PrepGen.Runtime", context.Loaded);
        Assert.Empty(context.Loaded.Except(["PrepGen.Attributes", "PrepGen.Runtime"]));
    }

    [Fact]
    public void A_generated_CPU_image_pipeline_does_not_load_CUDA_and_CreateCudaPipeline_does()
    {
        var context = new ObservingContext();
        Type call = context.LoadFromStream(new MemoryStream(Compiled.Value)).GetType("Demo.Call")!;

        // Bilinear (half-pixel centres) 2x2 -> 1x1 samples the middle: the mean of 1, 2, 3, 4.
        Assert.Equal(2.5f, call.GetMethod("Cpu")!.Invoke(null, null));

        // Imaging and the hot-path runtime (its numeric driver runs the pointwise kernels); no CUDA, no adapters.
        Assert.Equal(["PrepGen.Imaging", "PrepGen.Runtime"], context.Loaded.Except(["PrepGen.Attributes"]));

        // Without a GPU the constructor throws (CudaUnavailableException), after the assembly was loaded to
        // run it; whether the kernel compiles is CudaDeviceTests' concern, the load is this test's.
        try
        {
            call.GetMethod("Cuda")!.Invoke(null, null);
        }
        catch (TargetInvocationException)
        {
        }

        Assert.Contains("PrepGen.Cuda", context.Loaded);
    }

    /// <summary>Loads PrepGen's assemblies from the test's folder into this context and remembers which.</summary>
    private sealed class ObservingContext() : AssemblyLoadContext("PrepGenLoads" + Guid.NewGuid(), isCollectible: true)
    {
        public string[] Loaded => Assemblies.Select(a => a.GetName().Name!).Where(n => n.StartsWith("PrepGen.", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();

        protected override Assembly? Load(AssemblyName name) =>
            name.Name is { } n && n.StartsWith("PrepGen.", StringComparison.Ordinal)
                ? LoadFromAssemblyPath(Path.Combine(AppContext.BaseDirectory, n + ".dll"))
                : null;
    }
}
