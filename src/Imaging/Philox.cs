using System.Runtime.CompilerServices;

namespace PrepGen.Imaging;

/// <summary>
/// Philox4x32-10 (Salmon et al., Random123): a counter-based generator, so each image's draws depend
/// only on (seed, image index, layer index) and a batch is reproducible on any thread count and on GPU.
/// </summary>
public static class Philox
{
    private const uint M0 = 0xD2511F53;
    private const uint M1 = 0xCD9E8D57;
    private const uint W0 = 0x9E3779B9;
    private const uint W1 = 0xBB67AE85;

    /// <summary>One Philox4x32-10 block: 4 outputs for a 128-bit counter and a 64-bit key.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (uint X0, uint X1, uint X2, uint X3) Block(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1)
    {
        for (int round = 0; round < 10; round++)
        {
            ulong p0 = (ulong)M0 * c0;
            ulong p1 = (ulong)M1 * c2;
            uint n0 = (uint)(p1 >> 32) ^ c1 ^ k0;
            uint n2 = (uint)(p0 >> 32) ^ c3 ^ k1;
            c0 = n0;
            c1 = (uint)p1;
            c2 = n2;
            c3 = (uint)p0;
            k0 += W0;
            k1 += W1;
        }

        return (c0, c1, c2, c3);
    }

    /// <summary>The 24 high bits of <paramref name="bits"/> as a float in [0, 1) (exact in float32).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ToUnitFloat(uint bits) => (bits >> 8) * (1f / 16777216f);

    /// <summary>
    /// The four uniform [0, 1) draws of one augmentation layer for one image: counter
    /// (image, layer, 0, 0), key (seed low, seed high). The CUDA kernels use the same mapping.
    /// </summary>
    public static (float U0, float U1, float U2, float U3) Draws(ulong seed, int image, int layer)
    {
        var (x0, x1, x2, x3) = Block((uint)image, (uint)layer, 0, 0, (uint)seed, (uint)(seed >> 32));
        return (ToUnitFloat(x0), ToUnitFloat(x1), ToUnitFloat(x2), ToUnitFloat(x3));
    }
}
