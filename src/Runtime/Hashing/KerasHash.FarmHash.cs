// farmhashna::Hash64 from google/farmhash src/farmhash.cc @0d859a8 (the commit TensorFlow pins), ported
// line by line. TF's Fingerprint64 is farmhash::Fingerprint64, which is exactly this function.
using System;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PrepGen.Hashing;

public static partial class KerasHash
{
    private const ulong K0 = 0xc3a5c85c97cb3127UL;
    private const ulong K1 = 0xb492b66fbe98f273UL;
    private const ulong K2 = 0x9ae16a3b2f90404fUL;

    /// <summary>
    /// TensorFlow's <c>Fingerprint64</c> (= <c>farmhashna::Hash64</c>) of raw bytes; the hash behind
    /// <c>tf.strings.to_hash_bucket_fast</c> and Keras <c>Hashing</c> without a salt.
    /// </summary>
    /// <param name="utf8">The bytes to hash (a string's UTF-8 encoding).</param>
    /// <returns>The 64-bit fingerprint.</returns>
    public static ulong Fingerprint64(ReadOnlySpan<byte> utf8)
    {
        ref byte s = ref MemoryMarshal.GetReference(utf8);
        int len = utf8.Length;
        if (len <= 32)
        {
            return len <= 16 ? HashLen0To16(ref s, len) : HashLen17To32(ref s, len);
        }

        return len <= 64 ? HashLen33To64(ref s, len) : HashLongerThan64(ref s, len);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Fetch64(ref byte s, int offset)
    {
        ulong v = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref s, offset));
        return BitConverter.IsLittleEndian ? v : BinaryPrimitives.ReverseEndianness(v);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Fetch32(ref byte s, int offset)
    {
        uint v = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref s, offset));
        return BitConverter.IsLittleEndian ? v : BinaryPrimitives.ReverseEndianness(v);
    }

    // FarmHash's Rotate is a right rotate.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Rotate(ulong v, int shift) => BitOperations.RotateRight(v, shift);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong HashLen16(ulong u, ulong v, ulong mul)
    {
        // Murmur-inspired hashing.
        ulong a = (u ^ v) * mul;
        a ^= a >> 47;
        ulong b = (v ^ a) * mul;
        b ^= b >> 47;
        return b * mul;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong HashLen0To16(ref byte s, int len)
    {
        if (len >= 8)
        {
            ulong mul = K2 + ((ulong)len * 2);
            ulong a = Fetch64(ref s, 0) + K2;
            ulong b = Fetch64(ref s, len - 8);
            ulong c = (Rotate(b, 37) * mul) + a;
            ulong d = (Rotate(a, 25) + b) * mul;
            return HashLen16(c, d, mul);
        }

        if (len >= 4)
        {
            ulong mul = K2 + ((ulong)len * 2);
            ulong a = Fetch32(ref s, 0);
            return HashLen16((ulong)len + (a << 3), Fetch32(ref s, len - 4), mul);
        }

        if (len > 0)
        {
            byte a = s;
            byte b = Unsafe.Add(ref s, len >> 1);
            byte c = Unsafe.Add(ref s, len - 1);
            uint y = a + ((uint)b << 8);
            uint z = (uint)len + ((uint)c << 2);
            return ShiftMix((y * K2) ^ (z * K0)) * K2;
        }

        return K2;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong HashLen17To32(ref byte s, int len)
    {
        ulong mul = K2 + ((ulong)len * 2);
        ulong a = Fetch64(ref s, 0) * K1;
        ulong b = Fetch64(ref s, 8);
        ulong c = Fetch64(ref s, len - 8) * mul;
        ulong d = Fetch64(ref s, len - 16) * K2;
        return HashLen16(Rotate(a + b, 43) + Rotate(c, 30) + d, a + Rotate(b + K2, 18) + c, mul);
    }

    private static ulong HashLen33To64(ref byte s, int len)
    {
        ulong mul = K2 + ((ulong)len * 2);
        ulong a = Fetch64(ref s, 0) * K2;
        ulong b = Fetch64(ref s, 8);
        ulong c = Fetch64(ref s, len - 8) * mul;
        ulong d = Fetch64(ref s, len - 16) * K2;
        ulong y = Rotate(a + b, 43) + Rotate(c, 30) + d;
        ulong z = HashLen16(y, a + Rotate(b + K2, 18) + c, mul);
        ulong e = Fetch64(ref s, 16) * mul;
        ulong f = Fetch64(ref s, 24);
        ulong g = (y + Fetch64(ref s, len - 32)) * mul;
        ulong h = (z + Fetch64(ref s, len - 24)) * mul;
        return HashLen16(Rotate(e + f, 43) + Rotate(g, 30) + h, e + Rotate(f + a, 18) + g, mul);
    }

    private static ulong HashLongerThan64(ref byte s, int len)
    {
        const ulong Seed = 81;

        // Internal state is 56 bytes: v, w, x, y and z (v and w are pairs).
        ulong x = Seed;
        ulong y = unchecked((Seed * K1) + 113);
        ulong z = ShiftMix((y * K2) + 113) * K2;
        ulong v1 = 0;
        ulong v2 = 0;
        ulong w1 = 0;
        ulong w2 = 0;
        x = (x * K2) + Fetch64(ref s, 0);

        // The loop stops with 1 to 64 bytes left; the tail then re-reads the last 64 bytes.
        int end = ((len - 1) / 64) * 64;
        int last64 = len - 64;
        int p = 0;
        do
        {
            x = Rotate(x + y + v1 + Fetch64(ref s, p + 8), 37) * K1;
            y = Rotate(y + v2 + Fetch64(ref s, p + 48), 42) * K1;
            x ^= w2;
            y += v1 + Fetch64(ref s, p + 40);
            z = Rotate(z + w1, 33) * K1;
            WeakHashLen32WithSeeds(ref s, p, v2 * K1, x + w1, out v1, out v2);
            WeakHashLen32WithSeeds(ref s, p + 32, z + w2, y + Fetch64(ref s, p + 16), out w1, out w2);
            (z, x) = (x, z);
            p += 64;
        }
        while (p != end);

        ulong mul = K1 + ((z & 0xff) << 1);
        p = last64;
        w1 += (ulong)((len - 1) & 63);
        v1 += w1;
        w1 += v1;
        x = Rotate(x + y + v1 + Fetch64(ref s, p + 8), 37) * mul;
        y = Rotate(y + v2 + Fetch64(ref s, p + 48), 42) * mul;
        x ^= w2 * 9;
        y += (v1 * 9) + Fetch64(ref s, p + 40);
        z = Rotate(z + w1, 33) * mul;
        WeakHashLen32WithSeeds(ref s, p, v2 * mul, x + w1, out v1, out v2);
        WeakHashLen32WithSeeds(ref s, p + 32, z + w2, y + Fetch64(ref s, p + 16), out w1, out w2);
        (z, x) = (x, z);
        return HashLen16(
            HashLen16(v1, w1, mul) + (ShiftMix(y) * K0) + z,
            HashLen16(v2, w2, mul) + x,
            mul);
    }

    // A 16-byte hash of s[p..p+31], a and b; quick and dirty.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WeakHashLen32WithSeeds(ref byte s, int p, ulong a, ulong b, out ulong first, out ulong second)
    {
        ulong w = Fetch64(ref s, p);
        ulong x = Fetch64(ref s, p + 8);
        ulong y = Fetch64(ref s, p + 16);
        ulong z = Fetch64(ref s, p + 24);
        a += w;
        b = Rotate(b + a + z, 21);
        ulong c = a;
        a += x;
        a += y;
        b += Rotate(a, 44);
        first = a + z;
        second = b + c;
    }
}
