using System.Buffers.Binary;
using System.Numerics;

namespace Spark.Connect.Local.Hashing;

/// <summary>
/// Spark's 32-bit Murmur3 (x86 variant), the hash behind Spark's <c>hash</c> function and its hash partitioning.
/// Integers and longs hash as the standard algorithm over their 4 or 8 little-endian bytes; byte strings hash
/// Spark's way, which differs from the standard for the 1–3 trailing bytes: each is mixed in as a whole block of
/// its own, sign-extended (Spark keeps that for compatibility with data hashed before 2.3).
/// </summary>
internal static class SparkMurmur3
{
    private const uint C1 = 0xcc9e2d51;
    private const uint C2 = 0x1b873593;

    /// <summary>The hash of a 32-bit value (also bytes, shorts, booleans as 0/1, dates as days).</summary>
    public static int HashInt(int value, int seed) => Finish(MixH1((uint)seed, MixK1((uint)value)), 4);

    /// <summary>The hash of a 64-bit value: low word first.</summary>
    public static int HashLong(long value, int seed)
    {
        var h1 = MixH1((uint)seed, MixK1((uint)value));
        h1 = MixH1(h1, MixK1((uint)((ulong)value >> 32)));
        return Finish(h1, 8);
    }

    /// <summary>Spark's <c>hashUnsafeBytes</c>: 4-byte little-endian blocks, then each remaining byte on its own.</summary>
    public static int HashBytes(ReadOnlySpan<byte> bytes, int seed)
    {
        var h1 = (uint)seed;
        var aligned = bytes.Length - bytes.Length % 4;
        for (var i = 0; i < aligned; i += 4)
            h1 = MixH1(h1, MixK1(BinaryPrimitives.ReadUInt32LittleEndian(bytes[i..])));
        for (var i = aligned; i < bytes.Length; i++)
            h1 = MixH1(h1, MixK1((uint)(sbyte)bytes[i]));
        return Finish(h1, bytes.Length);
    }

    private static uint MixK1(uint k1) => BitOperations.RotateLeft(k1 * C1, 15) * C2;

    private static uint MixH1(uint h1, uint k1) => BitOperations.RotateLeft(h1 ^ k1, 13) * 5 + 0xe6546b64;

    private static int Finish(uint h1, int length)
    {
        h1 ^= (uint)length;
        h1 ^= h1 >> 16;
        h1 *= 0x85ebca6b;
        h1 ^= h1 >> 13;
        h1 *= 0xc2b2ae35;
        h1 ^= h1 >> 16;
        return (int)h1;
    }
}
