using PrepGen.Imaging;

namespace PrepGen.Runtime.Tests.Imaging;

/// <summary>Seeds for which image 0 / layer 0 does or does not flip (Keras: flip when u &lt;= 0.5).</summary>
internal static class FlipSeeds
{
    public static ulong First(bool flips)
    {
        for (ulong seed = 0; ; seed++)
        {
            if (Philox.Draws(seed, 0, 0).U0 <= 0.5f == flips)
            {
                return seed;
            }
        }
    }
}
