using System.Globalization;

namespace PrepGen.Cli.Tests;

/// <summary>
/// The CSV fast path for numbers (csFastFloat on the field where Sep holds it) against the reference,
/// <c>float.TryParse(NumberStyles.Float, invariant)</c> as the slow path and Keras's float32 cast read it: every
/// field it accepts must give the reference's bits, and it must accept the plain decimals that make up real CSVs.
/// </summary>
public sealed class NumericFieldTests
{
    public static TheoryData<string> Edges() =>
    [
        "0", "-0", "+0", "0.0", "-0.0", "00012", "1.", ".5", "-.5", "+.5", "1.e5", "1e5", "1E+05", "1e-05", "1e0",
        " 1.5", "1.5 ", " 1.5 ", "\t2", "1,5", "1_000", "0x10", "1.5abc", "1e5x", "12 34", "1.5.6", "--1", "1e", "1e+", "e5", ".", "+", "-", "", " ",
        "inf", "-inf", "Infinity", "-Infinity", "NaN", "nan", "+nan", "∞", "١٢",
        "3.4028235e38", "3.40282347e38", "3.4028235677973366e38", "3.4028236e38", "-3.4028236e38", "1e39", "1e99999",
        "1.17549435e-38", "1.4e-45", "7.006492e-46", "7.006493e-46", "1e-46", "2.5e-45", "1e-99999",
        "16777217", "16777216.5", "0.1", "0.30000000000000004", "9007199254740993",
        "1.000000059604644775390625", "1.0000000596046447753906249", "1.0000000596046447753906251",
        new string('9', 40), "0." + new string('0', 60) + "1", "1" + new string('0', 38), "123456789012345678901234567890e-20",
    ];

    [Theory]
    [MemberData(nameof(Edges))]
    public void Edge_cases_take_the_reference_value_or_the_slow_path(string field) => AssertAgrees(field);

    [Fact]
    public void Random_decimals_agree_bit_for_bit_and_take_the_fast_path()
    {
        var random = new Random(20261203);
        int fast = 0;
        const int Count = 200_000;
        for (int i = 0; i < Count; i++)
        {
            string field = RandomDecimal(random);
            AssertAgrees(field);
            fast += NumericField.TryParsePlain(field, out _) ? 1 : 0;
        }

        // Fields with no finite float32 value (exponents beyond +-38 and overflow) go the slow way; the rest must not.
        Assert.True(fast > Count * 0.8, $"only {fast:N0} of {Count:N0} plain decimals took the fast path");
    }

    [Fact]
    public void Round_trip_formats_of_random_floats_agree()
    {
        var random = new Random(42);
        for (int i = 0; i < 100_000; i++)
        {
            float value = BitConverter.Int32BitsToSingle(random.Next() ^ (random.Next(2) << 31));
            if (!float.IsFinite(value))
            {
                continue;
            }

            foreach (string format in new[] { "R", "G9", "E3", "F6", "G17" })
            {
                string field = value.ToString(format, CultureInfo.InvariantCulture);
                AssertAgrees(field);
                Assert.True(NumericField.TryParsePlain(field, out _), $"'{field}' should take the fast path");
            }

            AssertAgrees(((double)value * (1 + (random.NextDouble() * 1e-7))).ToString("R", CultureInfo.InvariantCulture));
        }
    }

    private static void AssertAgrees(string field)
    {
        bool reference = float.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out float expected) && float.IsFinite(expected);
        if (NumericField.TryParsePlain(field, out float value))
        {
            Assert.True(reference, $"'{field}': the fast path accepted a field the reference refuses (or reads as non-finite)");
            Assert.Equal(BitConverter.SingleToInt32Bits(expected), BitConverter.SingleToInt32Bits(value));
        }
    }

    // Signs, 1-30 digits around an optional point, an optional exponent: the shapes CSV writers emit, near
    // rounding boundaries (long mantissas) and at the edges of the float32 range.
    private static string RandomDecimal(Random random)
    {
        string digits = string.Concat(Enumerable.Range(0, random.Next(1, 31)).Select(_ => (char)('0' + random.Next(10))));
        int point = random.Next(-1, digits.Length + 1);
        string mantissa = point < 0 ? digits : digits[..point] + "." + digits[point..];
        if (mantissa == ".")
        {
            mantissa = "0.";
        }

        string sign = random.Next(4) switch { 0 => "-", 1 => "+", _ => "" };
        string exponent = random.Next(3) == 0 ? $"{(random.Next(2) == 0 ? 'e' : 'E')}{random.Next(-60, 60)}" : "";
        return sign + mantissa + exponent;
    }
}
