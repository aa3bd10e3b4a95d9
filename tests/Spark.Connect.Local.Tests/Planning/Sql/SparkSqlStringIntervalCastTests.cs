using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>Casts of text to interval types, read by Spark's rules (<c>castStringToYMInterval</c>, <c>castStringToDTInterval</c>, <c>stringToInterval</c>).</summary>
public sealed class SparkSqlStringIntervalCastTests : SparkSqlTestBase
{
    [Test]
    public void YearMonthTextTakesItsOwnFormAndTheLiteralForm() =>
        Assert.That(Query("SELECT cast('1-2' as interval year to month) = interval '1-2' year to month, cast(' -1-2 ' as interval year to month) = interval '-1-2' year to month, " +
            "cast(\"INTERVAL -'-1-2' YEAR TO MONTH\" as interval year to month) = interval '1-2' year to month, cast(\"interval '3-1' year to month\" as interval year to month) = interval '37' month, " +
            "cast('3' as interval year) = interval '36' month, cast('-11' as interval month) = interval '-11' month, cast(\"interval '5' month\" as interval month) = interval '5' month"),
            Is.EqualTo(new[] { "true|true|true|true|true|true|true" }));

    [Test]
    public void DayTimeTextTakesItsOwnFormAndTheLiteralForm() =>
        Assert.That(Query("SELECT cast('1 02:03:04.5' as interval day to second) = interval '1 02:03:04.5' day to second, " +
            "cast('-10:30' as interval hour to minute) = interval '-10:30' hour to minute, cast(\"INTERVAL '1 2' DAY TO HOUR\" as interval day to hour) = interval '26' hour, " +
            "cast(\"interval '3 00:00:01' day to second\" as interval day to second) = interval '3 00:00:01' day to second, " +
            "cast('10.123456789' as interval second) = interval '10.123456' second, cast('100' as interval day) = interval '100' day, cast('90:05' as interval minute to second) = interval '5405' second"),
            Is.EqualTo(new[] { "true|true|true|true|true|true|true" }));

    [TestCase("SELECT cast('1 day' as interval day)", "INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING_WITH_NOTICE")]
    [TestCase("SELECT cast('1 02:03' as interval day to second)", "INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING_WITH_NOTICE")]
    [TestCase("SELECT cast('1-2' as interval year)", "INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING")]
    [TestCase("SELECT cast('12' as interval year to month)", "INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING")]
    [TestCase("SELECT cast('1-12' as interval year to month)", "INVALID_INTERVAL_FORMAT.INTERVAL_PARSING")]
    [TestCase("SELECT cast('1 24:00:00' as interval day to second)", "INVALID_INTERVAL_FORMAT.INTERVAL_PARSING")]
    [TestCase("SELECT cast('999999999' as interval year)", "INVALID_INTERVAL_FORMAT.INTERVAL_PARSING")]
    public void TextOfAnotherFormOrOutOfRangeIsInvalidIntervalFormat(string query, string errorClass)
    {
        var failure = Assert.Throws<DuckDbException>(() => Query(query))!;
        Assert.That(SparkRuntimeErrors.TryTranslate(failure.Message, failure)?.ErrorClass, Is.EqualTo(errorClass));
        Assert.That(Query(query.Replace("cast(", "try_cast(", StringComparison.Ordinal)), Is.EqualTo(new[] { "∅" }));
    }

    [Test]
    public void CalendarIntervalTextReadsEveryUnitAndIsNullWhenItCannot()
    {
        Assert.That(Schema("SELECT CAST('interval 3 month 1 hour' AS interval)"), Is.EqualTo(new[] { "CAST(interval 3 month 1 hour AS INTERVAL):interval" }));
        Assert.That(Query("SELECT CAST('interval 3 month 1 hour' AS interval), CAST('1 year -2 weeks 3 days 4 minutes 5.25 seconds 6 milliseconds 7 microseconds' AS interval), " +
            "CAST('1.5 days' AS interval), CAST('3 fortnights' AS interval), CAST('interval' AS interval)"), Is.EqualTo(new[] { "3 months 01:00:00|1 year -11 days 00:04:05.256007|∅|∅|∅" }));
    }
}
