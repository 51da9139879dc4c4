// The hash functions whose outputs Keras layers expose (Hashing, HashedCrossing, lookup OOV buckets).
// Every function here must stay bit-exact with TensorFlow's kernels; see docs/keras-semantics.md, "Hash functions".
using System;
using System.Runtime.CompilerServices;

namespace PrepGen.Hashing;

/// <summary>
/// Bit-exact ports of the hash primitives TensorFlow uses for Keras preprocessing: FarmHash
/// <c>Fingerprint64</c>, SipHash-2-4 (<c>StrongKeyedHash</c>), <c>FingerprintCat64</c>, and the
/// bucket arithmetic built on them. All members are allocation-free.
/// </summary>
public static partial class KerasHash
{
    /// <summary>The seed <c>tf.sparse.cross_hashed</c> starts from (its default <c>hash_key</c>), used by HashedCrossing.</summary>
    public const ulong DefaultCrossHashKey = 0xDECAFCAFFEUL;

    private const ulong CatMul = 0xc6a4a7935bd1e995UL;

    /// <summary>
    /// Combines two fingerprints as TensorFlow's <c>FingerprintCat64</c> (tsl/platform/fingerprint.h).
    /// Not commutative: the order of the arguments matters.
    /// </summary>
    /// <param name="fp1">The running fingerprint.</param>
    /// <param name="fp2">The fingerprint to mix in.</param>
    /// <returns>The combined fingerprint.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong FingerprintCat64(ulong fp1, ulong fp2)
    {
        ulong result = fp1 ^ CatMul;
        result ^= ShiftMix(fp2 * CatMul) * CatMul;
        result *= CatMul;
        result = ShiftMix(result) * CatMul;
        return ShiftMix(result);
    }

    /// <summary>
    /// The hashed cross of one row, as <c>tf.sparse.cross_hashed</c> (SparseCross v1, <c>hashed_output=True</c>):
    /// start from <paramref name="hashKey"/> and fold in each column's fingerprint with <see cref="FingerprintCat64"/>.
    /// String columns contribute <see cref="Fingerprint64(ReadOnlySpan{byte})"/> of their bytes; integer columns
    /// contribute the int64 value reinterpreted as <see cref="ulong"/> (not hashed).
    /// </summary>
    /// <param name="fingerprints">The per-column fingerprints, in input order.</param>
    /// <param name="hashKey">The seed; Keras always uses <see cref="DefaultCrossHashKey"/>.</param>
    /// <returns>The uint64 cross hash; the bin is this value modulo <c>num_bins</c>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong CrossHashed(ReadOnlySpan<ulong> fingerprints, ulong hashKey = DefaultCrossHashKey)
    {
        ulong h = hashKey;
        foreach (ulong f in fingerprints)
        {
            h = FingerprintCat64(h, f);
        }

        return h;
    }

    /// <summary>Python-style modulo: the result takes the sign of <paramref name="n"/> (so it is in [0, n) for n &gt; 0).</summary>
    /// <param name="x">The dividend.</param>
    /// <param name="n">The divisor; must not be zero.</param>
    /// <returns><c>x - n * floor(x / n)</c>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long FloorMod(long x, long n)
    {
        if (n == -1)
        {
            // long.MinValue % -1 overflows in .NET; mathematically every x mod -1 is 0.
            return 0;
        }

        long r = x % n;
        return r != 0 && (r ^ n) < 0 ? r + n : r;
    }

    /// <summary>
    /// <c>tf.strings.to_hash_bucket_fast</c>: <c>Fingerprint64(bytes) % numBuckets</c> in uint64, cast to int64.
    /// </summary>
    /// <param name="utf8">The string's bytes.</param>
    /// <param name="numBuckets">The number of buckets; must be positive.</param>
    /// <returns>The bucket in [0, numBuckets).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long HashBucketFast(ReadOnlySpan<byte> utf8, long numBuckets) =>
        (long)(Fingerprint64(utf8) % (ulong)numBuckets);

    /// <summary><c>tf.strings.to_hash_bucket_fast</c> on the UTF-8 encoding of <paramref name="text"/>.</summary>
    /// <param name="text">The string.</param>
    /// <param name="numBuckets">The number of buckets; must be positive.</param>
    /// <returns>The bucket in [0, numBuckets).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long HashBucketFast(ReadOnlySpan<char> text, long numBuckets) =>
        (long)(Fingerprint64(text) % (ulong)numBuckets);

    /// <summary><c>tf.strings.to_hash_bucket_fast</c> on <c>tf.as_string(value)</c> (its decimal form).</summary>
    /// <param name="value">The integer.</param>
    /// <param name="numBuckets">The number of buckets; must be positive.</param>
    /// <returns>The bucket in [0, numBuckets).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long HashBucketFast(long value, long numBuckets) =>
        (long)(Fingerprint64(value) % (ulong)numBuckets);

    /// <summary>
    /// <c>tf.strings.to_hash_bucket_strong</c>: <c>SipHash24(key, bytes) % numBuckets</c> in uint64, cast to int64.
    /// </summary>
    /// <param name="k0">The first key word (<c>key[0]</c>, two's complement of the int64 attribute).</param>
    /// <param name="k1">The second key word (<c>key[1]</c>).</param>
    /// <param name="utf8">The string's bytes.</param>
    /// <param name="numBuckets">The number of buckets; must be positive.</param>
    /// <returns>The bucket in [0, numBuckets).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long HashBucketStrong(ulong k0, ulong k1, ReadOnlySpan<byte> utf8, long numBuckets) =>
        (long)(SipHash24(k0, k1, utf8) % (ulong)numBuckets);

    /// <summary><c>tf.strings.to_hash_bucket_strong</c> on the UTF-8 encoding of <paramref name="text"/>.</summary>
    /// <param name="k0">The first key word.</param>
    /// <param name="k1">The second key word.</param>
    /// <param name="text">The string.</param>
    /// <param name="numBuckets">The number of buckets; must be positive.</param>
    /// <returns>The bucket in [0, numBuckets).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long HashBucketStrong(ulong k0, ulong k1, ReadOnlySpan<char> text, long numBuckets) =>
        (long)(SipHash24(k0, k1, text) % (ulong)numBuckets);

    /// <summary><c>tf.strings.to_hash_bucket_strong</c> on <c>tf.as_string(value)</c> (its decimal form).</summary>
    /// <param name="k0">The first key word.</param>
    /// <param name="k1">The second key word.</param>
    /// <param name="value">The integer.</param>
    /// <param name="numBuckets">The number of buckets; must be positive.</param>
    /// <returns>The bucket in [0, numBuckets).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long HashBucketStrong(ulong k0, ulong k1, long value, long numBuckets) =>
        (long)(SipHash24(k0, k1, value) % (ulong)numBuckets);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ShiftMix(ulong v) => v ^ (v >> 47);
}
