namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>
/// Spark's unit-first datetime calls: <c>timestampadd</c>/<c>dateadd</c>/<c>date_add(UNIT, n, ts)</c> and
/// <c>timestampdiff</c>/<c>datediff</c>/<c>date_diff</c>/<c>timediff(UNIT, a, b)</c>, in the session time zone.
/// </summary>
public sealed class SparkSqlDatetimeUnitTests : SparkSqlTestBase
{
    [SetUp]
    public void UseUtc() => Exec("SET TimeZone = 'UTC'");

    [Test]
    public void UnitKeywordCallsAreNamedAsTimestampaddAndTyped()
    {
        Assert.That(Schema("SELECT dateadd(MICROSECOND, 1001, TIMESTAMP_NTZ '2022-02-25 01:02:03.123')"),
            Is.EqualTo(new[] { "timestampadd(MICROSECOND, 1001, TIMESTAMP_NTZ '2022-02-25 01:02:03.123'):timestamp_ntz" }));
        Assert.That(Schema("SELECT date_diff(year, DATE '2022-02-25', DATE '2023-02-25')")[0], Does.StartWith("timestampdiff(YEAR, ").And.EndWith(":bigint"));
        Assert.That(Schema("SELECT timestampadd(DAY, 1, DATE '2022-02-25')")[0], Does.EndWith(":timestamp"));
    }

    [Test]
    public void AddMovesInstantsForSmallUnitsAndTheCalendarForLargeOnes()
    {
        Assert.That(Query("SELECT dateadd(MICROSECOND, 1001, TIMESTAMP '2022-02-25 01:02:03.123'), date_add(MILLISECOND, -1, TIMESTAMP '2022-02-25 01:02:03.456')"),
            Is.EqualTo(new[] { "2022-02-25 01:02:03.124001+00|2022-02-25 01:02:03.455+00" }));
        Assert.That(Query("SELECT date_add(MINUTE, -100, DATE '2022-02-25'), date_add(DAY, 367, DATE '2022-02-25'), dateadd(WEEK, -4, TIMESTAMP '2022-02-25 01:02:03')"),
            Is.EqualTo(new[] { "2022-02-24 22:20:00+00|2023-02-27 00:00:00+00|2022-01-28 01:02:03+00" }));
        Assert.That(Query("SELECT dateadd(QUARTER, 5, DATE '2022-02-25'), timestampadd(MONTH, 1, TIMESTAMP_NTZ '2022-01-31 10:00:00')"),
            Is.EqualTo(new[] { "2023-05-25 00:00:00+00|2022-02-28 10:00:00" }));
    }

    [Test]
    public void DiffCountsWholeUnitsTowardZero()
    {
        Assert.That(Query("SELECT datediff(MICROSECOND, TIMESTAMP '2022-02-25 01:02:03.123', TIMESTAMP '2022-02-25 01:02:03.124001'), " +
            "date_diff(MILLISECOND, TIMESTAMP '2022-02-25 01:02:03.456', TIMESTAMP '2022-02-25 01:02:03.455'), " +
            "datediff(HOUR, TIMESTAMP '2022-02-25 01:02:03', TIMESTAMP '2022-02-25 00:02:04'), " +
            "date_diff(DAY, DATE '2022-02-25', TIMESTAMP '2023-02-27 00:00:00'), datediff(WEEK, TIMESTAMP '2022-02-25 01:02:03', TIMESTAMP '2022-01-28 01:02:03')"),
            Is.EqualTo(new[] { "1001|-1|0|367|-4" }));
        Assert.That(Query("SELECT timediff(QUARTER, TIMESTAMP '2023-08-10 01:02:03', TIMESTAMP '2022-01-14 01:02:03'), " +
            "timestampdiff(MONTH, TIMESTAMP '2022-01-31 10:00:00', TIMESTAMP '2022-02-28 09:00:00'), timestampdiff(YEAR, DATE '2022-02-15', DATE '2023-02-15')"),
            Is.EqualTo(new[] { "-6|0|1" }));
    }

    [Test]
    public void QuotedUnitIsSparksDatetimeUnitError()
    {
        var error = QueryError("SELECT dateadd('MICROSECOND', 1001, TIMESTAMP '2022-02-25 01:02:03.123')");
        Assert.That(error.ErrorClass, Is.EqualTo("INVALID_PARAMETER_VALUE.DATETIME_UNIT"));
        Assert.That(error.MessageParameters["functionName"], Is.EqualTo("`dateadd`"));
        Assert.That(QueryError("SELECT timediff('YEAR', DATE '2020-02-15', DATE '2023-02-15')").ErrorClass, Is.EqualTo("INVALID_PARAMETER_VALUE.DATETIME_UNIT"));
    }

    [Test]
    public void TwoArgumentFormsStayDayFunctions() =>
        Assert.That(Query("SELECT date_add('2011-11-11', 1), datediff(DATE '2011-11-12', DATE '2011-11-11')"), Is.EqualTo(new[] { "2011-11-12|1" }));
}
