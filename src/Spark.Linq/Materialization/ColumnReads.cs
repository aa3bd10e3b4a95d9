using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text;
using Spark.Connect.Arrow;

namespace Spark.Linq.Materialization;

/// <summary>
/// The per-value reads the compiled materializers call: each takes a column already cast to its
/// typed class (once per batch) and a row index, so the JIT can inline them into the row loop.
/// Callers check nulls first; these assume a present value.
/// </summary>
internal static class ColumnReads
{
    private const long UnixEpochTicks = 621_355_968_000_000_000L;
    private static readonly int EpochDayNumber = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    internal static ArrowColumn Column(RecordBatch batch, int index) => batch.Columns[index];

    internal static ArrowColumn Child(ArrowColumn parent, int index) => ((StructColumn)parent).Children[index];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static string Utf8(StringColumn column, int row) => Encoding.UTF8.GetString(column.GetBytes(row));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static byte[] Bytes(BinaryColumn column, int row) => column.GetBytes(row).ToArray();

    internal static char Char(string text, string path, int row) =>
        text.Length == 1 ? text[0] : throw Value(path, row, $"the string \"{Truncate(text)}\" is not a single character");

    internal static Guid Guid(string text, string path, int row) =>
        System.Guid.TryParse(text, out var guid) ? guid : throw Value(path, row, $"the string \"{Truncate(text)}\" is not a GUID");

    internal static TEnum EnumName<TEnum>(string text, string path, int row) where TEnum : struct, Enum
    {
        // Enum.TryParse also accepts numbers; a name column holding "3" is a data problem, not a value.
        if (text.Length > 0 && (char.IsAsciiDigit(text[0]) || text[0] is '-' or '+' || char.IsWhiteSpace(text[0]))
            || !Enum.TryParse<TEnum>(text, ignoreCase: false, out var value))
            throw Value(path, row, $"\"{Truncate(text)}\" is not a name of enum {typeof(TEnum).Name} (names are case-sensitive: {string.Join(", ", Enum.GetNames<TEnum>())})");
        return value;
    }

