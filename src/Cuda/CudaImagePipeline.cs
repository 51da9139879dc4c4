using System;
using PrepGen.Imaging;

namespace PrepGen.Cuda;

/// <summary>
/// An <see cref="ImagePipelineSpec"/> compiled to one fused CUDA kernel (NVRTC, once per process per
/// source). A batch is one launch. Results match <see cref="ImagePipelineCpu"/> (same Philox draws,
/// same float32 formulas, no fused multiply-add) to within rounding of sin/cos.
/// </summary>
public sealed unsafe class CudaImagePipeline : IDisposable
{
    private const uint BlockSize = 256;

    private readonly CudaModule _module;
    private readonly nint[] _functions = new nint[4];
    private readonly object _stagingGate = new();
    private Staging? _staging;

    /// <summary>Generates and compiles the kernel; throws <see cref="CudaUnavailableException"/> without a GPU.</summary>
    /// <param name="spec">The pipeline.</param>
    /// <param name="context">The context; null for <see cref="CudaContext.Default"/>.</param>
    public CudaImagePipeline(ImagePipelineSpec spec, CudaContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        CudaRuntime.EnsureAvailable();
        Spec = spec;
        Context = context ?? CudaContext.Default;
        KernelSource = CudaKernelSource.Generate(spec);
        _module = CudaModule.Get(Context, KernelSource);
        for (int i = 0; i < 4; i++)
        {
            _functions[i] = _module.Function(CudaKernelSource.KernelName(training: i >= 2, byteInput: i % 2 == 0));
        }
    }

    /// <summary>The pipeline.</summary>
    public ImagePipelineSpec Spec { get; }

    /// <summary>The context the kernel is loaded in.</summary>
    public CudaContext Context { get; }

    /// <summary>The generated CUDA C source.</summary>
    public string KernelSource { get; }

    /// <summary>Enqueues one batch of uint8 images on device memory (asynchronous on <paramref name="stream"/>).</summary>
    /// <param name="input">batch * H * W * C bytes, channels-last.</param>
    /// <param name="batch">Number of images.</param>
    /// <param name="output">batch * <see cref="ImagePipelineSpec.OutputLength"/> floats.</param>
    /// <param name="training">Apply the augmentation layers.</param>
    /// <param name="seed">Augmentation seed (the CPU executor gives the same result for the same seed).</param>
    /// <param name="stream">The stream; null for the default stream.</param>
    public void Run(DeviceBuffer<byte> input, int batch, DeviceBuffer<float> output, bool training = false, ulong seed = 0, CudaStream? stream = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        Launch(input.Pointer, input.Length, batch, output, training, seed, stream, byteInput: true);
    }

    /// <summary>Enqueues one batch of float images on device memory (asynchronous on <paramref name="stream"/>).</summary>
    /// <param name="input">batch * H * W * C floats, channels-last.</param>
    /// <param name="batch">Number of images.</param>
    /// <param name="output">batch * <see cref="ImagePipelineSpec.OutputLength"/> floats.</param>
    /// <param name="training">Apply the augmentation layers.</param>
    /// <param name="seed">Augmentation seed.</param>
    /// <param name="stream">The stream; null for the default stream.</param>
    public void Run(DeviceBuffer<float> input, int batch, DeviceBuffer<float> output, bool training = false, ulong seed = 0, CudaStream? stream = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        Launch(input.Pointer, input.Length, batch, output, training, seed, stream, byteInput: false);
    }

    /// <summary>Host-memory convenience: upload through pinned staging, one launch, download; synchronous.</summary>
    /// <param name="images">batch * H * W * C bytes, channels-last.</param>
    /// <param name="batch">Number of images.</param>
    /// <param name="output">batch * <see cref="ImagePipelineSpec.OutputLength"/> floats.</param>
    /// <param name="training">Apply the augmentation layers.</param>
    /// <param name="seed">Augmentation seed.</param>
    public void Run(ReadOnlySpan<byte> images, int batch, Span<float> output, bool training = false, ulong seed = 0)
        => RunHost(images, batch, output, training, seed);

    /// <summary>Host-memory convenience for float pixels; synchronous.</summary>
    /// <param name="images">batch * H * W * C floats, channels-last.</param>
    /// <param name="batch">Number of images.</param>
    /// <param name="output">batch * <see cref="ImagePipelineSpec.OutputLength"/> floats.</param>
    /// <param name="training">Apply the augmentation layers.</param>
    /// <param name="seed">Augmentation seed.</param>
    public void Run(ReadOnlySpan<float> images, int batch, Span<float> output, bool training = false, ulong seed = 0)
        => RunHost(images, batch, output, training, seed);

