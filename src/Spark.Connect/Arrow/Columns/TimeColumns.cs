namespace Spark.Connect.Arrow;

/// <summary>
/// A time32 column: seconds or milliseconds since midnight. Every present value was checked to lie within one day
/// when the column was built, so <see cref="GetTime"/> never fails.
/// </summary>
public sealed class Time32Column : PrimitiveColumn<int>
{
    internal Time32Column(ArrowField field, int length, int nullCount, ReadOnlyMemory<byte>[] buffers)
        : base(field, length, nullCount, buffers)
    {
    }

    /// <summary>The time unit of the raw values.</summary>
    public ArrowTimeUnit Unit => Field.Type.Unit;

    /// <summary>The value at <paramref name="index"/> as a time of day.</summary>
    public TimeOnly GetTime(int index) => new(TimeColumns.ToTicks(GetValue(index), Unit));
}

/// <summary>
/// A time64 column: microseconds or nanoseconds since midnight (Spark's TIME type). Every present value was checked to
/// lie within one day when the column was built; nanoseconds truncate to the 100 ns ticks of <see cref="TimeOnly"/>.
/// </summary>
public sealed class Time64Column : PrimitiveColumn<long>
{
    internal Time64Column(ArrowField field, int length, int nullCount, ReadOnlyMemory<byte>[] buffers)
        : base(field, length, nullCount, buffers)
    {
    }

    /// <summary>The time unit of the raw values.</summary>
    public ArrowTimeUnit Unit => Field.Type.Unit;

    /// <summary>The value at <paramref name="index"/> as a time of day.</summary>
    public TimeOnly GetTime(int index) => new(TimeColumns.ToTicks(GetValue(index), Unit));
}

/// <summary>Builds time columns after checking their values, as the format requires, lie in [0, 24 h).</summary>
internal static class TimeColumns
{
    /// <summary>Units in one day: the exclusive upper bound of a time value (the format allows no leap second).</summary>
    internal static long UnitsPerDay(ArrowTimeUnit unit) => unit switch
    {
        ArrowTimeUnit.Second => 86_400L,
        ArrowTimeUnit.Millisecond => 86_400_000L,
        ArrowTimeUnit.Microsecond => 86_400_000_000L,
        _ => 86_400_000_000_000L,
    };

    /// <summary>Ticks of a value already known to be within a day (so no product overflows).</summary>
    internal static long ToTicks(long value, ArrowTimeUnit unit) => unit switch
    {
        ArrowTimeUnit.Second => value * TimeSpan.TicksPerSecond,
        ArrowTimeUnit.Millisecond => value * TimeSpan.TicksPerMillisecond,
        ArrowTimeUnit.Microsecond => value * 10,
        _ => value / 100,
    };

    /// <summary>A time32 column over validated buffers; <paramref name="trusted"/> skips the value scan (values checked before).</summary>
    internal static Time32Column Time32(ArrowField field, int length, int nullCount, ReadOnlyMemory<byte>[] buffers, bool trusted) =>
        WithinOneDay<Time32Column, int>(new Time32Column(field, length, nullCount, buffers), trusted);

    /// <summary>A time64 column over validated buffers; <paramref name="trusted"/> skips the value scan (values checked before).</summary>
    internal static Time64Column Time64(ArrowField field, int length, int nullCount, ReadOnlyMemory<byte>[] buffers, bool trusted) =>
        WithinOneDay<Time64Column, long>(new Time64Column(field, length, nullCount, buffers), trusted);

    /// <summary>The column, once every present value is in [0, one day); a null row may hold anything.</summary>
    private static TColumn WithinOneDay<TColumn, T>(TColumn column, bool trusted)
        where TColumn : PrimitiveColumn<T>
        where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        if (trusted)
            return column;
        var values = column.Values;
        var limit = UnitsPerDay(column.Field.Type.Unit);
        for (var i = 0; i < values.Length; i++)
        {
            var value = long.CreateTruncating(values[i]);
            if ((ulong)value >= (ulong)limit && !column.IsNull(i))
                throw ColumnFactory.Fail(column.Field,
                    $"time {value} at row {i} is outside one day (0 to {limit - 1} {column.Field.Type.Unit}s since midnight)");
        }
        return column;
    }
}
