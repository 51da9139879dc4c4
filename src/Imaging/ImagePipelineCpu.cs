using System;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace PrepGen.Imaging;

/// <summary>
/// Runs an <see cref="ImagePipelineSpec"/> on the CPU. Input is a batch of channels-last images
/// (H * W * C values each); output is float32 in the spec's layout. Augmentation acts only when
/// <c>training</c> is true; its draws depend on (seed, image index, layer index) only, so a batch is
/// reproducible whatever the thread count.
/// </summary>
public static unsafe class ImagePipelineCpu
{
    // Below this many output floats per batch, threads cost more than they save.
    private const long ParallelThreshold = 1 << 16;

    private static readonly ConditionalWeakTable<ImagePipelineSpec, CpuPlan[]> Plans = new();

    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>Runs the pipeline on float pixels.</summary>
    /// <param name="spec">The pipeline.</param>
    /// <param name="images">batch * H * W * C values, channels-last.</param>
    /// <param name="batch">Number of images.</param>
    /// <param name="output">batch * <see cref="ImagePipelineSpec.OutputLength"/> floats.</param>
    /// <param name="training">Apply the augmentation layers.</param>
    /// <param name="seed">Augmentation seed; the same seed reproduces the same batch.</param>
    /// <param name="maxDegreeOfParallelism">Thread cap (-1: default; 1: run on the calling thread).</param>
    public static void Run(ImagePipelineSpec spec, ReadOnlySpan<float> images, int batch, Span<float> output,
        bool training = false, ulong seed = 0, int maxDegreeOfParallelism = -1)
    {
        var plan = Validate(spec, images.Length, batch, output.Length, training);
        fixed (float* src = images)
        fixed (float* dst = output)
        {
            Execute(plan, src, batch, dst, seed, maxDegreeOfParallelism);
        }
    }

    /// <summary>Runs the pipeline on uint8 pixels (cast to float32 on entry, as tf.data does).</summary>
    /// <param name="spec">The pipeline.</param>
    /// <param name="images">batch * H * W * C bytes, channels-last.</param>
    /// <param name="batch">Number of images.</param>
    /// <param name="output">batch * <see cref="ImagePipelineSpec.OutputLength"/> floats.</param>
    /// <param name="training">Apply the augmentation layers.</param>
    /// <param name="seed">Augmentation seed; the same seed reproduces the same batch.</param>
    /// <param name="maxDegreeOfParallelism">Thread cap (-1: default; 1: run on the calling thread).</param>
    public static void Run(ImagePipelineSpec spec, ReadOnlySpan<byte> images, int batch, Span<float> output,
        bool training = false, ulong seed = 0, int maxDegreeOfParallelism = -1)
    {
        var plan = Validate(spec, images.Length, batch, output.Length, training);
        fixed (byte* src = images)
        fixed (float* dst = output)
        {
            Execute(plan, src, batch, dst, seed, maxDegreeOfParallelism);
        }
    }

    private static CpuPlan Validate(ImagePipelineSpec spec, int inputLength, int batch, int outputLength, bool training)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfNegative(batch);
        if ((long)inputLength != (long)batch * spec.InputLength)
        {
            throw new ArgumentException($"Expected {(long)batch * spec.InputLength} input values for {batch} images of {spec.Height}x{spec.Width}x{spec.Channels}, got {inputLength}.");
        }

        if ((long)outputLength < (long)batch * spec.OutputLength(training))
        {
            throw new ArgumentException($"The output needs {(long)batch * spec.OutputLength(training)} floats, got {outputLength}.");
        }

        var plans = Plans.GetValue(spec, s => new[] { new CpuPlan(s, false), new CpuPlan(s, true) });
        return plans[training ? 1 : 0];
    }

    private static void Execute<T>(CpuPlan plan, T* src, int batch, float* dst, ulong seed, int maxDegree)
        where T : unmanaged
    {
        long inStride = plan.Spec.InputLength;
        long outStride = plan.Spec.OutputLength(plan.Training);
        if (maxDegree == 1 || batch < 2 || Environment.ProcessorCount == 1 || batch * outStride < ParallelThreshold)
        {
            var scratch = Rent(plan);
            for (int i = 0; i < batch; i++)
            {
                ImageExecutor.Process(plan, src + (i * inStride), dst + (i * outStride), i, seed, scratch);
            }

            return;
        }

        nint srcAddr = (nint)src;
        nint dstAddr = (nint)dst;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegree };
        Parallel.For(0, batch, options, i =>
        {
            ImageExecutor.Process(plan, (T*)srcAddr + (i * inStride), (float*)dstAddr + (i * outStride), i, seed, Rent(plan));
        });
    }

    private static Scratch Rent(CpuPlan plan)
    {
        var s = t_scratch ??= new Scratch();
        s.Ensure(plan.MaxImageFloats, plan.Spec.Channels);
        return s;
    }
}
