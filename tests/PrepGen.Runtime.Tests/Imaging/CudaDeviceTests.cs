using PrepGen.Cuda;
using PrepGen.Imaging;

namespace PrepGen.Runtime.Tests.Imaging;

/// <summary>A fact that runs only with a usable GPU; otherwise skipped with the driver's reason.</summary>
public sealed class CudaFactAttribute : FactAttribute
{
    /// <summary>Sets Skip when CUDA is unavailable.</summary>
    public CudaFactAttribute()
    {
        if (!CudaRuntime.IsAvailable)
        {
            Skip = CudaRuntime.UnavailableReason;
        }
    }
}

/// <summary>A fact that runs only where there is NO usable GPU (checks the graceful failure).</summary>
public sealed class NoCudaFactAttribute : FactAttribute
{
    /// <summary>Sets Skip when CUDA is available.</summary>
    public NoCudaFactAttribute()
    {
        if (CudaRuntime.IsAvailable)
        {
            Skip = "a GPU is present";
        }
    }
}

public class CudaDeviceTests
{
    [NoCudaFact]
    public void Without_a_gpu_cuda_types_throw_a_clear_exception_and_the_cpu_still_works()
    {
        Assert.False(string.IsNullOrEmpty(CudaRuntime.UnavailableReason));
        var spec = new ImagePipelineSpec(4, 4, 3, new ImageOp[] { new ResizeOp(2, 2) });
        var e = Assert.Throws<CudaUnavailableException>(() => new CudaImagePipeline(spec));
        Assert.Contains(CudaRuntime.UnavailableReason!, e.Message, StringComparison.Ordinal);
        Assert.Throws<CudaUnavailableException>(() => new DeviceBuffer<float>(16));

        var output = new float[12];
        ImagePipelineCpu.Run(spec, new byte[48], 1, output);
        Assert.All(output, v => Assert.Equal(0f, v));
    }

    [CudaFact]
    public void Gpu_matches_cpu_on_every_test_pipeline()
    {
        foreach (var (name, spec, training) in CudaSourceTests.Pipelines())
        {
            const int batch = 5;
            var bytes = ImageTestData.Bytes(batch * spec.InputLength, name.Length);
            var cpu = new float[batch * spec.OutputLength(training)];
            var gpu = new float[cpu.Length];
            ImagePipelineCpu.Run(spec, bytes, batch, cpu, training, seed: 42);
            using var pipeline = new CudaImagePipeline(spec);
            pipeline.Run(bytes, batch, gpu, training, seed: 42);
            Parity.AssertClose(cpu, gpu, 1e-4f, name);
        }
    }

    [CudaFact]
    public void Device_buffers_round_trip_and_run_on_a_stream()
    {
        var spec = PointwiseTests.StandardSpec(64, 48, 32, 32, ImageLayout.ChannelsFirst);
        const int batch = 7;
        var bytes = ImageTestData.Bytes(batch * spec.InputLength, 77);
        using var input = new DeviceBuffer<byte>(bytes.Length);
        using var output = new DeviceBuffer<float>(batch * spec.OutputLength(false));
        using var stream = new CudaStream();
        using var pipeline = new CudaImagePipeline(spec);
        input.CopyFrom(bytes);
        pipeline.Run(input, batch, output, stream: stream);
        stream.Synchronize();
        var gpu = new float[output.Length];
        output.CopyTo(gpu);
        var cpu = new float[gpu.Length];
        ImagePipelineCpu.Run(spec, bytes, batch, cpu);
        Parity.AssertClose(cpu, gpu, 1e-4f, "device buffers");
    }

    [CudaFact]
    public void Cuda_errors_name_the_cuda_result()
    {
        var e = Assert.Throws<CudaException>(() => new DeviceBuffer<byte>(long.MaxValue / 2));
        Assert.Contains("cuMemAlloc failed: CUDA_ERROR_", e.Message, StringComparison.Ordinal);
    }
}
