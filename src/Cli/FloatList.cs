using System;

namespace PrepGen.Cli;

/// <summary>The numbers parsed from one work item, in input order.</summary>
internal sealed class FloatList
{
    private float[] _values = new float[256];
    private int _count;

    public ReadOnlySpan<float> Values => _values.AsSpan(0, _count);

    public void Add(float value)
    {
        if (_count == _values.Length)
        {
            Array.Resize(ref _values, _values.Length * 2);
        }

        _values[_count++] = value;
    }
}
