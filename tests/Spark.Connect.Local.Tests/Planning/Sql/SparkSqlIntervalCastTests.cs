using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>Casts of numbers to ANSI interval types, which count units of the type's last field.</summary>
public sealed class SparkSqlIntervalCastTests : SparkSqlTestBase
{
    [Test]
    public void IntervalTypesKeepTheirFieldsInNamesAndSchema() =>
        Assert.That(Schema("SELECT cast(1Y as interval year), cast(-122S as interval year to month), cast(10 as interval day), cast(100Y as interval hour to second), cast(80.5BD as interval hour to minute)"),
            Is.EqualTo(new[]
            {
                "CAST(1 AS INTERVAL YEAR):interval year", "CAST(-122 AS INTERVAL YEAR TO MONTH):interval year to month", "CAST(10 AS INTERVAL DAY):interval day",
                "CAST(100 AS INTERVAL HOUR TO SECOND):interval hour to second", "CAST(80.5 AS INTERVAL HOUR TO MINUTE):interval hour to minute",
            }));

    [Test]
    public void NumbersCountUnitsOfTheLastField() =>
        Assert.That(Query("SELECT cast(1Y as interval year) = interval '12' month, cast(-122S as interval year to month) = interval '-10-2' year to month, " +
            "cast(1000 as interval month) = interval '83-4' year to month, cast(-10L as interval second) = interval '-10' second, " +
            "cast(100Y as interval hour to second) = interval '100' second, cast(10 as interval day) = interval '240' hour"),
            Is.EqualTo(new[] { "true|true|true|true|true|true" }));

    [Test]
    public void DecimalsRoundHalfUpAndDayTimeDropsWhatIsBelowItsLastField() =>
        Assert.That(Query("SELECT cast(10.123456BD as interval day to second) = interval '10.123456' second, cast(80.654321BD as interval hour to minute) = interval '80' minute, " +
            "cast(-10.123456BD as interval year to month) = interval '-10' month, cast(10.654321BD as interval month) = interval '11' month"),
            Is.EqualTo(new[] { "true|true|true|true" }));

    [TestCase("SELECT cast(2147483647 as interval year)")]
    [TestCase("SELECT cast(-9223372036854775808L as interval day)")]
    public void ValuesTheIntervalCannotHoldAreCastOverflow(string query)
    {
        var failure = Assert.Throws<DuckDbException>(() => Query(query))!;
        Assert.That(SparkRuntimeErrors.TryTranslate(failure.Message, failure)?.ErrorClass, Is.EqualTo("CAST_OVERFLOW"));
        Assert.That(Query(query.Replace("cast(", "try_cast(", StringComparison.Ordinal)), Is.EqualTo(new[] { "∅" }));
    }

    [Test]
    public void IntervalLiteralsAreTypedAndNamedByTheirFields() =>
        Assert.That(Schema("SELECT interval '1' year, interval '-10-2' year to month, interval -'10.123456' second, interval '1.000001' second, " +
            "interval '08:11:10.001' hour to second, interval 3 day 1 second, interval '1 day'"), Is.EqualTo(new[]
        {
            "INTERVAL '1' YEAR:interval year", "INTERVAL '-10-2' YEAR TO MONTH:interval year to month", "INTERVAL '-10.123456' SECOND:interval second",
            "INTERVAL '01.000001' SECOND:interval second", "INTERVAL '08:11:10.001' HOUR TO SECOND:interval hour to second",
            "INTERVAL '3 00:00:01' DAY TO SECOND:interval day to second", "INTERVAL '1' DAY:interval day",
        }));

    [Test]
    public void IntervalsCastToNumbersCountTheirLastField()
    {
        Assert.That(Query("SELECT cast(interval '1' year as tinyint), cast(interval '-10-2' year to month as smallint), cast(interval '1000' month as int), " +
            "cast(interval -'10.123456' second as tinyint), cast(interval -'1 02:03:04.123' day to second as int), cast(interval '10' day as bigint)"),
            Is.EqualTo(new[] { "1|-122|1000|-10|-93784|10" }));
        Assert.That(Query("SELECT cast(interval '-1' year as decimal(10, 0)), cast(interval '08:11:10.001' hour to second as decimal(10, 4)), " +
            "cast(interval '10.005' second as decimal(4, 2))"), Is.EqualTo(new[] { "-1|29470.0010|10.01" }));
        Assert.That(Schema("SELECT cast(ym as interval year to month) FROM VALUES (-122S) AS t(ym)"), Is.EqualTo(new[] { "ym:interval year to month" }));
    }

    [TestCase("SELECT cast(interval '23:59:59' hour to second as smallint)")]
    [TestCase("SELECT cast(interval '-1000' month as tinyint)")]
    public void IntervalCountsThatDoNotFitAreCastOverflow(string query)
    {
        var failure = Assert.Throws<DuckDbException>(() => Query(query))!;
        Assert.That(SparkRuntimeErrors.TryTranslate(failure.Message, failure)?.ErrorClass, Is.EqualTo("CAST_OVERFLOW"));
    }

    [Test]
    public void IntervalsCastToStringAsSparkWritesThem() =>
        Assert.That(Query("SELECT CAST(interval 3 year 1 month AS string), CAST(interval 3 day 1 second AS string), CAST(interval -'10.5' second AS string), " +
            "CAST(interval '-1000' month AS string), CAST(interval '08:11:10.001' hour to second AS string), CAST(interval '1' year AS string)"),
            Is.EqualTo(new[]
            {
                "INTERVAL '3-1' YEAR TO MONTH|INTERVAL '3 00:00:01' DAY TO SECOND|INTERVAL '-10.5' SECOND|INTERVAL '-1000' MONTH|INTERVAL '08:11:10.001' HOUR TO SECOND|INTERVAL '1' YEAR",
            }));
}
