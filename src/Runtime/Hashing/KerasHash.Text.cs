// Overloads for UTF-16 text and integers. TF hashes the UTF-8 bytes of a string and, for integers, the
// bytes of tf.as_string(value) ("%lld"), so both are transcoded into a stack buffer first.
using System;
using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text;

namespace PrepGen.Hashing;

public static partial class KerasHash
{
    // Text up to this many UTF-16 chars is encoded on the stack (3 UTF-8 bytes per char at most); longer text rents.
    private const int MaxStackChars = 1024;

    // "-9223372036854775808" is the longest decimal int64.
    private const int MaxInt64Digits = 20;

    /// <summary>TensorFlow's <c>Fingerprint64</c> of the UTF-8 encoding of <paramref name="text"/>.</summary>
    /// <param name="text">The string; lone surrogates encode as U+FFFD.</param>
    /// <returns>The 64-bit fingerprint.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Fingerprint64(ReadOnlySpan<char> text) => HashUtf16(text, default(FarmHasher));

    /// <summary>TensorFlow's <c>Fingerprint64</c> of the UTF-8 encoding of <paramref name="text"/>.</summary>
    /// <param name="text">The string; lone surrogates encode as U+FFFD.</param>
    /// <returns>The 64-bit fingerprint.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Fingerprint64(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return HashUtf16(text.AsSpan(), default(FarmHasher));
    }

    /// <summary>
    /// TensorFlow's <c>Fingerprint64</c> of <c>tf.as_string(value)</c>: the plain decimal form ("-5", "0"),
    /// as Keras <c>Hashing</c> does for integer inputs.
    /// </summary>
    /// <param name="value">The integer.</param>
    /// <returns>The 64-bit fingerprint.</returns>
    [SkipLocalsInit]
    public static ulong Fingerprint64(long value)
    {
        Span<byte> buffer = stackalloc byte[MaxInt64Digits];
        return Fingerprint64(buffer.Slice(0, FormatDecimal(value, buffer)));
    }

    /// <summary>SipHash-2-4 (TF <c>StrongKeyedHash</c>) of the UTF-8 encoding of <paramref name="text"/>.</summary>
    /// <param name="k0">The first key word.</param>
    /// <param name="k1">The second key word.</param>
    /// <param name="text">The string; lone surrogates encode as U+FFFD.</param>
    /// <returns>The 64-bit hash.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong SipHash24(ulong k0, ulong k1, ReadOnlySpan<char> text) => HashUtf16(text, new SipHasher(k0, k1));

    /// <summary>SipHash-2-4 (TF <c>StrongKeyedHash</c>) of the UTF-8 encoding of <paramref name="text"/>.</summary>
    /// <param name="k0">The first key word.</param>
    /// <param name="k1">The second key word.</param>
    /// <param name="text">The string; lone surrogates encode as U+FFFD.</param>
    /// <returns>The 64-bit hash.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong SipHash24(ulong k0, ulong k1, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return HashUtf16(text.AsSpan(), new SipHasher(k0, k1));
    }

    /// <summary>SipHash-2-4 (TF <c>StrongKeyedHash</c>) of <c>tf.as_string(value)</c>, the plain decimal form.</summary>
    /// <param name="k0">The first key word.</param>
    /// <param name="k1">The second key word.</param>
    /// <param name="value">The integer.</param>
    /// <returns>The 64-bit hash.</returns>
    [SkipLocalsInit]
    public static ulong SipHash24(ulong k0, ulong k1, long value)
    {
        Span<byte> buffer = stackalloc byte[MaxInt64Digits];
        return SipHash24(k0, k1, buffer.Slice(0, FormatDecimal(value, buffer)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FormatDecimal(long value, Span<byte> buffer)
    {
        // Utf8Formatter's default format is culture-free "G": no padding, '-' only for negatives, like "%lld".
        bool ok = Utf8Formatter.TryFormat(value, buffer, out int written);
        System.Diagnostics.Debug.Assert(ok, "20 bytes hold any int64");
        return written;
    }

    // Generic over a struct so the JIT specializes (and inlines) the hash; no delegate, no allocation.
    [SkipLocalsInit]
    private static ulong HashUtf16<THasher>(ReadOnlySpan<char> text, THasher hasher)
        where THasher : struct, IUtf8Hasher
    {
        if (text.Length <= MaxStackChars)
        {
            Span<byte> buffer = stackalloc byte[MaxStackChars * 3];
            return hasher.Hash(buffer.Slice(0, EncodeUtf8(text, buffer)));
        }

        byte[] rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            return hasher.Hash(rented.AsSpan(0, EncodeUtf8(text, rented)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    // The caller guarantees destination holds 3 bytes per char, so encoding cannot run out of room.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int EncodeUtf8(ReadOnlySpan<char> text, Span<byte> destination)
    {
        // ASCII fast path (vectorized); on the first non-ASCII char fall back to full UTF-8 for the rest.
        if (Ascii.FromUtf16(text, destination, out int written) == OperationStatus.Done)
        {
            return written;
        }

        return written + Encoding.UTF8.GetBytes(text.Slice(written), destination.Slice(written));
    }

    private interface IUtf8Hasher
    {
        ulong Hash(ReadOnlySpan<byte> utf8);
    }

    private readonly struct FarmHasher : IUtf8Hasher
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ulong Hash(ReadOnlySpan<byte> utf8) => Fingerprint64(utf8);
    }

    private readonly struct SipHasher(ulong k0, ulong k1) : IUtf8Hasher
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ulong Hash(ReadOnlySpan<byte> utf8) => SipHash24(k0, k1, utf8);
    }
}
