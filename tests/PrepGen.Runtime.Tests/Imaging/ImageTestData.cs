namespace PrepGen.Runtime.Tests.Imaging;

internal static class ImageTestData
{
    /// <summary>Deterministic pseudo-random uint8 pixels.</summary>
    public static byte[] Bytes(int count, int seed)
    {
        var rng = new Random(seed);
        var data = new byte[count];
        rng.NextBytes(data);
        return data;
    }

    public static float[] Floats(byte[] bytes) => bytes.Select(b => (float)b).ToArray();

    public static float[] Arange(int n) => Enumerable.Range(0, n).Select(i => (float)i).ToArray();
}
