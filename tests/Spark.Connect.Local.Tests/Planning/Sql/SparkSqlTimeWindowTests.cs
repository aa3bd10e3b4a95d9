namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>
/// Tumbling time windows, <c>window(ts, '10 minutes'[, slide, start])</c>: the struct&lt;start, end&gt; holding each
/// time, the column name <c>window</c>, grouping by it, and Spark's checks of the durations.
/// </summary>
public sealed class SparkSqlTimeWindowTests : SparkSqlTestBase
{
    private const string Times = "VALUES (TIMESTAMP_NTZ'2024-03-01 10:04:59'), (TIMESTAMP_NTZ'2024-03-01 10:10:00'), (TIMESTAMP_NTZ'2024-03-01 10:19:30'), (TIMESTAMP_NTZ'1969-12-31 23:55:01') AS t(ts)";

    [Test]
    public void ATimeFallsInTheWindowThatStartsAtOrBeforeIt()
    {
        Assert.That(Query($"SELECT w.start, w.`end` FROM (SELECT window(ts, '10 minutes') AS w FROM {Times}) ORDER BY 1"),
            Is.EqualTo(new[]
            {
                "1969-12-31 23:50:00|1970-01-01 00:00:00", "2024-03-01 10:00:00|2024-03-01 10:10:00",
                "2024-03-01 10:10:00|2024-03-01 10:20:00", "2024-03-01 10:10:00|2024-03-01 10:20:00",
            }));
        Assert.That(Schema($"SELECT window(ts, '10 minutes') FROM {Times}"), Is.EqualTo(new[] { "window:struct<start:timestamp_ntz,end:timestamp_ntz>" }));
    }

    [Test]
    public void AStartTimeShiftsTheWindowsAndGroupingCountsPerWindow()
    {
        Assert.That(Query($"SELECT window(ts, '10 minutes', '10 minutes', '5 minutes').start AS s, count(*) FROM {Times} GROUP BY 1 ORDER BY 1"),
            Is.EqualTo(new[] { "1969-12-31 23:55:00|1", "2024-03-01 09:55:00|1", "2024-03-01 10:05:00|1", "2024-03-01 10:15:00|1" }));
    }

    [TestCase("window(ts, '0 seconds')", "DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE")]
    [TestCase("window(ts, '10 minutes', '20 minutes')", "DATATYPE_MISMATCH.PARAMETER_CONSTRAINT_VIOLATION")]
    [TestCase("window(ts, '10 minutes', '10 minutes', '10 minutes')", "DATATYPE_MISMATCH.PARAMETER_CONSTRAINT_VIOLATION")]
    [TestCase("window(ts, '1 month')", "INVALID_PARAMETER_VALUE")]
    [TestCase("window(ts, '10 minutes', '5 minutes')", "UNSUPPORTED_FEATURE.LOCAL_ENGINE")]
    [TestCase("window(1, '10 minutes')", "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE")]
    public void DurationsSparkRefusesAreErrors(string call, string errorClass) =>
        Assert.That(QueryError($"SELECT {call} FROM {Times}").ErrorClass, Is.EqualTo(errorClass));

    [Test]
    public void ANullTimeFailsRatherThanFormingANullWindow()
    {
        // Spark drops the row from the plan holding the window; the engine refuses instead of adding a NULL group.
        var failure = Assert.Throws<Spark.Connect.Local.DuckDb.DuckDbException>(() => Query("SELECT window(ts, '10 minutes') FROM VALUES (CAST(NULL AS TIMESTAMP_NTZ)) AS t(ts)"))!;
        Assert.That(Spark.Connect.Local.Planning.Functions.SparkRuntimeErrors.TryTranslate(failure.Message)?.ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
    }
}
