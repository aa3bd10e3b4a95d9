namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>Spark SQL calls of the formatting, zone and session-user functions: answers, result types and Spark's column names.</summary>
public sealed class SparkSqlFunctionNamingTests : SparkSqlTestBase
{
    [Test]
    public void CurrentUserIsTheSessionsUserAsABoundValue()
    {
        Session.UserId = "o'brien; DROP TABLE people";
        Assert.That(Query("SELECT current_user(), user(), session_user, CURRENT_USER"),
            Is.EqualTo(new[] { "o'brien; DROP TABLE people|o'brien; DROP TABLE people|o'brien; DROP TABLE people|o'brien; DROP TABLE people" }));
        Assert.That(Schema("SELECT current_user()"), Is.EqualTo(new[] { "current_user():string" }));
        Assert.That(Query("SELECT count(*) FROM people"), Is.EqualTo(new[] { "4" }));
    }

    [Test]
    public void CallsAreNamedWithTheDefaultsSparksConstructorsAdd()
    {
        Assert.That(Schema("SELECT regexp_instr('abc', 'b'), mask('Ab1'), mask('Ab1', 'Q'), months_between(DATE '2020-01-01', DATE '2019-12-15')"),
            Is.EqualTo(new[]
            {
                "regexp_instr(abc, b, 0):int", "mask(Ab1, X, x, n, NULL):string", "mask(Ab1, Q, x, n, NULL):string",
                "months_between(DATE '2020-01-01', DATE '2019-12-15', true):double",
            }));
        Assert.That(Schema("SELECT convert_timezone('UTC', TIMESTAMP_NTZ '2021-12-06 00:00:00')"),
            Is.EqualTo(new[] { "convert_timezone(current_timezone(), UTC, TIMESTAMP_NTZ '2021-12-06 00:00:00'):timestamp_ntz" }));
        Assert.That(Query("SELECT regexp_instr('abc', 'b'), mask('Ab1'), luhn_check('79927398713'), format_number(1234.5, 1), to_char(-5, '9MI')"),
            Is.EqualTo(new[] { "2|Xxn|true|1,234.5|5-" }));
    }

    [Test]
    public void MakeIntervalIsNamedWithItsZeroParts() =>
        Assert.That(Schema("SELECT make_interval(1, 2), try_make_interval(1, 2, 3, 4, 5, 6, 7.5)"),
            Is.EqualTo(new[] { "make_interval(1, 2, 0, 0, 0, 0, 0.000000):interval", "try_make_interval(1, 2, 3, 4, 5, 6, 7.5):interval" }));

    [Test]
    public void FormatNumberTakesOnlyAnIntOrStringScale() =>
        Assert.That(QueryError("SELECT format_number(1.5, 2L)").ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE"));
}
