namespace Spark.Connect.Local.DuckDb;

/// <summary>Conversions between .NET dates/times and DuckDB's epoch-based DATE and TIMESTAMP values.</summary>
internal static class DuckDbTime
{
    public static readonly int EpochDayNumber = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    public static long ToMicros(DateTime value) => (value.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;

    public static DateTime FromMicros(long micros) =>
        new(DateTime.UnixEpoch.Ticks + micros * TimeSpan.TicksPerMicrosecond, DateTimeKind.Unspecified);

    public static DateOnly FromDays(int days) => DateOnly.FromDayNumber(EpochDayNumber + days);
}

/// <summary>Conversions between .NET decimals and DuckDB's (unscaled integer, width, scale) decimals.</summary>
internal static class DuckDbDecimal
{
    public static (Int128 Unscaled, byte Scale) Decompose(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var magnitude = ((Int128)(uint)bits[2] << 64) | ((Int128)(uint)bits[1] << 32) | (uint)bits[0];
        var negative = bits[3] < 0;
        var scale = (byte)((bits[3] >> 16) & 0xFF);
        return (negative ? -magnitude : magnitude, scale);
    }

    public static byte WidthFor(Int128 unscaled, byte scale)
    {
        var digits = Int128.Abs(unscaled).ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        return (byte)Math.Max(Math.Max(digits, scale), 1);
    }

    public static decimal ToDecimal(Int128 unscaled, byte scale)
    {
        var negative = unscaled < 0;
        var magnitude = (UInt128)Int128.Abs(unscaled);
        if (magnitude >> 96 != 0 || scale > 28)
            throw new OverflowException($"DECIMAL value with {scale} scale does not fit System.Decimal.");
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), (int)(uint)(magnitude >> 64), negative, scale);
    }
}
