using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>next_day, make_timestamp (and _ltz/_ntz), localtimestamp, date()/timestamp() and datetime pattern refusals, with Spark's (ANSI) errors.</summary>
public sealed class SparkSqlCalendarFunctionTests : SparkSqlTestBase
{
    [SetUp]
    public void UseLosAngeles() => Exec("SET TimeZone = 'America/Los_Angeles'");

    [Test]
    public void NextDayIsTheFirstLaterDateOnThatDay()
    {
        Assert.That(Query("SELECT next_day('2015-07-23', 'Mon'), next_day(TIMESTAMP_NTZ '2015-07-23 12:12:12', 'thursday'), next_day(DATE '2015-07-23', 'TH'), next_day(NULL, 'xx')"),
            Is.EqualTo(new[] { "2015-07-27|2015-07-30|2015-07-30|∅" }));
        Assert.That(Schema("SELECT next_day('2015-07-23', 'Mon')"), Is.EqualTo(new[] { "next_day(2015-07-23, Mon):date" }));
        Assert.That(RuntimeError("SELECT next_day('2015-07-23', 'xx')"), Is.EqualTo("ILLEGAL_DAY_OF_WEEK"));
    }

    [Test]
    public void MakeTimestampReadsFieldsInTheSessionOrGivenZone()
    {
        Assert.That(Query("SELECT CAST(make_timestamp(2021, 07, 11, 6, 30, 45.678) AS STRING), CAST(make_timestamp(2021, 07, 11, 6, 30, 45.678, 'CET') AS STRING)"),
            Is.EqualTo(new[] { "2021-07-11 06:30:45.678-07|2021-07-10 21:30:45.678-07" }));
        Assert.That(Query("SELECT make_timestamp_ntz(1, 1, 1, 1, 1, 60), make_timestamp_ntz(1, 1, 1, 1, 1, 59.999999), make_timestamp(1, 1, 1, 1, 1, NULL)"),
            Is.EqualTo(new[] { "0001-01-01 01:02:00|0001-01-01 01:01:59.999999|∅" }));
        Assert.That(Schema("SELECT make_timestamp(2021, 07, 11, 6, 30, 45.678), make_timestamp_ntz(1, 1, 1, 1, 1, 1)"),
            Is.EqualTo(new[] { "make_timestamp(2021, 7, 11, 6, 30, 45.678):timestamp", "make_timestamp_ntz(1, 1, 1, 1, 1, 1):timestamp_ntz" }));
    }

    [TestCase("SELECT make_timestamp(2021, 07, 11, 6, 30, 60.007)", "INVALID_FRACTION_OF_SECOND")]
    [TestCase("SELECT make_timestamp(1, 1, 1, 1, 1, 61)", "DATETIME_FIELD_OUT_OF_BOUNDS")]
    [TestCase("SELECT make_timestamp(1, 1, 1, 1, 1, 99.999999)", "DATETIME_FIELD_OUT_OF_BOUNDS")]
    [TestCase("SELECT make_timestamp(2021, 13, 1, 1, 1, 1)", "DATETIME_FIELD_OUT_OF_BOUNDS")]
    [TestCase("SELECT make_timestamp_ntz(2021, 2, 29, 1, 1, 1)", "DATETIME_FIELD_OUT_OF_BOUNDS")]
    public void MakeTimestampRefusesFieldsOutOfRange(string query, string errorClass) =>
        Assert.That(RuntimeError(query), Is.EqualTo(errorClass));

    [Test]
    public void LocalTimestampAndCastFunctions()
    {
        Assert.That(Schema("SELECT localtimestamp(), date('1970-01-01'), timestamp('2020-01-01 10:00:00')"),
            Is.EqualTo(new[] { "localtimestamp():timestamp_ntz", "1970-01-01:date", "2020-01-01 10:00:00:timestamp" }));
        Assert.That(Query("SELECT localtimestamp() = localtimestamp(), unix_date(date('2020-12-04'))"), Is.EqualTo(new[] { "true|18600" }));
    }

    [TestCase("SELECT to_timestamp('2019-10-06 A', 'yyyy-MM-dd GGGGG')")]
    [TestCase("SELECT to_date('26/October/2015', 'dd/MMMMM/yyyy')")]
    [TestCase("SELECT unix_timestamp('22 05 2020 Friday', 'dd MM yyyy EEEEE')")]
    public void PatternsSparkReadsDifferentlyFromSpark2AreRefused(string query) =>
        Assert.That(QueryError(query).ErrorClass, Is.EqualTo("INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION"));

    private string? RuntimeError(string query)
    {
        var error = Assert.Throws<Spark.Connect.Local.DuckDb.DuckDbException>(() => Query(query))!;
        return SparkRuntimeErrors.TryTranslate(error.Message)?.ErrorClass;
    }
}
