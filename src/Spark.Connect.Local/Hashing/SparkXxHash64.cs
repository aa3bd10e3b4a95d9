using System.Buffers.Binary;
using System.Numerics;

namespace Spark.Connect.Local.Hashing;

/// <summary>
/// xxHash64 as Spark's <c>xxhash64</c> function uses it: the standard algorithm over the little-endian bytes of an
/// int (4), a long (8) or a byte string, with the running hash of the previous argument as the seed.
/// </summary>
internal static class SparkXxHash64
{
    private const ulong P1 = 0x9E3779B185EBCA87UL;
    private const ulong P2 = 0xC2B2AE3D27D4EB4FUL;
    private const ulong P3 = 0x165667B19E3779F9UL;
    private const ulong P4 = 0x85EBCA77C2B2AE63UL;
    private const ulong P5 = 0x27D4EB2F165667C5UL;

    /// <summary>The hash of a 32-bit value.</summary>
    public static long HashInt(int value, long seed)
    {
        var hash = (ulong)seed + P5 + 4;
        hash = Word(hash, (uint)value);
        return (long)Avalanche(hash);
    }

    /// <summary>The hash of a 64-bit value.</summary>
    public static long HashLong(long value, long seed)
    {
        var hash = (ulong)seed + P5 + 8;
        hash = LongWord(hash, (ulong)value);
        return (long)Avalanche(hash);
    }

    /// <summary>The hash of a byte string.</summary>
    public static long HashBytes(ReadOnlySpan<byte> bytes, long seed)
    {
        var s = (ulong)seed;
        var offset = 0;
        ulong hash;
        if (bytes.Length >= 32)
        {
            ulong v1 = s + P1 + P2, v2 = s + P2, v3 = s, v4 = s - P1;
            for (; offset <= bytes.Length - 32; offset += 32)
            {
                v1 = Round(v1, Read64(bytes, offset));
                v2 = Round(v2, Read64(bytes, offset + 8));
                v3 = Round(v3, Read64(bytes, offset + 16));
                v4 = Round(v4, Read64(bytes, offset + 24));
            }
            hash = BitOperations.RotateLeft(v1, 1) + BitOperations.RotateLeft(v2, 7) + BitOperations.RotateLeft(v3, 12) + BitOperations.RotateLeft(v4, 18);
            hash = Merge(hash, v1);
            hash = Merge(hash, v2);
            hash = Merge(hash, v3);
            hash = Merge(hash, v4);
        }
        else
        {
            hash = s + P5;
        }
        hash += (ulong)bytes.Length;
        for (; offset <= bytes.Length - 8; offset += 8)
            hash = LongWord(hash, Read64(bytes, offset));
        if (offset + 4 <= bytes.Length)
        {
            hash = Word(hash, BinaryPrimitives.ReadUInt32LittleEndian(bytes[offset..]));
            offset += 4;
        }
        for (; offset < bytes.Length; offset++)
            hash = BitOperations.RotateLeft(hash ^ bytes[offset] * P5, 11) * P1;
        return (long)Avalanche(hash);
    }

    private static ulong Read64(ReadOnlySpan<byte> bytes, int offset) => BinaryPrimitives.ReadUInt64LittleEndian(bytes[offset..]);

    private static ulong Round(ulong accumulator, ulong lane) => BitOperations.RotateLeft(accumulator + lane * P2, 31) * P1;

    private static ulong Merge(ulong hash, ulong accumulator) => (hash ^ Round(0, accumulator)) * P1 + P4;

    private static ulong LongWord(ulong hash, ulong word) => BitOperations.RotateLeft(hash ^ Round(0, word), 27) * P1 + P4;

    private static ulong Word(ulong hash, uint word) => BitOperations.RotateLeft(hash ^ word * P1, 23) * P2 + P3;

    private static ulong Avalanche(ulong hash)
    {
        hash ^= hash >> 33;
        hash *= P2;
        hash ^= hash >> 29;
        hash *= P3;
        hash ^= hash >> 32;
        return hash;
    }
}
