using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>ANSI intervals times and over numbers, with NULL, and the interval literal forms Spark's parser reads.</summary>
public sealed class SparkSqlIntervalArithmeticTests : SparkSqlTestBase
{
    [Test]
    public void ProductsAndQuotientsRoundHalfUpToWholeUnits() =>
        Assert.That(Query("SELECT interval '2' year * 2 = interval '4' year, interval '1' month * 1.5 = interval '2' month, interval '3' month / 2 = interval '2' month, " +
            "interval '-3' month / 2 = interval '-2' month, interval 2 weeks 3 microseconds * 1.5 = interval '21 00:00:00.000005' day to second, " +
            "'2' * interval 2 second = interval 4 second, interval '10' second / 4L = interval '2.5' second, interval '1' day / 0.5D = interval '2' day, " +
            "(INTERVAL '-178956970-8' YEAR TO MONTH) / 5 = interval '-35791394-2' year to month"),
            Is.EqualTo(new[] { "true|true|true|true|true|true|true|true|true" }));

    [Test]
    public void ResultsHaveTheFullRangeTypeAndTheIntervalIsNamedFirst() =>
        Assert.That(Schema("SELECT interval '2' second * null, 2 * interval '1' year, interval '2' hour / 2, interval '2' year + null"), Is.EqualTo(new[]
        {
            "(INTERVAL '02' SECOND * NULL):interval day to second", "(INTERVAL '1' YEAR * 2):interval year to month",
            "(INTERVAL '02' HOUR / 2):interval day to second", "(INTERVAL '2' YEAR + NULL):interval year",
        }));

    [Test]
    public void NullOperandsGiveNull() =>
        Assert.That(Query("SELECT interval '2' year / null, null * interval '2' hour, interval '2' hour - null, null + interval '2' year"),
            Is.EqualTo(new[] { "∅|∅|∅|∅" }));

    [TestCase("SELECT interval '2' year / 0", "INTERVAL_DIVIDED_BY_ZERO")]
    [TestCase("SELECT interval '2' second / 0.0D", "INTERVAL_DIVIDED_BY_ZERO")]
    [TestCase("SELECT interval 2147483647 month * 2", "INTERVAL_ARITHMETIC_OVERFLOW")]
    [TestCase("SELECT (INTERVAL '-178956970-8' YEAR TO MONTH) / -1", "INTERVAL_ARITHMETIC_OVERFLOW")]
    [TestCase("SELECT interval 2 second * 'a'", "CAST_INVALID_INPUT")]
    [TestCase("SELECT '4 11:11' - interval '4 22:12' day to minute", "CAST_INVALID_INPUT")]
    public void RuntimeFailuresHaveSparksClass(string query, string errorClass)
    {
        var failure = Assert.Throws<DuckDbException>(() => Query(query))!;
        Assert.That(SparkRuntimeErrors.TryTranslate(failure.Message, failure)?.ErrorClass, Is.EqualTo(errorClass));
    }

    [TestCase("SELECT 2 / interval '2' year", "DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES")]
    [TestCase("SELECT interval '2' month - 1", "DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES")]
    [TestCase("SELECT 1 - interval '2' second", "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE")]
    [TestCase("SELECT interval '2-2' year to month + interval '3' day", "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE")]
    [TestCase("SELECT interval '1 day 2' day", "INVALID_INTERVAL_FORMAT.INVALID_VALUE")]
    [TestCase("SELECT interval '-\t2-2\t' year to month", "INVALID_INTERVAL_FORMAT.INVALID_VALUE")]
    [TestCase("SELECT interval 1 year '2-1' year to month", "PARSE_SYNTAX_ERROR")]
    public void AnalysisFailuresHaveSparksClass(string query, string errorClass) =>
        Assert.That(QueryError(query).ErrorClass, Is.EqualTo(errorClass));

    [Test]
    public void LiteralsTakeAPlusSignTabsAndASpaceAfterTheSign() =>
        Assert.That(Query("SELECT interval +'-1-1' year to month = interval '-13' month, interval +'1 2:3:4.001' day to second = interval '1 02:03:04.001' day to second, " +
            "interval 'interval\\t1\\tday' = interval '1' day, interval '-\\t 1' day = interval '-1' day, interval '2' year - interval '1' year = interval '1' year"),
            Is.EqualTo(new[] { "true|true|true|true|true" }));

    [Test]
    public void IntervalBuildersAreNamedWithTheirDefaults() =>
        Assert.That(Schema("SELECT make_ym_interval(1), make_dt_interval(1, 2)"),
            Is.EqualTo(new[] { "make_ym_interval(1, 0):interval year to month", "make_dt_interval(1, 2, 0, 0.000000):interval day to second" }));

    [Test]
    public void TextMeetingADayTimeIntervalIsReadAsATimestamp() =>
        Assert.That(Query("SELECT '2012-01-01 10:00:00' + interval '1' day = TIMESTAMP '2012-01-02 10:00:00', '2012-01-01 10:00:00' - interval '1' hour = TIMESTAMP '2012-01-01 09:00:00'"),
            Is.EqualTo(new[] { "true|true" }));

    [Test]
    public void DayTimeBuilderTakesSecondsPastATrillion() =>
        Assert.That(Query("SELECT make_dt_interval(1, 0, 0, 123456789012.123456) = interval '1428899 00:30:12.123456' day to second"), Is.EqualTo(new[] { "true" }));
}
