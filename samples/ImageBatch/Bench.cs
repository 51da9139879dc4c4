using System;
using PrepGen;
using PrepGen.Cuda;
using PrepGen.Imaging;

namespace ImageBatch;

/// <summary>Times the fused kernel and a device-to-device copy with CUDA events in the same process.</summary>
internal static class Bench
{
    public static void Run(int iterations)
    {
        const int batch = 256;
        var spec = ParityPipelines.Imagenet(256, 256, 224, ImageLayout.ChannelsFirst);
        long inBytes = (long)batch * spec.InputLength;
        long outFloats = (long)batch * spec.OutputLength(false);
        var host = new byte[inBytes];
        new Random(5).NextBytes(host);

        using var input = new DeviceBuffer<byte>(inBytes);
        using var output = new DeviceBuffer<float>(outFloats);
        using var copyDst = new DeviceBuffer<float>(outFloats);
        using var stream = new CudaStream();
        using var start = new CudaEvent();
        using var stop = new CudaEvent();
        using var pipeline = new CudaImagePipeline(spec);
        input.CopyFrom(host);

        double kernelMs = Time(iterations, stream, start, stop, () => pipeline.Run(input, batch, output, stream: stream));
        double moved = inBytes + (outFloats * 4.0);
        Console.WriteLine($"fused kernel, batch {batch} uint8 256x256x3 -> 224x224 float NCHW normalized: {kernelMs:F4} ms, " +
            $"{moved / (kernelMs * 1e6):F0} GB/s effective (bytes read + written), {iterations} iterations");

        double trainMs = Time(iterations, stream, start, stop, () => pipeline.Run(input, batch, output, training: true, seed: 1, stream: stream));
        Console.WriteLine($"same pipeline in training mode (no augmentation layers, same kernel shape): {trainMs:F4} ms");

        double copyMs = Time(iterations, stream, start, stop, () => output.CopyToAsync(copyDst, stream));
        double copyBytes = 2.0 * outFloats * 4;
        Console.WriteLine($"device-to-device copy of {outFloats * 4 / 1e6:F0} MB: {copyMs:F4} ms, {copyBytes / (copyMs * 1e6):F0} GB/s (read + write)");

        using var pinned = new PinnedBuffer<byte>(inBytes);
        host.CopyTo(pinned.Span);
        double uploadMs = Time(Math.Max(iterations / 10, 3), stream, start, stop, () => input.CopyFromAsync(pinned, inBytes, stream));
        Console.WriteLine($"pinned host-to-device upload of {inBytes / 1e6:F0} MB: {uploadMs:F3} ms, {inBytes / (uploadMs * 1e6):F1} GB/s");
    }

    private static double Time(int iterations, CudaStream stream, CudaEvent start, CudaEvent stop, Action work)
    {
        for (int i = 0; i < 5; i++)
        {
            work();
        }

        start.Record(stream);
        for (int i = 0; i < iterations; i++)
        {
            work();
        }

        stop.Record(stream);
        stop.Synchronize();
        return CudaEvent.ElapsedMilliseconds(start, stop) / iterations;
    }
}
