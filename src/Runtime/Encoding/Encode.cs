using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace PrepGen.Runtime;

/// <summary>
/// Keras <c>encode_categorical_inputs</c>: the output encodings shared by the lookup, hashing, crossing
/// and category-encoding layers. Indices at or above the depth vanish (as TF bincount/one_hot drop them);
/// negative indices from a layer mean "dropped" (the mask token in non-int modes).
/// </summary>
/// <remarks>For PrepGen's generated code; not for direct use.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Encode
{
    /// <summary>Checks the destination is wide enough, clears its first <paramref name="depth"/> floats and returns them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Span<float> Prepare(Span<float> output, int depth)
    {
        if (output.Length < depth)
        {
            ThrowTooShort(nameof(output), output.Length, depth);
        }

        Span<float> row = output.Slice(0, depth);
        row.Clear();
        return row;
    }

    /// <summary>One-hot of one index: all zeros when the index is out of range, as tf.one_hot.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void OneHot(long index, Span<float> output, int depth)
    {
        Span<float> row = Prepare(output, depth);
        if ((ulong)index < (ulong)depth)
        {
            row[(int)index] = 1f;
        }
    }

    /// <summary>Multi-hot (<paramref name="count"/> false) or count of the indices of one sample.</summary>
    public static void Accumulate<T>(ReadOnlySpan<string> values, Span<float> output, int depth, bool count)
        where T : struct, IStringIndex
    {
        Span<float> row = Prepare(output, depth);
        foreach (string value in values)
        {
            Add(row, Utf16Keys.IndexOf<T>(value), count);
        }
    }

    /// <summary>Multi-hot or count of the indices of one sample of integers.</summary>
    public static void Accumulate<T>(ReadOnlySpan<long> values, Span<float> output, int depth, bool count)
        where T : struct, IInt64Index
    {
        Span<float> row = Prepare(output, depth);
        foreach (long value in values)
        {
            Add(row, T.IndexOf(value), count);
        }
    }

    /// <summary>Tf-idf of one sample: raw term count times the idf of each index (float32, as Keras).</summary>
    public static void TfIdf<T>(ReadOnlySpan<string> values, Span<float> output, ReadOnlySpan<float> idf)
        where T : struct, IStringIndex
    {
        Accumulate<T>(values, output, idf.Length, count: true);
        Scale(output.Slice(0, idf.Length), idf);
    }

    /// <summary>Tf-idf of one sample of integers.</summary>
    public static void TfIdf<T>(ReadOnlySpan<long> values, Span<float> output, ReadOnlySpan<float> idf)
        where T : struct, IInt64Index
    {
        Accumulate<T>(values, output, idf.Length, count: true);
        Scale(output.Slice(0, idf.Length), idf);
    }

    /// <summary>Element-wise indices of a batch of strings.</summary>
    public static void Indices<T>(ReadOnlySpan<string> values, Span<long> indices)
        where T : struct, IStringIndex
    {
        CheckBatch(values.Length, indices.Length);
        for (int i = 0; i < values.Length; i++)
        {
            indices[i] = Utf16Keys.IndexOf<T>(values[i]);
        }
    }

    /// <summary>Element-wise indices of a batch of integers.</summary>
    public static void Indices<T>(ReadOnlySpan<long> values, Span<long> indices)
        where T : struct, IInt64Index
    {
        CheckBatch(values.Length, indices.Length);
        for (int i = 0; i < values.Length; i++)
        {
            indices[i] = T.IndexOf(values[i]);
        }
    }

    /// <summary>
    /// CategoryEncoding multi-hot or count over raw category ids (with optional count weights). Ids at or
    /// above the depth vanish as in Keras 3; negative ids throw, as TensorFlow's bincount rejects them.
    /// </summary>
    public static void Categories(ReadOnlySpan<long> values, ReadOnlySpan<float> countWeights, Span<float> output, int depth, bool count)
    {
        if (!countWeights.IsEmpty && countWeights.Length != values.Length)
        {
            throw new ArgumentException($"countWeights has {countWeights.Length} elements but values has {values.Length}.", nameof(countWeights));
        }

        Span<float> row = Prepare(output, depth);
        for (int i = 0; i < values.Length; i++)
        {
            long v = values[i];
            if (v < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(values), v, "CategoryEncoding inputs must be non-negative (TensorFlow bincount rejects negative values).");
            }

            if (v < depth)
            {
                row[(int)v] = !count ? 1f : row[(int)v] + (countWeights.IsEmpty ? 1f : countWeights[i]);
            }
        }
    }

    /// <summary>Token ids as floats (an Int-mode member of a feature record contributes its ids as values).</summary>
    public static void Widen(ReadOnlySpan<long> ids, Span<float> destination)
    {
        for (int i = 0; i < ids.Length; i++)
        {
            destination[i] = ids[i];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(Span<float> row, long index, bool count)
    {
        if ((ulong)index < (ulong)row.Length)
        {
            row[(int)index] = count ? row[(int)index] + 1f : 1f;
        }
    }

    /// <summary>Multiplies counts by their idf weights in place (float32, as Keras's tf_idf).</summary>
    internal static void Scale(Span<float> row, ReadOnlySpan<float> idf)
    {
        for (int i = 0; i < row.Length; i++)
        {
            row[i] *= idf[i];
        }
    }

    private static void CheckBatch(int values, int destination)
    {
        if (destination < values)
        {
            ThrowTooShort("indices", destination, values);
        }
    }

    private static void ThrowTooShort(string name, int actual, int required) =>
        throw new ArgumentException($"The destination has {actual} elements but the layer writes {required}.", name);
}
