using System;
using System.Linq;
using PrepGen.Runtime;

namespace PrepGen.Imaging;

/// <summary>What the CPU executor needs for one spec in one mode, computed once.</summary>
internal sealed class CpuPlan
{
    public CpuPlan(ImagePipelineSpec spec, bool training)
        : this(spec, training, SimdPaths.Best)
    {
    }

    /// <summary>A plan whose SIMD kernels run at <paramref name="width"/> (tests force every width).</summary>
    public CpuPlan(ImagePipelineSpec spec, bool training, SimdWidth width)
    {
        Spec = spec;
        Training = training;
        Width = width;
        Stages = spec.StageArray(training);
        int c = spec.Channels;
        int max = spec.InputLength;
        foreach (var s in Stages)
        {
            max = Math.Max(max, checked(s.OutHeight * s.OutWidth * c));
        }

        MaxImageFloats = max;
        OutH = Stages.Length == 0 ? spec.Height : Stages[^1].OutHeight;
        OutW = Stages.Length == 0 ? spec.Width : Stages[^1].OutWidth;
        Normalizations = new NormalizationKernel.Prepared?[Stages.Length];
        for (int i = 0; i < Stages.Length; i++)
        {
            if (Stages[i].Op is NormalizeOp n)
            {
                float[] mean = Enumerable.Range(0, c).Select(n.MeanOf).ToArray();
                float[] divisor = Enumerable.Range(0, c).Select(n.DivisorOf).ToArray();
                Normalizations[i] = new(mean, divisor, n.Invert, width, NormalizationKernel.PreferReciprocal);
            }
        }

        // Fused: at most a leading fixed resample, then only element-wise ops; one pass per output row.
        int firstPointwise = Stages.Length > 0 && Stages[0].Map is not null ? 1 : 0;
        Fused = Stages.Skip(firstPointwise).All(s => s.Op is RescaleOp or NormalizeOp);
    }

    public ImagePipelineSpec Spec { get; }

    public bool Training { get; }

    public SimdWidth Width { get; }

    public PipelineStage[] Stages { get; }

    public int MaxImageFloats { get; }

    public int OutH { get; }

    public int OutW { get; }

    public bool Fused { get; }

    /// <summary>
    /// A normalization stage's constants at <see cref="Width"/>: per channel its mean (a single Keras value broadcast)
    /// and divisor <c>max(sqrt(var), 1e-7)</c>; null for other stages.
    /// </summary>
    public NormalizationKernel.Prepared?[] Normalizations { get; }
}
