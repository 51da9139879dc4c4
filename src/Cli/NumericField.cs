using System;
using System.Globalization;
using csFastFloat;

namespace PrepGen.Cli;

/// <summary>
/// A numeric layer's input value as float32, the way Keras casts it, or an error naming its line. CSV fields that
/// are plain decimals take csFastFloat (the parser Sep uses; correctly rounded, as <c>float.Parse</c> is); every
/// other text goes through <c>float.TryParse</c>, so both paths accept the same fields and give the same values.
/// </summary>
internal static class NumericField
{
    // Keras's adapt would propagate NaN and infinities into NaN statistics (every output NaN) that stats.json
    // cannot hold, and a value beyond float32 range becomes an infinity when Keras casts it: refuse them at
    // their line (docs/state-files.md, "Non-finite input").
    public static float Parse(Cell cell, long line, string where)
    {
        string column = cell.Column is null ? "" : $" (column '{cell.Column}')";
        string text = cell.Text ?? throw new CliException($"{where} {line}: expected a number, found an array{column}.");
        float value;
        if (cell.Number is double number)
        {
            value = (float)number; // a Parquet float/double column: Keras casts float64 to float32
        }
        else if (!float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            throw new CliException($"{where} {line}: '{text}' is not a number{column}.");
        }

        if (float.IsFinite(value))
        {
            return value;
        }

        throw new CliException(double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double wide) && double.IsFinite(wide)
            ? $"{where} {line}: '{text}' is beyond float32 range{column} (Keras casts the input to float32, where it is infinite). Rescale or remove it."
            : $"{where} {line}: '{text}' is not a finite number{column}; Keras's adapt would turn the statistics into NaN. Remove or impute it.");
    }

    /// <summary>
    /// A CSV field parsed by csFastFloat when it reads the whole field and the value is finite in float32; false
    /// otherwise (trailing text, "inf", too large), and the caller parses it with <see cref="Parse"/>. Where csFastFloat
    /// reads a whole field, the field is <c>[spaces][+-]digits[.digits][(e|E)[+-]digits]</c> (or a NaN/infinity
    /// spelling, refused here as non-finite), which <c>float.TryParse</c> with <c>NumberStyles.Float</c> reads too,
    /// and both round the decimal correctly: the same float.
    /// </summary>
    public static bool TryParsePlain(ReadOnlySpan<char> field, out float value) =>
        FastFloatParser.TryParseFloat(field, out int used, out value) && used == field.Length && float.IsFinite(value);
}
