namespace PrepGen.Runtime.Tests.Numeric;

/// <summary>The inputs and the comparison of the SIMD tests: special values mixed in, results bit for bit.</summary>
internal static class FloatSamples
{
    /// <summary>Random float32 with special values mixed in: NaN, ±inf, ±0, denormals, huge and ordinary values.</summary>
    public static float Next(Random random) => random.Next(14) switch
    {
        0 => float.NaN,
        1 => float.PositiveInfinity,
        2 => float.NegativeInfinity,
        3 => -0f,
        4 => 0f,
        5 => BitConverter.Int32BitsToSingle(random.Next(1, 0x007FFFFF)) * (random.Next(2) == 0 ? 1 : -1),
        6 => float.MaxValue * (float)random.NextDouble(),
        7 => -float.MaxValue * (float)random.NextDouble(),
        8 => float.Epsilon * random.Next(1, 4),
        _ => (float)((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-10, 10))),
    };

    /// <summary>Same bits, except that any NaN matches any NaN (Keras gives no payload guarantee either).</summary>
    public static void AssertBits(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            bool same = (float.IsNaN(expected[i]) && float.IsNaN(actual[i]))
                || BitConverter.SingleToInt32Bits(expected[i]) == BitConverter.SingleToInt32Bits(actual[i]);
            Assert.True(same, $"{what}: element {i} expected {expected[i]:R} (0x{BitConverter.SingleToInt32Bits(expected[i]):X8}) got {actual[i]:R} (0x{BitConverter.SingleToInt32Bits(actual[i]):X8})");
        }
    }
}
