using System;
using System.Collections.Generic;
using System.Text;

namespace PrepGen.Adapt;

/// <summary>
/// Orders strings by their UTF-8 bytes, as numpy orders the <c>bytes</c> tokens Keras sorts. UTF-16
/// ordinal order differs for supplementary characters versus U+E000..U+FFFF, so bytes are compared.
/// </summary>
internal sealed class Utf8OrdinalComparer : IComparer<string>
{
    public static readonly Utf8OrdinalComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        // Equal UTF-16 prefixes give equal UTF-8 prefixes, so only the tails from the first difference matter.
        int common = x.AsSpan().CommonPrefixLength(y);
        if (common == x.Length || common == y.Length)
        {
            return x.Length.CompareTo(y.Length);
        }

        if (common > 0 && char.IsHighSurrogate(x[common - 1]))
        {
            common--;
        }

        byte[] a = Encoding.UTF8.GetBytes(x.Substring(common));
        byte[] b = Encoding.UTF8.GetBytes(y.Substring(common));
        return a.AsSpan().SequenceCompareTo(b);
    }
}
