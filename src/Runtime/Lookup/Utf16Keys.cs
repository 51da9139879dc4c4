using System;
using System.Buffers;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text;

namespace PrepGen.Runtime;

/// <summary>
/// UTF-16 entry points of generated layers: transcode to UTF-8 on the stack (the tables hold UTF-8 keys,
/// as Keras compares raw bytes), then call the layer's UTF-8 index. Unpaired surrogates become U+FFFD,
/// as <see cref="Encoding.UTF8"/> does; Python could not encode them at all.
/// </summary>
/// <remarks>For PrepGen's generated code; not for direct use.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Utf16Keys
{
    private const int StackChars = 256;

    /// <summary>The index of one UTF-16 value (the layer's own UTF-16 path).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long IndexOf<T>(ReadOnlySpan<char> value)
        where T : struct, IStringIndex => T.IndexOf(value);

    /// <summary>The index of one UTF-16 value through its UTF-8 bytes, transcoded on the stack.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Transcoded<T>(ReadOnlySpan<char> value)
        where T : struct, IStringIndex
    {
        if (value.Length <= StackChars)
        {
            Span<byte> utf8 = stackalloc byte[StackChars * 3];
            return T.IndexOf(utf8.Slice(0, Transcode(value, utf8)));
        }

        return IndexOfLong<T>(value);
    }

    /// <summary>The index of one string value; null is rejected as Keras has no null strings.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long IndexOf<T>(string value)
        where T : struct, IStringIndex
    {
        ArgumentNullException.ThrowIfNull(value);
        return IndexOf<T>(value.AsSpan());
    }

    /// <summary>UTF-16 to UTF-8 with a vectorized ASCII narrowing first (vocabulary keys are mostly ASCII).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Transcode(ReadOnlySpan<char> value, Span<byte> utf8) =>
        Ascii.FromUtf16(value, utf8, out int written) == OperationStatus.Done ? written : Encoding.UTF8.GetBytes(value, utf8);

    private static long IndexOfLong<T>(ReadOnlySpan<char> value)
        where T : struct, IStringIndex
    {
        byte[] rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(value.Length));
        try
        {
            int length = Encoding.UTF8.GetBytes(value, rented);
            return T.IndexOf(rented.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
