// Standard SipHash-2-4: TF's StrongKeyedHash is highwayhash::StringHasher<SipHashState>, whose SipHash
// specialization uses the reference padding (len & 0xFF in the last byte), not HighwayHash's PaddedUpdate.
using System;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PrepGen.Hashing;

public static partial class KerasHash
{
    /// <summary>
    /// SipHash-2-4 of raw bytes with the 128-bit key (<paramref name="k0"/>, <paramref name="k1"/>): TensorFlow's
    /// <c>StrongKeyedHash</c>, behind <c>tf.strings.to_hash_bucket_strong</c> and Keras <c>Hashing</c> with a salt.
    /// </summary>
    /// <param name="k0">The first key word (<c>key[0]</c>; the key bytes 0..7 read little-endian).</param>
    /// <param name="k1">The second key word (<c>key[1]</c>; the key bytes 8..15 read little-endian).</param>
    /// <param name="data">The bytes to hash (a string's UTF-8 encoding).</param>
    /// <returns>The 64-bit hash.</returns>
    public static ulong SipHash24(ulong k0, ulong k1, ReadOnlySpan<byte> data)
    {
        ulong v0 = 0x736f6d6570736575UL ^ k0;
        ulong v1 = 0x646f72616e646f6dUL ^ k1;
        ulong v2 = 0x6c7967656e657261UL ^ k0;
        ulong v3 = 0x7465646279746573UL ^ k1;

        ref byte s = ref MemoryMarshal.GetReference(data);
        int len = data.Length;
        int end = len & ~7;
        for (int p = 0; p < end; p += 8)
        {
            ulong m = Fetch64(ref s, p);
            v3 ^= m;
            SipRound(ref v0, ref v1, ref v2, ref v3);
            SipRound(ref v0, ref v1, ref v2, ref v3);
            v0 ^= m;
        }

        // Last block: the 0..7 remaining bytes, zero padding, and the length's low byte on top.
        ulong last = ReadTail(ref s, end, len & 7) | ((ulong)len << 56);
        v3 ^= last;
        SipRound(ref v0, ref v1, ref v2, ref v3);
        SipRound(ref v0, ref v1, ref v2, ref v3);
        v0 ^= last;

        v2 ^= 0xff;
        SipRound(ref v0, ref v1, ref v2, ref v3);
        SipRound(ref v0, ref v1, ref v2, ref v3);
        SipRound(ref v0, ref v1, ref v2, ref v3);
        SipRound(ref v0, ref v1, ref v2, ref v3);
        return v0 ^ v1 ^ v2 ^ v3;
    }

    // Little-endian load of count (0..7) bytes at s[offset], with no read past the end.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ReadTail(ref byte s, int offset, int count)
    {
        ulong t = 0;
        int shift = 0;
        if ((count & 4) != 0)
        {
            t = Fetch32(ref s, offset);
            offset += 4;
            shift = 32;
        }

        if ((count & 2) != 0)
        {
            ushort h = Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref s, offset));
            t |= (ulong)(BitConverter.IsLittleEndian ? h : BinaryPrimitives.ReverseEndianness(h)) << shift;
            offset += 2;
            shift += 16;
        }

        if ((count & 1) != 0)
        {
            t |= (ulong)Unsafe.Add(ref s, offset) << shift;
        }

        return t;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SipRound(ref ulong v0, ref ulong v1, ref ulong v2, ref ulong v3)
    {
        v0 += v1;
        v1 = BitOperations.RotateLeft(v1, 13);
        v1 ^= v0;
        v0 = BitOperations.RotateLeft(v0, 32);
        v2 += v3;
        v3 = BitOperations.RotateLeft(v3, 16);
        v3 ^= v2;
        v0 += v3;
        v3 = BitOperations.RotateLeft(v3, 21);
        v3 ^= v0;
        v2 += v1;
        v1 = BitOperations.RotateLeft(v1, 17);
        v1 ^= v2;
        v2 = BitOperations.RotateLeft(v2, 32);
    }
}
