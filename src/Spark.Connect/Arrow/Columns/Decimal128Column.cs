namespace Spark.Connect.Arrow;

/// <summary>
/// A decimal128 column: each value is a 128-bit little-endian two's complement unscaled integer;
/// the decimal value is <c>unscaled / 10^Scale</c>.
/// </summary>
public sealed class Decimal128Column : ArrowColumn, IFixedWidthValues
{
    private readonly BufferView _data;

    internal Decimal128Column(ArrowField field, int length, int nullCount, ReadOnlyMemory<byte>[] buffers)
        : base(field, length, nullCount, buffers, []) => _data = new BufferView(buffers[1]);

    /// <summary>Total digits.</summary>
    public int Precision => Field.Type.Precision;

    /// <summary>Digits after the decimal point.</summary>
    public int Scale => Field.Type.Scale;

    /// <summary>The raw values, 16 little-endian bytes per row.</summary>
    public ReadOnlySpan<byte> RawValues => _data.Span[..(Length * 16)];

    ReadOnlyMemory<byte> IFixedWidthValues.ValueMemory => _data.Memory;

    /// <summary>The unscaled 128-bit integer at <paramref name="index"/>.</summary>
    public Int128 GetUnscaled(int index)
    {
        CheckIndex(index);
        return _data.Read<Int128>(index * 16);
    }

    /// <summary>
    /// The exact value at <paramref name="index"/> as a <see cref="decimal"/>.
    /// </summary>
    /// <exception cref="OverflowException">The value does not fit System.Decimal exactly; use <see cref="GetUnscaled"/>.</exception>
    public decimal GetDecimal(int index)
    {
        var unscaled = GetUnscaled(index);
        if (DecimalConversion.TryToDecimal(unscaled, Scale, out var value))
            return value;
        throw new OverflowException(
            $"Decimal value {unscaled}e{-Scale} at row {index} of column '{Field.Name}' does not fit System.Decimal exactly; read it with GetUnscaled.");
    }

    /// <summary>The value at <paramref name="index"/> as a <see cref="decimal"/>, or null for a null row.</summary>
    public decimal? GetNullableDecimal(int index) => IsNull(index) ? null : GetDecimal(index);
}

/// <summary>Exact conversions between decimal128 unscaled integers and <see cref="decimal"/>.</summary>
internal static class DecimalConversion
{
    private static readonly Int128 MaxMantissa = (Int128.One << 96) - 1;

    internal static bool TryToDecimal(Int128 unscaled, int scale, out decimal value)
    {
        value = 0;
        if (unscaled == Int128.MinValue)
            return false;
        // System.Decimal holds at most 28 fractional digits: drop trailing zeros while that is exact.
        while (scale > 28 || (Int128.Abs(unscaled) > MaxMantissa && scale > 0))
        {
            if (unscaled % 10 != 0)
                return false;
            unscaled /= 10;
            scale--;
        }
        while (scale < 0)
        {
            if (Int128.Abs(unscaled) > MaxMantissa / 10)
                return false;
            unscaled *= 10;
            scale++;
        }
        if (Int128.Abs(unscaled) > MaxMantissa)
            return false;
        var negative = unscaled < 0;
        var magnitude = (UInt128)Int128.Abs(unscaled);
        value = new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), (int)(uint)(magnitude >> 64), negative, (byte)scale);
        return true;
    }

    internal static Int128 PowerOfTen(int exponent)
    {
        Int128 result = 1;
        for (var i = 0; i < exponent; i++)
            result *= 10;
        return result;
    }

    /// <summary>The unscaled integer of <paramref name="value"/> at <paramref name="scale"/>, or false when digits would be lost.</summary>
    internal static bool TryToUnscaled(decimal value, int scale, out Int128 unscaled)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var magnitude = ((Int128)(uint)bits[2] << 64) | ((Int128)(uint)bits[1] << 32) | (uint)bits[0];
        int valueScale = (bits[3] >> 16) & 0xFF;
        unscaled = 0;
        for (; valueScale > scale; valueScale--)
        {
            if (magnitude % 10 != 0)
                return false;
            magnitude /= 10;
        }
        for (; valueScale < scale; valueScale++)
        {
            if (magnitude > Int128.MaxValue / 10)
                return false;
            magnitude *= 10;
        }
        unscaled = value < 0 ? -magnitude : magnitude;
        return true;
    }
}
