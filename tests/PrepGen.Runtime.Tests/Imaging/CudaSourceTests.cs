using PrepGen.Cuda;
using PrepGen.Imaging;

namespace PrepGen.Runtime.Tests.Imaging;

/// <summary>
/// The generated CUDA source, run through the C++ emulation, equals the CPU executor; expectations come
/// from the CPU executor, which the Keras-vector tests pin to Keras. On a GPU, the CUDA tests compare
/// the device against the CPU the same way.
/// </summary>
public class CudaSourceTests
{
    internal static IEnumerable<(string Name, ImagePipelineSpec Spec, bool Training)> Pipelines()
    {
        var imagenet = new NormalizeOp(new[] { 0.485f, 0.456f, 0.406f }, new[] { 0.229f * 0.229f, 0.224f * 0.224f, 0.225f * 0.225f });
        yield return ("resize-rescale-normalize-nchw", new ImagePipelineSpec(37, 53, 3,
            new ImageOp[] { new ResizeOp(24, 32), new RescaleOp(1f / 255f), imagenet }, ImageLayout.ChannelsFirst), false);
        yield return ("odd-size-nhwc", new ImagePipelineSpec(20, 30, 3,
            new ImageOp[] { new ResizeOp(13, 17, cropToAspectRatio: true), new RescaleOp(1f / 127.5f, -1f) }), false);
        yield return ("nearest-pad-centercrop", new ImagePipelineSpec(19, 40, 2,
            new ImageOp[] { new ResizeOp(16, 16, Interpolation.Nearest, padToAspectRatio: true, fillValue: 9f), new CenterCropOp(12, 8) }), false);
        yield return ("centercrop-upsample-nchw", new ImagePipelineSpec(9, 14, 3,
            new ImageOp[] { new CenterCropOp(12, 12), imagenet }, ImageLayout.ChannelsFirst), false);
        yield return ("geometric-augmentation", new ImagePipelineSpec(24, 28, 3, new ImageOp[]
        {
            new RandomFlipOp(),
            new RandomRotationOp(FactorRange.FromKeras(new[] { 0.3 })),
            new RandomZoomOp(FactorRange.FromKeras(new[] { 0.4 }), FactorRange.FromKeras(new[] { -0.2, 0.5 }), FillMode.Constant, Interpolation.Nearest, 3f),
            new RandomTranslationOp(FactorRange.FromKeras(new[] { 0.3 }), FactorRange.FromKeras(new[] { 0.3 }), FillMode.Wrap),
            new RandomTranslationOp(FactorRange.FromKeras(new[] { 0.6 }), FactorRange.FromKeras(new[] { 0.6 }), FillMode.Nearest),
            new RandomCropOp(20, 16),
            new RandomBrightnessOp(FactorRange.FromKeras(new[] { 0.2 })),
            new RescaleOp(1f / 255f),
        }, ImageLayout.ChannelsFirst), true);
        yield return ("contrast-and-crop-fallback", new ImagePipelineSpec(16, 18, 3, new ImageOp[]
        {
            new RandomContrastOp(FactorRange.ContrastFromKeras(new[] { 0.5 })),
            new RandomCropOp(12, 24),
            new RandomFlipOp(FlipMode.Vertical),
            new RandomContrastOp(FactorRange.ContrastFromKeras(new[] { 0.2, 0.3 }), 10f, 200f),
        }), true);
    }

    public static TheoryData<string> PipelineNames()
    {
        var data = new TheoryData<string>();
        foreach (var p in Pipelines())
        {
            data.Add(p.Name);
        }

        return data;
    }

    [EmulatedCudaTheory]
    [MemberData(nameof(PipelineNames))]
    public void Emulated_kernel_matches_the_cpu(string name)
    {
        var (_, spec, training) = Pipelines().Single(p => p.Name == name);
        const int batch = 3;
        var bytes = ImageTestData.Bytes(batch * spec.InputLength, name.Length);
        foreach (bool byteInput in new[] { true, false })
        {
            var cpu = new float[batch * spec.OutputLength(training)];
            float[] emulated;
            if (byteInput)
            {
                ImagePipelineCpu.Run(spec, bytes, batch, cpu, training, seed: 42);
                emulated = CudaSourceEmulator.Run(spec, bytes, batch, training, seed: 42);
            }
            else
            {
                var floats = ImageTestData.Floats(bytes);
                ImagePipelineCpu.Run(spec, floats, batch, cpu, training, seed: 42);
                emulated = CudaSourceEmulator.Run(spec, floats, batch, training, seed: 42);
            }

            Parity.AssertClose(cpu, emulated, 1e-4f, name);
        }
    }

    [EmulatedCudaTheory]
    [MemberData(nameof(KerasVectorTests.VectorIds), MemberType = typeof(KerasVectorTests))]
    public void Emulated_kernel_matches_keras_vectors(string id)
    {
        var vector = KerasImageVectors.ById(id);
        if (vector.GetProperty("expected").ValueKind != System.Text.Json.JsonValueKind.Array)
        {
            return; // "unchanged input" (inference identity) is covered by the CPU test.
        }

        var (h, w, c, pixels) = KerasImageVectors.Image(vector);
        var op = KerasImageVectors.Op(vector);
        bool training = KerasImageVectors.Training(vector);
        var spec = new ImagePipelineSpec(h, w, c, new[] { op });
        ulong seed = op is RandomFlipOp ? FlipSeeds.First(flips: true) : 7;
        var (_, _, _, expected) = KerasImageVectors.Expected(vector);
        Parity.AssertClose(expected, CudaSourceEmulator.Run(spec, pixels, 1, training, seed), 1e-5f, id);
    }

    [Fact]
    public void Source_is_deterministic_and_names_four_kernels()
    {
        var (_, spec, _) = Pipelines().First();
        string source = CudaKernelSource.Generate(spec);
        Assert.Equal(source, CudaKernelSource.Generate(spec));
        foreach (bool training in new[] { false, true })
        {
            foreach (bool bytes in new[] { false, true })
            {
                Assert.Contains($"extern \"C\" __global__ void __launch_bounds__(256) {CudaKernelSource.KernelName(training, bytes)}(", source, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Channels_first_outputs_use_float4_stores()
    {
        var (_, spec, _) = Pipelines().First();
        Assert.Contains("reinterpret_cast<float4*>", CudaKernelSource.Generate(spec), StringComparison.Ordinal);
        Assert.Equal(24 * 32 / 4 * 5, CudaKernelSource.Threads(spec, false, 5));
    }
}

internal static class Parity
{
    public static void AssertClose(float[] expected, float[] actual, float tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            float diff = Math.Abs(expected[i] - actual[i]);
            Assert.True(diff <= tolerance * Math.Max(1f, Math.Abs(expected[i])), $"{what}: element {i} expected {expected[i]} got {actual[i]}");
        }
    }
}
