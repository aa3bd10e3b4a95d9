using System.Numerics;

namespace Spark.Connect.Local.Hashing;

/// <summary>
/// How Spark turns the values it hashes into ints, longs and bytes: floats and doubles by their Java bit patterns
/// (one NaN, and -0.0 hashed as 0), decimals wider than 18 digits by their unscaled value's big-endian
/// two's-complement bytes (Java's <c>BigInteger.toByteArray</c>).
/// </summary>
internal static class HashValues
{
    /// <summary>Java's <c>floatToIntBits</c>, with -0.0 as 0.</summary>
    public static int FloatBits(float value) => float.IsNaN(value) ? 0x7fc00000 : value == 0 ? 0 : BitConverter.SingleToInt32Bits(value);

    /// <summary>Java's <c>doubleToLongBits</c>, with -0.0 as 0.</summary>
    public static long DoubleBits(double value) => double.IsNaN(value) ? 0x7ff8000000000000L : value == 0 ? 0 : BitConverter.DoubleToInt64Bits(value);

    /// <summary>The shortest big-endian two's-complement bytes of <paramref name="unscaled"/> (at most 17 for 38 digits).</summary>
    public static int WideDecimalBytes(Int128 unscaled, Span<byte> destination)
    {
        var value = (BigInteger)unscaled;
        return value.TryWriteBytes(destination, out var written, isUnsigned: false, isBigEndian: true)
            ? written
            : throw new ArgumentException("The destination is too small for a 128-bit value.", nameof(destination));
    }
}
