using Spark.Connect.Arrow;
using Spark.Connect.Local.Results;

namespace Spark.Connect.Local.Tests.Results;

/// <summary>
/// DuckDB's single INTERVAL type becomes the Arrow type of the Spark interval the column was planned as:
/// year-month → Interval(YEAR_MONTH) months, calendar → Interval(MONTH_DAY_NANO), day-time (or unknown) → duration[us].
/// </summary>
public sealed class IntervalKindConversionTests : ArrowResultTestBase
{
    private static DataType YearMonth() => new() { YearMonthInterval = new DataType.Types.YearMonthInterval { StartField = 0, EndField = 1 } };

    private static DataType Struct(params DataType[] types)
    {
        var s = new DataType.Types.Struct();
        for (var i = 0; i < types.Length; i++)
            s.Fields.Add(new DataType.Types.StructField { Name = "c" + i, DataType = types[i], Nullable = true });
        return new DataType { Struct = s };
    }

    private List<RecordBatch> Convert(string sql, DataType sparkSchema)
    {
        using var result = Connection.Query(sql);
        return new DuckDbArrowConverter().ReadIpcStreams(result, sparkSchema)
            .SelectMany(stream => new ArrowStreamReader(stream).ReadAllBatches()).ToList();
    }

    [Test]
    public void A_year_month_column_is_sent_as_whole_months()
    {
        var batch = Convert("SELECT * FROM (VALUES (INTERVAL 14 MONTH), (to_months(-122)), (NULL)) t(ym)", Struct(YearMonth())).Single();
        var column = batch.Columns[0];
        Assert.That(column.Field.Type, Is.EqualTo(ArrowType.Interval(ArrowIntervalUnit.YearMonth)));
        var months = (PrimitiveColumn<int>)column;
        Assert.That(new[] { months.GetValue(0), months.GetValue(1) }, Is.EqualTo(new[] { 14, -122 }));
        Assert.That(months.IsNull(2), Is.True);
    }

    [Test]
    public void Nested_year_month_values_follow_the_spark_type_into_arrays_maps_and_structs()
    {
        var array = new DataType { Array = new DataType.Types.Array { ElementType = YearMonth(), ContainsNull = true } };
        var map = new DataType { Map = new DataType.Types.Map { KeyType = new DataType { Integer = new() }, ValueType = YearMonth() } };
        var batch = Convert("SELECT [INTERVAL 1 YEAR, INTERVAL 2 MONTH] AS a, MAP([1], [INTERVAL 3 MONTH]) AS m, {'x': INTERVAL 5 MONTH, 'd': INTERVAL 2 DAY} AS s",
            Struct(array, map, Struct(YearMonth(), new DataType { DayTimeInterval = new DataType.Types.DayTimeInterval { StartField = 0, EndField = 3 } }))).Single();
        var items = (PrimitiveColumn<int>)((ListColumn)batch.Columns[0]).Values;
        Assert.That(new[] { items.GetValue(0), items.GetValue(1) }, Is.EqualTo(new[] { 12, 2 }));
        Assert.That(((PrimitiveColumn<int>)((MapColumn)batch.Columns[1]).Items).GetValue(0), Is.EqualTo(3));
        var fields = ((StructColumn)batch.Columns[2]).Children;
        Assert.That(((PrimitiveColumn<int>)fields[0]).GetValue(0), Is.EqualTo(5));
        Assert.That(((DurationColumn)fields[1]).GetTimeSpan(0), Is.EqualTo(TimeSpan.FromDays(2)));
    }

    [Test]
    public void A_calendar_interval_keeps_months_days_and_time()
    {
        var batch = Convert("SELECT INTERVAL '3 months 2 days 00:00:01.5' AS c", Struct(new DataType { CalendarInterval = new() })).Single();
        Assert.That(batch.Columns[0].Field.Type, Is.EqualTo(ArrowType.Interval(ArrowIntervalUnit.MonthDayNano)));
        Assert.That(((PrimitiveColumn<ArrowMonthDayNanoInterval>)batch.Columns[0]).GetValue(0), Is.EqualTo(new ArrowMonthDayNanoInterval(3, 2, 1_500_000_000)));
    }

    [Test]
    public void A_year_month_value_holding_days_fails_rather_than_dropping_them() =>
        Assert.Throws<OverflowException>(() => Convert("SELECT INTERVAL '1 month 1 day' AS ym", Struct(YearMonth())));

    [Test]
    public void Without_a_spark_type_an_interval_stays_day_time()
    {
        var batch = Convert("SELECT INTERVAL 2 DAY AS d", Struct(new DataType { Integer = new() })).Single();
        Assert.That(batch.Columns[0].Field.Type, Is.EqualTo(ArrowType.Duration(ArrowTimeUnit.Microsecond)));
    }
}
