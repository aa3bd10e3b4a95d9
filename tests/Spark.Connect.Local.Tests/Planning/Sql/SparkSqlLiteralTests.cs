using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>Literal typing, range checks and the column names Spark gives literals, from Spark SQL text.</summary>
public sealed class SparkSqlLiteralTests : SparkSqlTestBase
{
    [Test]
    public void FloatingPointLiteralsAreNamedAsJavaPrintsThem() =>
        Assert.That(Schema("SELECT 1D, 1e10, 1.5e5, 3.14e-8, -3.14e8, 1F, -.10F, 123456789012345678901234567890123456789e10d"), Is.EqualTo(new[]
        {
            "1.0:double", "1.0E10:double", "150000.0:double", "3.14E-8:double", "-3.14E8:double", "1.0:float", "-0.1:float",
            "1.2345678901234568E48:double",
        }));

    [Test]
    public void BinaryLiteralIsNamedByItsHexDigits() =>
        Assert.That(Schema("SELECT x'2379ACFe', X'1'"), Is.EqualTo(new[] { "X'2379ACFE':binary", "X'01':binary" }));

    [Test]
    public void DecimalLiteralWithExponentKeepsBigDecimalPrecisionAndScale()
    {
        Assert.That(Schema("SELECT 123.0E-28BD, 1E2BD, 123.08BD"), Is.EqualTo(new[] { "1.230E-26:decimal(29,29)", "100:decimal(3,0)", "123.08:decimal(5,2)" }));
        Assert.That(Query("SELECT 123.0E-28BD * 1E26BD = 1.23BD, 1E2BD"), Is.EqualTo(new[] { "true|100" }));
        Assert.That(QueryError("SELECT 1.20E-38BD").ErrorClass, Is.EqualTo("INVALID_NUMERIC_LITERAL_RANGE"));
    }

    [TestCase("SELECT 1E309")]
    [TestCase("SELECT -1E309")]
    [TestCase("SELECT 1E309D")]
    [TestCase("SELECT -3.4028235E39f")]
    public void FloatingPointLiteralOutsideItsTypeIsAnError(string query) =>
        Assert.That(QueryError(query).ErrorClass, Is.EqualTo("INVALID_NUMERIC_LITERAL_RANGE"));

    [TestCase("SELECT date 'mar 11 2016'")]
    [TestCase("SELECT date '2016-02-30'")]
    [TestCase("SELECT timestamp '2016-33-11 20:54:00.000'")]
    [TestCase("SELECT timestamp '2016-03-11 25:54:00'")]
    [TestCase("SELECT timestamp_ntz 'noon'")]
    public void UnreadableDatetimeLiteralIsAParseError(string query) =>
        Assert.That(QueryError(query).ErrorClass, Is.EqualTo("INVALID_TYPED_LITERAL"));

    [Test]
    public void DatetimeLiteralsAreNamedByTheirNormalisedText()
    {
        Assert.That(Schema("SELECT tImEstAmp '2016-03-11 20:54:00.000', TIMESTAMP '2016-03-11 20:54:00.120', dAte '2016-3-1', TIMESTAMP_LTZ '2016-03-11'"),
            Is.EqualTo(new[]
            {
                "TIMESTAMP '2016-03-11 20:54:00':timestamp", "TIMESTAMP '2016-03-11 20:54:00.12':timestamp", "DATE '2016-03-01':date",
                "TIMESTAMP '2016-03-11 00:00:00':timestamp",
            }));
        Assert.That(Query("SELECT date '2016-3-1' = date '2016-03-01'"), Is.EqualTo(new[] { "true" }));
    }

    [Test]
    public void UnknownTypedLiteralIsUnsupported() =>
        Assert.That(QueryError("SELECT GEO '(10,-6)'").ErrorClass, Is.EqualTo("UNSUPPORTED_TYPED_LITERAL"));

    [Test]
    public void CastFunctionsAreCasts()
    {
        // Spark names a cast function's column by its operand (timestamp.sql.out: TIMESTAMP_SECONDS(FLOAT(1.23)) is timestamp_seconds(1.23)).
        Assert.That(Schema("SELECT float(15.0), int('7'), bigint(1), string(2), boolean('true'), date('2020-01-02'), decimal(1.5)"), Is.EqualTo(new[]
        {
            "15.0:float", "7:int", "1:bigint", "2:string", "true:boolean", "2020-01-02:date", "1.5:decimal(10,0)",
        }));
        Assert.That(Query("SELECT float(15.0), int('7'), double(2) / 4"), Is.EqualTo(new[] { "15.0|7|0.5" }));
        Assert.That(QueryError("SELECT int(1, 2)").ErrorClass, Is.EqualTo("WRONG_NUM_ARGS.WITHOUT_SUGGESTION"));
    }

    [Test]
    public void ValuesQueryMayNameItsColumns()
    {
        Assert.That(Schema("VALUES (0, 1), (1, 2) t1(c1, c2)"), Is.EqualTo(new[] { "c1:int", "c2:int" }));
        Assert.That(Query("SELECT c2 FROM (VALUES (0, 1), (1, 2) AS t(c1, c2)) ORDER BY c1 DESC"), Is.EqualTo(new[] { "2", "1" }));
    }

    [Test]
    public void TypedLiteralsInCallsAndSignsAreNamedAsSpark() =>
        Assert.That(Schema("SELECT +interval '1 day', -interval '2' hour, date_add(DATE '2020-01-01', 1), -c FROM VALUES (1) AS t(c)"), Is.EqualTo(new[]
        {
            "(+ INTERVAL '1' DAY):interval day", "(- INTERVAL '02' HOUR):interval hour", "date_add(DATE '2020-01-01', 1):date", "(- c):int",
        }));
}
