using System;

namespace PrepGen.Imaging;

/// <summary>Per-thread buffers, grown on demand and reused across batches (no per-batch allocation).</summary>
internal sealed class Scratch
{
    public float[] A { get; private set; } = Array.Empty<float>();

    public float[] B { get; private set; } = Array.Empty<float>();

    public double[] Sums { get; private set; } = Array.Empty<double>();

    public void Ensure(int floats, int channels)
    {
        if (A.Length < floats)
        {
            // Pinned: the kernels work on raw pointers for the whole image.
            A = GC.AllocateUninitializedArray<float>(floats, pinned: true);
            B = GC.AllocateUninitializedArray<float>(floats, pinned: true);
        }

        if (Sums.Length < channels)
        {
            Sums = new double[channels];
        }
    }
}
