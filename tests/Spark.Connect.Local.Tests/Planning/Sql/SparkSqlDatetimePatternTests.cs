using Spark.Connect.Local.Planning.Functions;
using Spark.Connect.Local.Strings;

namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>
/// to_timestamp/to_date with Spark's datetime patterns: optional sections, variable fractions, quoted text and '' quotes,
/// zones, 1970 defaults, no backtracking into a field, and CANNOT_PARSE_TIMESTAMP where Java's parser fails.
/// </summary>
public sealed class SparkSqlDatetimePatternTests : SparkSqlTestBase
{
    [SetUp]
    public void UseLosAngeles() => Exec("SET TimeZone = 'America/Los_Angeles'");

    [TestCase("2019-10-06 10:11:12.1234", "yyyy-MM-dd HH:mm:ss.SSSSSS[zzz]", "2019-10-06 10:11:12.123400")]
    [TestCase("2019-10-06 10:11:12.12345CST", "yyyy-MM-dd HH:mm:ss.SSSSSS[zzz]", "2019-10-06 10:11:12.123450 America/Chicago")]
    [TestCase("2019-10-06 10:11", "yyyy-MM-dd HH:mm[:ss.SSSSSS]", "2019-10-06 10:11:00.000000")]
    [TestCase("12.12342019-10-06S10:11", "ss.SSSSyyyy-MM-dd'S'HH:mm", "2019-10-06 10:11:12.123400")]
    [TestCase("12.1234019-10-06S10:11", "ss.SSSSy-MM-dd'S'HH:mm", "0019-10-06 10:11:12.123400")]
    [TestCase("2019-10-06T10:11:12'12", "yyyy-MM-dd'T'HH:mm:ss''SSSS", "2019-10-06 10:11:12.120000")]
    [TestCase("16", "dd", "1970-01-16 00:00:00.000000")]
    [TestCase("2019 10:10:10", "yyyy hh:mm:ss", "2019-01-01 10:10:10.000000")]
    [TestCase("20191006", "yyyyMMdd", "2019-10-06 00:00:00.000000")]
    [TestCase("26 oct 2015 3:04 PM", "dd MMM yyyy h:mm a", "2015-10-26 15:04:00.000000")]
    public void PatternsReadAsSparkReadsThem(string text, string pattern, string expected) =>
        Assert.That(SparkDateTimePattern.Compile(pattern).Parse(text), Is.EqualTo(expected));

    [TestCase("2019-10-06 10:11:12.", "yyyy-MM-dd HH:mm:ss.SSSSSS[zzz]")]
    [TestCase("2019-10-06 10:11:12.1234567PST", "yyyy-MM-dd HH:mm:ss.SSSSSS[zzz]")]
    [TestCase("223456 2019-10-06 10:11:12.123456PST", "SSSSSS yyyy-MM-dd HH:mm:ss.SSSSSS[zzz]")]
    [TestCase("12.1232019-10-06S10:11", "ss.SSSSyyyy-MM-dd'S'HH:mm")]
    [TestCase("12.1232019-10-06S10:11", "ss.SSSSyy-MM-dd'S'HH:mm")]
    [TestCase("02-29", "MM-dd")]
    public void MismatchesFailAsJavasParserDoes(string text, string pattern) =>
        Assert.Throws<SparkDateTimePattern.ParseFailure>(() => SparkDateTimePattern.Compile(pattern).Parse(text));

    [Test]
    public void ToTimestampAndToDateUseThePatternInTheSessionZone()
    {
        Assert.That(Query("SELECT CAST(to_timestamp('2019-10-06 10:11:12.123UTC', 'yyyy-MM-dd HH:mm:ss.SSSSSS[zzz]') AS STRING), to_date('16', 'dd'), " +
            "CAST(to_timestamp('2019-10-06 10:11:12.12345CST', 'yyyy-MM-dd HH:mm:ss.SSSSSS[zzz]') AS STRING)"),
            Is.EqualTo(new[] { "2019-10-06 03:11:12.123-07|1970-01-16|2019-10-06 08:11:12.12345-07" }));
        var error = Assert.Throws<Spark.Connect.Local.DuckDb.DuckDbException>(() => Query("SELECT to_timestamp('02-29', 'MM-dd')"))!;
        Assert.That(SparkRuntimeErrors.TryTranslate(error.Message)?.ErrorClass, Is.EqualTo("CANNOT_PARSE_TIMESTAMP"));
        Assert.That(Query("SELECT try_to_timestamp('02-29', 'MM-dd')"), Is.EqualTo(new[] { "∅" }));
    }

    [Test]
    public void ANumberIsSecondsSinceTheEpoch() =>
        Assert.That(Query("SELECT CAST(to_timestamp(1) AS STRING), CAST(to_timestamp(1.5) AS STRING)"),
            Is.EqualTo(new[] { "1969-12-31 16:00:01-08|1969-12-31 16:00:01.5-08" }));
}