    /// <summary>The exact decimal: a direct construction when the unscaled value fits 96 bits at a scale up to 28.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static decimal Decimal(Int128 unscaled, int scale, string path, int row)
    {
        // Unsigned compare: a negative scale (Spark's legacy negative-scale decimals) takes the slow path.
        if ((uint)scale <= 28)
        {
            var negative = unscaled < 0;
            var magnitude = (UInt128)(negative ? -unscaled : unscaled);
            if (magnitude >> 96 == 0)
                return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), (int)(uint)(magnitude >> 64), negative, (byte)scale);
        }
        return DecimalSlow(unscaled, scale, path, row);
    }

    /// <summary>
    /// Drops trailing zeros while that is exact, until the value fits System.Decimal (96-bit mantissa, scale ≤ 28);
    /// a negative scale (at least -38, as the reader checks) multiplies the mantissa up to scale 0 instead.
    /// </summary>
    private static decimal DecimalSlow(Int128 unscaled, int scale, string path, int row)
    {
        var (original, originalScale) = (unscaled, scale);
        var negative = unscaled < 0;
        var magnitude = negative ? (UInt128)0 - (UInt128)unscaled : (UInt128)unscaled;
        while ((scale > 28 || magnitude >> 96 != 0) && scale > 0 && magnitude % 10 == 0)
        {
            magnitude /= 10;
            scale--;
        }
        while (scale < 0 && magnitude >> 96 == 0)
        {
            magnitude *= 10;
            scale++;
        }
        if (scale is >= 0 and <= 28 && magnitude >> 96 == 0)
            return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), (int)(uint)(magnitude >> 64), negative, (byte)scale);
        throw new SparkMaterializationException(
            $"Column '{path}' holds {original}e{-originalScale} at row {row}, which System.Decimal cannot hold exactly. " +
            "Cast the column to a smaller precision or to double in the query.", path, row);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static DateTime Timestamp(long value, ArrowTimeUnit unit, DateTimeKind kind, string path, int row) =>
        new(UnixEpochTicks + Ticks(value, unit, UnixEpochTicks, path, row), kind);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static DateTimeOffset TimestampOffset(long value, ArrowTimeUnit unit, string path, int row) =>
        new(UnixEpochTicks + Ticks(value, unit, UnixEpochTicks, path, row), TimeSpan.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static TimeSpan Duration(long value, ArrowTimeUnit unit, string path, int row) =>
        new(Ticks(value, unit, 0, path, row));

    /// <summary>Ticks since midnight of a time value the reader has checked lies within one day.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static long TimeTicks(long value, ArrowTimeUnit unit) => unit switch
    {
        ArrowTimeUnit.Second => value * TimeSpan.TicksPerSecond,
        ArrowTimeUnit.Millisecond => value * TimeSpan.TicksPerMillisecond,
        ArrowTimeUnit.Microsecond => value * 10,
        _ => value / 100,
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static DateOnly Date32(int days, string path, int row)
    {
        var day = (long)EpochDayNumber + days;
        if ((ulong)day > (ulong)DateOnly.MaxValue.DayNumber)
            throw Value(path, row, $"day {days} since 1970-01-01 is outside the range of DateOnly");
        return DateOnly.FromDayNumber((int)day);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static DateTime Date32AsDateTime(int days, string path, int row) =>
        Date32(days, path, row).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

    internal static DateTime Date64(long milliseconds, string path, int row) =>
        new(UnixEpochTicks + Ticks(milliseconds, ArrowTimeUnit.Millisecond, UnixEpochTicks, path, row), DateTimeKind.Unspecified);

    internal static DateOnly Date64AsDateOnly(long milliseconds, string path, int row) => DateOnly.FromDateTime(Date64(milliseconds, path, row));

    /// <summary>Ticks of <paramref name="value"/>; <paramref name="epochTicks"/> is added by the caller, so the sum must stay a valid DateTime.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Ticks(long value, ArrowTimeUnit unit, long epochTicks, string path, int row)
    {
        long ticks;
        switch (unit)
        {
            case ArrowTimeUnit.Microsecond:
                // |value| below 2^59 keeps value * 10 from overflowing; the range check below does the rest.
                if ((ulong)(value + (1L << 59)) >= (1UL << 60)) throw OutOfRange(path, row, value, unit);
                ticks = value * 10;
                break;
            case ArrowTimeUnit.Nanosecond:
                ticks = value / 100;
                break;
            case ArrowTimeUnit.Millisecond:
                if ((ulong)(value + (1L << 49)) >= (1UL << 50)) throw OutOfRange(path, row, value, unit);
                ticks = value * TimeSpan.TicksPerMillisecond;
                break;
            default:
                if ((ulong)(value + (1L << 39)) >= (1UL << 40)) throw OutOfRange(path, row, value, unit);
                ticks = value * TimeSpan.TicksPerSecond;
                break;
        }
        // Durations (epochTicks 0) only need to fit TimeSpan, which any long of ticks does.
        if (epochTicks != 0 && (ulong)(ticks + epochTicks) > (ulong)DateTime.MaxValue.Ticks)
            throw OutOfRange(path, row, value, unit);
        return ticks;
    }

    internal static TKey NonNullKey<TKey>(TKey? key, string path, int row) where TKey : class =>
        key ?? throw new SparkMaterializationException($"Column '{path}' has a null map key at entry {row}; Arrow map keys can't be null.", path, row);

    [DoesNotReturn]
    internal static T NullForValueType<T>(string path, int row) =>
        throw new SparkMaterializationException(
            $"Column '{path}' has a null at row {row}, but the target type {TypeNames.Of(typeof(T))} cannot hold null. " +
            $"Make the member {TypeNames.Of(typeof(T))}? (nullable), or filter the nulls out in the query.", path, row);

    /// <summary>
    /// An integer read into a narrower or unsigned member. Spark has no unsigned types, so byte, ushort,
    /// uint and ulong members arrive one size wider (as CreateDataFrame writes them); out-of-range values fail.
    /// </summary>
    internal static TTarget NarrowInteger<TTarget>(long value, string path, int row) where TTarget : struct, System.Numerics.INumberBase<TTarget>
    {
        try
        {
            return TTarget.CreateChecked(value);
        }
        catch (OverflowException)
        {
            throw Value(path, row, $"the value {value} does not fit {TypeNames.Of(typeof(TTarget))}");
        }
    }

    /// <summary>A decimal read into an integer member (Spark stores ulong as decimal(20,0)); fractions and out-of-range values fail.</summary>
    internal static TTarget DecimalToInteger<TTarget>(Int128 unscaled, int scale, string path, int row) where TTarget : struct, System.Numerics.INumberBase<TTarget>
    {
        var value = Decimal(unscaled, scale, path, row);
        if (decimal.Truncate(value) != value)
            throw Value(path, row, $"the value {value} has a fraction, so it does not fit {TypeNames.Of(typeof(TTarget))}");
        try
        {
            return TTarget.CreateChecked(value);
        }
        catch (OverflowException)
        {
            throw Value(path, row, $"the value {value} does not fit {TypeNames.Of(typeof(TTarget))}");
        }
    }

    private static SparkMaterializationException OutOfRange(string path, int row, long value, ArrowTimeUnit unit) =>
        Value(path, row, $"the value {value} ({unit}s since 1970-01-01) is outside the range .NET dates and times can hold");

    private static SparkMaterializationException Value(string path, int row, string problem) =>
        new($"Column '{path}' at row {row}: {problem}.", path, row);

    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
