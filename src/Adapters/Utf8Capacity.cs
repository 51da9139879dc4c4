using System;
using System.Text;

namespace PrepGen.Adapt;

/// <summary>How many bytes a string's UTF-8 form needs, for the adapters' transcoding buffers.</summary>
internal static class Utf8Capacity
{
    /// <summary>
    /// Three bytes per char (the most a UTF-16 char takes) while that fits in <paramref name="limit"/> bytes; past it
    /// (strings over ~715M chars), the exact count, and a clear error where even that does not fit in one array.
    /// </summary>
    public static int For(ReadOnlySpan<char> text, string what, int limit)
    {
        long most = text.Length * 3L;
        if (most <= limit)
        {
            return (int)most;
        }

        int exact = Encoding.UTF8.GetByteCount(text);
        return exact <= limit
            ? exact
            : throw new ArgumentException($"The {what}'s UTF-8 form is {exact:N0} bytes, more than one buffer holds ({limit:N0}); split it into smaller ones.");
    }

    /// <summary>As <see cref="For(ReadOnlySpan{char}, string, int)"/> with the largest array .NET allows.</summary>
    public static int For(ReadOnlySpan<char> text, string what) => For(text, what, Array.MaxLength);

    /// <summary>Grows a reused transcoding buffer (at least doubling, up to the largest array) until <paramref name="text"/>'s UTF-8 fits.</summary>
    public static void Fit(ref byte[] buffer, ReadOnlySpan<char> text, string what)
    {
        int most = For(text, what);
        if (buffer.Length < most)
        {
            buffer = new byte[Math.Max(most, Math.Min(buffer.Length * 2L, Array.MaxLength))];
        }
    }
}
