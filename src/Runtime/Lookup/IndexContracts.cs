using System;
using System.ComponentModel;

namespace PrepGen.Runtime;

/// <summary>
/// A generated layer that maps one UTF-8 value to an index (a lookup, a hash bin). Generic kernels
/// over a struct implementing it are specialized by the JIT, so the call inlines like hand-written code.
/// </summary>
/// <remarks>For PrepGen's generated code; not for direct use.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IStringIndex
{
    /// <summary>The index of one value; a negative index means "dropped" (the mask in non-int modes).</summary>
    static abstract long IndexOf(ReadOnlySpan<byte> utf8);

    /// <summary>
    /// The index of one UTF-16 value: the same as <see cref="IndexOf(ReadOnlySpan{byte})"/> of its UTF-8
    /// bytes. Lookup tables answer ASCII keys without transcoding; other layers call
    /// <see cref="Utf16Keys.Transcoded{T}(ReadOnlySpan{char})"/>.
    /// </summary>
    static abstract long IndexOf(ReadOnlySpan<char> value);
}

/// <summary>A generated layer that maps one integer to an index.</summary>
/// <remarks>For PrepGen's generated code; not for direct use.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IInt64Index
{
    /// <summary>The index of one value; a negative index means "dropped" (the mask in non-int modes).</summary>
    static abstract long IndexOf(long value);
}
