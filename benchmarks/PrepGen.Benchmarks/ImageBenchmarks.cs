using BenchmarkDotNet.Attributes;
using PrepGen.Imaging;
using PrepGen.Runtime;

namespace PrepGen.Benchmarks;

/// <summary>
/// The CPU image kernels on one 224x224x3 image (150,528 values, 602 KB of floats) against a span copy of the same
/// floats, and whole pipelines on one image, single-threaded; at the best width and with Vector128 forced (Arm64's
/// shape). Width "best" is what <see cref="ImagePipelineCpu"/> runs. The in-place kernels run with constants that
/// keep the values where they are over repeated runs (a sign flip, a clip that saturates): their cost does not depend
/// on the constants, but values drifting into subnormals or infinities would change it.
/// </summary>
[MemoryDiagnoser]
public unsafe class ImageBenchmarks
{
    private const int Side = 224;
    private const int Channels = 3;
    private const int Count = Side * Side * Channels;
    private static readonly float[] Mean = [0.485f, 0.456f, 0.406f];
    private static readonly float[] Divisor = [0.229f, 0.224f, 0.225f];
    private static readonly float[] Zeros = [0f, 0f, 0f];
    private static readonly float[] Flips = [-1f, 1f, -1f];
    private readonly Scratch _scratch = new();
    private byte[] _bytes = [];
    private byte[] _large = [];
    private float[] _image = [];
    private float[] _output = [];
    private CpuPlan _imagenet = null!;
    private CpuPlan _pointwise = null!;
    private CpuPlan _brightness = null!;
    private NormalizationKernel.Prepared _flip = null!;

    /// <summary>"best" (<see cref="SimdPaths.Best"/>) or "v128".</summary>
    [Params("best", "v128")]
    public string Width { get; set; } = "best";

    private SimdWidth Lanes => Width == "v128" ? SimdWidth.V128 : SimdPaths.Best;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(224);
        _bytes = new byte[Count];
        random.NextBytes(_bytes);
        _large = new byte[256 * 256 * Channels];
        random.NextBytes(_large);
        _image = GC.AllocateArray<float>(Count, pinned: true);
        _output = GC.AllocateArray<float>(Count, pinned: true);
        for (int i = 0; i < Count; i++)
        {
            _image[i] = _bytes[i];
        }

        var normalize = new NormalizeOp(Mean, Divisor.Select(d => d * d).ToArray());
        _flip = new NormalizationKernel.Prepared(Zeros, Flips, invert: false, Lanes, NormalizationKernel.PreferReciprocal);

        // ImageNet: uint8 256x256 -> bilinear 224x224 -> x/255 -> normalize -> NCHW (the fused path, row by row).
        _imagenet = Plan(new(256, 256, Channels, [new ResizeOp(Side, Side), new RescaleOp(1f / 255f), normalize], ImageLayout.ChannelsFirst), false);

        // The same without the resize: bytes to floats, rescale, normalize, NCHW; nothing but pointwise kernels.
        _pointwise = Plan(new(Side, Side, Channels, [new RescaleOp(1f / 255f), normalize], ImageLayout.ChannelsFirst), false);

        // The stage-by-stage path in training: whole-image conversion, brightness (add and clip), rescale, NCHW.
        _brightness = Plan(new(Side, Side, Channels, [new RandomBrightnessOp(FactorRange.FromKeras([0.2])), new RescaleOp(1f / 255f)], ImageLayout.ChannelsFirst), true);

        // Each forced-width pipeline gives the public executor's bits.
        foreach ((CpuPlan plan, byte[] input) in new[] { (_imagenet, _large), (_pointwise, _bytes), (_brightness, _bytes) })
        {
            var expected = new float[Count];
            ImagePipelineCpu.Run(plan.Spec, input, 1, expected, plan.Training, seed: 1, maxDegreeOfParallelism: 1);
            Run(plan, input);
            if (!expected.AsSpan().SequenceEqual(_output))
            {
                throw new InvalidOperationException($"The {Width} plan disagrees with ImagePipelineCpu");
            }
        }
    }

    [Benchmark(Baseline = true)]
    public void SpanCopy() => _image.AsSpan().CopyTo(_output);

    [Benchmark]
    public void BytesToFloats()
    {
        fixed (byte* x = _bytes)
        fixed (float* y = _output)
        {
            PointwiseKernels.BytesToFloats(x, y, Count, Lanes);
        }
    }

    [Benchmark]
    public void Rescale()
    {
        fixed (float* p = _image)
        {
            PointwiseKernels.Rescale(p, Count, -1f, 0f, Lanes);
        }
    }

    [Benchmark]
    public void Normalize()
    {
        fixed (float* p = _image)
        {
            PointwiseKernels.Normalize(p, Count, _flip);
        }
    }

    [Benchmark]
    public void AddClip()
    {
        fixed (float* p = _image)
        {
            PointwiseKernels.AddClip(p, Count, 12.5f, 0f, 255f, Lanes);
        }
    }

    [Benchmark]
    public void StoreChannelsFirst()
    {
        fixed (float* x = _image)
        fixed (float* y = _output)
        {
            PointwiseKernels.Store(x, y, 0, Side, Side, Side, Channels, ImageLayout.ChannelsFirst, Lanes);
        }
    }

    [Benchmark]
    public void Pipeline_Imagenet() => Run(_imagenet, _large);

    [Benchmark]
    public void Pipeline_Pointwise() => Run(_pointwise, _bytes);

    [Benchmark]
    public void Pipeline_Brightness() => Run(_brightness, _bytes);

    private CpuPlan Plan(ImagePipelineSpec spec, bool training)
    {
        var plan = new CpuPlan(spec, training, Lanes);
        _scratch.Ensure(plan.MaxImageFloats, Channels);
        return plan;
    }

    private void Run(CpuPlan plan, byte[] input)
    {
        fixed (byte* x = input)
        fixed (float* y = _output)
        {
            ImageExecutor.Process(plan, x, y, image: 0, seed: 1, _scratch);
        }
    }
}
