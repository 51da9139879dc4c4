using System;
using System.Linq;

namespace PrepGen.Imaging;

/// <summary>What the CPU executor needs for one spec in one mode, computed once.</summary>
internal sealed class CpuPlan
{
    public CpuPlan(ImagePipelineSpec spec, bool training)
    {
        Spec = spec;
        Training = training;
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
        MeanPatterns = new float[Stages.Length][];
        DivPatterns = new float[Stages.Length][];
        for (int i = 0; i < Stages.Length; i++)
        {
            if (Stages[i].Op is NormalizeOp n)
            {
                MeanPatterns[i] = PointwiseKernels.Pattern(c, n.MeanOf);
                DivPatterns[i] = PointwiseKernels.Pattern(c, n.DivisorOf);
            }
        }

        // Fused: at most a leading fixed resample, then only element-wise ops; one pass per output row.
        int firstPointwise = Stages.Length > 0 && Stages[0].Map is not null ? 1 : 0;
        Fused = Stages.Skip(firstPointwise).All(s => s.Op is RescaleOp or NormalizeOp);
    }

    public ImagePipelineSpec Spec { get; }

    public bool Training { get; }

    public PipelineStage[] Stages { get; }

    public int MaxImageFloats { get; }

    public int OutH { get; }

    public int OutW { get; }

    public bool Fused { get; }

    public float[]?[] MeanPatterns { get; }

    public float[]?[] DivPatterns { get; }
}
