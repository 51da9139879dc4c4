using System;
using System.Buffers;

namespace PrepGen.Cli;

/// <summary>
/// The numbers parsed from one work item, in input order. The storage is rented and goes back to the pool with
/// <see cref="Return"/>: a 1-2 MB chunk holds ~100-250k floats, and a fresh array per chunk (grown by doubling)
/// allocated ~2 MB of the large-object heap per chunk, zeroed and page-faulted in (a tenth of a 2-thread
/// normalization adapt's samples, docs/benchmarks.md).
/// </summary>
internal sealed class FloatList
{
    private float[] _values = ArrayPool<float>.Shared.Rent(1024);
    private int _count;

    public ReadOnlySpan<float> Values => _values.AsSpan(0, _count);

    public void Add(float value)
    {
        if (_count == _values.Length)
        {
            Grow();
        }

        _values[_count++] = value;
    }

    /// <summary>Gives the storage back; the list is empty and usable again after it.</summary>
    public void Return()
    {
        float[] values = _values;
        _values = [];
        _count = 0;
        if (values.Length > 0)
        {
            ArrayPool<float>.Shared.Return(values);
        }
    }

    private void Grow()
    {
        float[] larger = ArrayPool<float>.Shared.Rent(Math.Max(1024, _values.Length * 2));
        Values.CopyTo(larger);
        if (_values.Length > 0)
        {
            ArrayPool<float>.Shared.Return(_values);
        }

        _values = larger;
    }
}
