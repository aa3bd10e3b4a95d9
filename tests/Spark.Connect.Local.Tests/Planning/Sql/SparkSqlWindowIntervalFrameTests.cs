namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>
/// RANGE frames stepped by interval literals (a timestamp key by any ANSI interval, a date key by year-month ones), and
/// PRECEDING offsets that are not plain integers (decimals, intervals), which the parser writes as negated values.
/// </summary>
public sealed class SparkSqlWindowIntervalFrameTests : SparkSqlTestBase
{
    private const string Events = "VALUES (1, TIMESTAMP'2024-01-01 00:00:00'), (2, TIMESTAMP'2024-01-20 00:00:00'), (3, TIMESTAMP'2024-01-24 04:00:00'), (4, TIMESTAMP'2024-01-24 04:00:01') t(v, d)";

    [Test]
    public void ATimestampKeyStepsByADayTimeInterval()
    {
        const string column = "count(v) OVER (ORDER BY d RANGE BETWEEN CURRENT ROW AND interval 23 days 4 hours FOLLOWING)";
        Assert.That(Query($"SELECT v, {column} FROM {Events} ORDER BY v"), Is.EqualTo(new[] { "1|3", "2|3", "3|2", "4|1" }));
        Assert.That(Schema($"SELECT {column} FROM {Events}"),
            Is.EqualTo(new[] { "count(v) OVER (ORDER BY d ASC NULLS FIRST RANGE BETWEEN CURRENT ROW AND INTERVAL '23 04' DAY TO HOUR FOLLOWING):bigint" }));
    }

    [Test]
    public void IntervalsPrecedeTheCurrentRowToo() =>
        Assert.That(Query($"SELECT v, sum(v) OVER (ORDER BY d RANGE BETWEEN interval '5' day PRECEDING AND interval '1 00:00:01' day to second PRECEDING) FROM {Events} ORDER BY v"),
            Is.EqualTo(new[] { "1|∅", "2|∅", "3|2", "4|2" }));

    [Test]
    public void YearMonthIntervalsStepTimestampsAndDates()
    {
        Assert.That(Query("SELECT v, count(v) OVER (ORDER BY d RANGE BETWEEN CURRENT ROW AND interval '1-1' year to month FOLLOWING) FROM VALUES (1, TIMESTAMP'2024-01-01 00:00:00'), (2, TIMESTAMP'2025-02-01 00:00:00'), (3, TIMESTAMP'2025-02-01 00:00:01') t(v, d) ORDER BY v"),
            Is.EqualTo(new[] { "1|2", "2|2", "3|1" }));
        Assert.That(Query("SELECT v, count(v) OVER (ORDER BY d RANGE BETWEEN CURRENT ROW AND interval 1 month FOLLOWING) FROM VALUES (1, DATE'2024-01-31'), (2, DATE'2024-02-29'), (3, DATE'2024-03-01') t(v, d) ORDER BY v"),
            Is.EqualTo(new[] { "1|2", "2|2", "3|1" }));
    }

    [Test]
    public void ADecimalOffsetPrecedes() =>
        Assert.That(Query("SELECT v, sum(v) OVER (ORDER BY v RANGE BETWEEN 2.5 PRECEDING AND CURRENT ROW) FROM VALUES (1), (2), (4) t(v) ORDER BY v"),
            Is.EqualTo(new[] { "1|1", "2|3", "4|6" }));

    [Test]
    public void IntervalFramesSparkRefusesKeepItsClasses()
    {
        Assert.That(QueryError($"SELECT count(v) OVER (ORDER BY d RANGE BETWEEN interval 1 day FOLLOWING AND interval 1 day PRECEDING) FROM {Events}").ErrorClass,
            Is.EqualTo("DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_WRONG_COMPARISON"));
        Assert.That(QueryError($"SELECT count(v) OVER (ORDER BY v ROWS BETWEEN interval 1 day PRECEDING AND CURRENT ROW) FROM {Events}").ErrorClass,
            Is.EqualTo("DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_UNACCEPTED_TYPE"));
        Assert.That(QueryError("SELECT count(v) OVER (ORDER BY d RANGE BETWEEN CURRENT ROW AND interval '1 2:3:4.001' day to second FOLLOWING) FROM VALUES (1, DATE'2024-01-01') t(v, d)").ErrorClass,
            Is.EqualTo("DATATYPE_MISMATCH.RANGE_FRAME_INVALID_TYPE"));
    }

    [Test]
    public void AFrameFromAfterTheCurrentRowToItIsEmpty()
    {
        Assert.That(Query("SELECT v, count(v) OVER (ORDER BY v ROWS BETWEEN 1 FOLLOWING AND CURRENT ROW), sum(v) OVER (ORDER BY v ROWS -1 PRECEDING) FROM VALUES (1), (2), (4) t(v) ORDER BY v"),
            Is.EqualTo(new[] { "1|0|∅", "2|0|∅", "4|0|∅" }));
        Assert.That(Query($"SELECT v, count(v) OVER (ORDER BY d RANGE BETWEEN CURRENT ROW AND interval 1 day PRECEDING) FROM {Events} ORDER BY v"),
            Is.EqualTo(new[] { "1|0", "2|0", "3|0", "4|0" }));
    }
}
