using System;

namespace PrepGen.Cli;

/// <summary>
/// The numbers parsed from one work item, in input order, in a buffer of the adapt's <see cref="BufferPool{T}"/>,
/// given back by <see cref="Return"/>: a 1-2 MB chunk holds ~100-250k floats, and a fresh array per chunk (grown by
/// doubling) allocated ~2 MB of the large-object heap per chunk, zeroed and page-faulted in (a tenth of a 2-thread
/// normalization adapt's samples, docs/benchmarks.md). A list that outgrows the standard buffer (short values in a
/// long chunk) doubles into plain arrays.
/// </summary>
internal sealed class FloatList(BufferPool<float> pool)
{
    private ArraySegment<float> _values; // rented at the first value
    private float[] _array = []; // _values' array and offset, for the per-value store (ArraySegment's indexer checks twice)
    private int _offset;
    private int _count;

    public ReadOnlySpan<float> Values => _values.AsSpan(0, _count);

    public void Add(float value)
    {
        if (_count == _values.Count)
        {
            Grow();
        }

        _array[_offset + _count++] = value;
    }

    /// <summary>Gives the storage back; the list is empty and usable again after it.</summary>
    public void Return()
    {
        pool.Return(_values);
        _values = default;
        _count = 0;
    }

    private void Grow()
    {
        ArraySegment<float> larger = pool.Rent(Math.Max(1024, _values.Count * 2));
        Values.CopyTo(larger);
        pool.Return(_values);
        _values = larger;
        _array = larger.Array!;
        _offset = larger.Offset;
    }
}
