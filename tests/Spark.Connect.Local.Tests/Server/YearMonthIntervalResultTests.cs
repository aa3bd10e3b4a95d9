using Spark.Connect.Arrow;

namespace Spark.Connect.Local.Tests.Server;

/// <summary>Interval results reach a client as Spark Connect sends them: year-month as Arrow Interval(YEAR_MONTH) int32 months, calendar as MONTH_DAY_NANO.</summary>
public sealed class YearMonthIntervalResultTests : LocalServerTestBase
{
    [Test]
    public async Task Year_month_intervals_arrive_as_months_and_day_time_as_durations()
    {
        var responses = await CollectAsync(NewClient().ExecutePlanAsync(Sql(
            "SELECT CAST(-122S AS INTERVAL YEAR TO MONTH) AS ym, INTERVAL '3' YEAR AS y, INTERVAL '1 02:00:00' DAY TO SECOND AS dt")));
        var batch = Batches(responses).Single();
        Assert.That(batch.Schema.Fields.Select(f => f.Type), Is.EqualTo(new[]
        {
            ArrowType.Interval(ArrowIntervalUnit.YearMonth), ArrowType.Interval(ArrowIntervalUnit.YearMonth), ArrowType.Duration(ArrowTimeUnit.Microsecond),
        }));
        Assert.That(((PrimitiveColumn<int>)batch.Columns[0]).GetValue(0), Is.EqualTo(-122));
        Assert.That(((PrimitiveColumn<int>)batch.Columns[1]).GetValue(0), Is.EqualTo(36));
        Assert.That(((DurationColumn)batch.Columns[2]).GetTimeSpan(0), Is.EqualTo(new TimeSpan(1, 2, 0, 0)));
    }

    [Test]
    public async Task The_schema_names_the_year_month_type()
    {
        var schema = await NewClient().SchemaAsync(Sql("SELECT INTERVAL '1-2' YEAR TO MONTH AS ym"));
        Assert.That(schema.Struct.Fields.Single().DataType.KindCase, Is.EqualTo(DataType.KindOneofCase.YearMonthInterval));
    }

    [Test]
    public async Task A_calendar_interval_arrives_as_months_days_and_nanoseconds()
    {
        var batch = Batches(await CollectAsync(NewClient().ExecutePlanAsync(Sql("SELECT CAST('interval 3 month 2 days 1 hour' AS interval) AS c")))).Single();
        Assert.That(batch.Schema.Fields[0].Type, Is.EqualTo(ArrowType.Interval(ArrowIntervalUnit.MonthDayNano)));
        Assert.That(((PrimitiveColumn<ArrowMonthDayNanoInterval>)batch.Columns[0]).GetValue(0), Is.EqualTo(new ArrowMonthDayNanoInterval(3, 2, 3_600_000_000_000)));
    }
}