    /// <summary>Frees the staging buffers (the compiled module stays cached for the process).</summary>
    public void Dispose()
    {
        lock (_stagingGate)
        {
            _staging?.Dispose();
            _staging = null;
        }
    }

    private void RunHost<T>(ReadOnlySpan<T> images, int batch, Span<float> output, bool training, ulong seed)
        where T : unmanaged
    {
        long inCount = (long)batch * Spec.InputLength;
        long outCount = (long)batch * Spec.OutputLength(training);
        if (images.Length != inCount || output.Length < outCount)
        {
            throw new ArgumentException($"Expected {inCount} input values and room for {outCount} outputs.");
        }

        if (batch == 0)
        {
            return;
        }

        lock (_stagingGate)
        {
            var s = _staging ??= new Staging(Context);
            var (hostIn, devIn) = s.Input<T>(inCount);
            var (hostOut, devOut) = s.Output(outCount);
            images.CopyTo(hostIn.Span);
            devIn.CopyFromAsync(hostIn, inCount, s.Stream);
            Launch(devIn.Pointer, inCount, batch, devOut, training, seed, s.Stream, typeof(T) == typeof(byte));
            devOut.CopyToAsync(hostOut, outCount, s.Stream);
            s.Stream.Synchronize();
            hostOut.Span[..(int)outCount].CopyTo(output);
        }
    }

    private void Launch(ulong input, long inputLength, int batch, DeviceBuffer<float> output, bool training, ulong seed, CudaStream? stream, bool byteInput)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegative(batch);
        long outPerImage = Spec.OutputLength(training);
        if (inputLength < (long)batch * Spec.InputLength || output.Length < batch * outPerImage)
        {
            throw new ArgumentException($"Buffers too small for {batch} images.");
        }

        if (batch == 0)
        {
            return;
        }

        uint grid;
        if (CudaKernelSource.UsesBlockPerImage(Spec, training))
        {
            grid = (uint)batch;
        }
        else
        {
            // The kernels also grid-stride, so the clamp below only costs parallelism, never coverage.
            long threads = CudaKernelSource.Threads(Spec, training, batch);
            grid = (uint)Math.Clamp((threads + BlockSize - 1) / BlockSize, 1, int.MaxValue);
        }

        Context.MakeCurrent();
        ulong outPtr = output.Pointer;
        var fn = _functions[(training ? 2 : 0) + (byteInput ? 0 : 1)];
        void** args = stackalloc void*[4];
        args[0] = &input;
        args[1] = &outPtr;
        args[2] = &batch;
        args[3] = &seed;
        CudaModule.Launch(fn, grid, BlockSize, stream?.Handle ?? 0, args);
    }

    /// <summary>Pinned host and device buffers for the host-memory overloads, grown on demand.</summary>
    private sealed class Staging : IDisposable
    {
        private readonly CudaContext _context;
        private object? _hostIn;
        private object? _devIn;
        private PinnedBuffer<float>? _hostOut;
        private DeviceBuffer<float>? _devOut;

        public Staging(CudaContext context)
        {
            _context = context;
            Stream = new CudaStream(context);
        }

        public CudaStream Stream { get; }

        public (PinnedBuffer<T> Host, DeviceBuffer<T> Device) Input<T>(long count)
            where T : unmanaged
        {
            if (_hostIn is not PinnedBuffer<T> h || h.Length < count || _devIn is not DeviceBuffer<T> d)
            {
                (_hostIn as IDisposable)?.Dispose();
                (_devIn as IDisposable)?.Dispose();
                h = new PinnedBuffer<T>(count, _context);
                d = new DeviceBuffer<T>(count, _context);
                _hostIn = h;
                _devIn = d;
            }

            return (h, d);
        }

        public (PinnedBuffer<float> Host, DeviceBuffer<float> Device) Output(long count)
        {
            if (_hostOut is null || _devOut is null || _hostOut.Length < count)
            {
                _hostOut?.Dispose();
                _devOut?.Dispose();
                _hostOut = new PinnedBuffer<float>(count, _context);
                _devOut = new DeviceBuffer<float>(count, _context);
            }

            return (_hostOut, _devOut);
        }

        public void Dispose()
        {
            (_hostIn as IDisposable)?.Dispose();
            (_devIn as IDisposable)?.Dispose();
            _hostOut?.Dispose();
            _devOut?.Dispose();
            Stream.Dispose();
        }
    }
}
