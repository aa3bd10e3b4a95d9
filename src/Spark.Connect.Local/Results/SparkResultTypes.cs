using Spark.Connect.Arrow;
using Spark.Connect.Local.DuckDb;

namespace Spark.Connect.Local.Results;

/// <summary>
/// The Spark type a result column was planned with, followed down nested types alongside DuckDB's. DuckDB has one
/// INTERVAL type where Spark has three (year-month, day-time, calendar), so an interval column's Arrow type and
/// writer come from the Spark type: Spark Connect sends a year-month interval as Arrow <c>Interval(YEAR_MONTH)</c>
/// (int32 months), a day-time one as <c>Duration(MICROSECOND)</c> and a calendar interval as
/// <c>Interval(MONTH_DAY_NANO)</c>. Without a Spark type (or where the trees don't match) an interval is day-time.
/// </summary>
internal static class SparkResultTypes
{
    /// <summary>The type of field <paramref name="index"/> of a struct type, or null.</summary>
    internal static DataType? Field(DataType? type, int index) =>
        type?.Struct is { } s && index < s.Fields.Count ? s.Fields[index].DataType : null;

    /// <summary>The element type of an array type, or null.</summary>
    internal static DataType? Element(DataType? type) => type?.Array?.ElementType;

    /// <summary>The key type of a map type, or null.</summary>
    internal static DataType? Key(DataType? type) => type?.Map?.KeyType;

    /// <summary>The value type of a map type, or null.</summary>
    internal static DataType? Value(DataType? type) => type?.Map?.ValueType;

    /// <summary>The Arrow type Spark Connect uses for an interval of Spark type <paramref name="type"/>.</summary>
    internal static ArrowType IntervalArrowType(DataType? type) => type?.KindCase switch
    {
        DataType.KindOneofCase.YearMonthInterval => ArrowType.Interval(ArrowIntervalUnit.YearMonth),
        DataType.KindOneofCase.CalendarInterval => ArrowType.Interval(ArrowIntervalUnit.MonthDayNano),
        _ => ArrowType.Duration(ArrowTimeUnit.Microsecond),
    };

    /// <summary>The writer turning DuckDB intervals into the Arrow values of <see cref="IntervalArrowType"/>.</summary>
    internal static ColumnWriter IntervalWriter(DataType? type) => type?.KindCase switch
    {
        DataType.KindOneofCase.YearMonthInterval => new WideningWriter<DuckDbInterval, int>(YearMonthMonths),
        DataType.KindOneofCase.CalendarInterval => new WideningWriter<DuckDbInterval, ArrowMonthDayNanoInterval>(CalendarValue),
        _ => new WideningWriter<DuckDbInterval, long>(DayTimeMicros),
    };

    // A day is 24 hours in a day-time interval (no calendar), so days convert exactly; months don't.
    internal static long DayTimeMicros(DuckDbInterval interval) => interval.Months == 0
        ? checked(interval.Days * 86_400_000_000L + interval.Micros)
        : throw new OverflowException(
            $"an INTERVAL of {interval.Months} month(s) has no fixed length, so it can't be returned as Spark's day-time interval; return a number of days or a timestamp instead");

    // The planner keeps year-month values in months only; days or time here would be a planning fault, not Spark's value.
    private static int YearMonthMonths(DuckDbInterval interval) => interval.Days == 0 && interval.Micros == 0
        ? interval.Months
        : throw new OverflowException(
            $"an INTERVAL of {interval.Months} month(s), {interval.Days} day(s) and {interval.Micros} microsecond(s) is not a year-month interval, which holds whole months only");

    private static ArrowMonthDayNanoInterval CalendarValue(DuckDbInterval interval) =>
        new(interval.Months, interval.Days, checked(interval.Micros * 1_000));
}
