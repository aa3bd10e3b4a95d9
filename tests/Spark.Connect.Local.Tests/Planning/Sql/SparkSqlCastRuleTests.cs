using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>Casts ANSI Spark refuses when analysing them, and decimals that can't hold a value, with Spark's error classes.</summary>
public sealed class SparkSqlCastRuleTests : SparkSqlTestBase
{
    [TestCase("SELECT CAST(123 AS BINARY)", "DATATYPE_MISMATCH.CAST_WITH_CONF_SUGGESTION")]
    [TestCase("SELECT TRY_CAST(CAST(-123 AS TINYINT) AS BINARY)", "DATATYPE_MISMATCH.CAST_WITH_CONF_SUGGESTION")]
    [TestCase("SELECT CAST(1 AS DATE)", "DATATYPE_MISMATCH.CAST_WITH_FUNC_SUGGESTION")]
    [TestCase("SELECT CAST(DATE '2020-01-01' AS INT)", "DATATYPE_MISMATCH.CAST_WITH_FUNC_SUGGESTION")]
    public void RefusedCastsFailWhenAnalysed(string query, string errorClass) =>
        Assert.That(QueryError(query).ErrorClass, Is.EqualTo(errorClass));

    [Test]
    public void TextAndStringsStillCastToBinaryAndDates() =>
        Assert.That(Query("SELECT hex(CAST('abc' AS BINARY)), CAST('2020-01-02' AS DATE) = DATE '2020-01-02', CAST(CAST(7 AS STRING) AS BINARY) = X'37'"),
            Is.EqualTo(new[] { "616263|true|true" }));

    [TestCase("SELECT CAST('123.45' AS DECIMAL(4, 2))")]
    [TestCase("SELECT CAST(interval '10.123' second AS DECIMAL(1, 0))")]
    [TestCase("SELECT CAST(123.45 AS DECIMAL(4, 2))")]
    public void ValuesTooWideForTheDecimalAreNumericValueOutOfRange(string query)
    {
        var failure = Assert.Throws<DuckDbException>(() => Query(query))!;
        Assert.That(SparkRuntimeErrors.TryTranslate(failure.Message, failure)?.ErrorClass, Is.EqualTo("NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION"));
    }

    [Test]
    public void TextToANarrowDecimalRoundsHalfUpAndTryCastGivesNull()
    {
        Assert.That(Query("SELECT CAST('12.345' AS DECIMAL(4, 2)), CAST(' -1.5 ' AS DECIMAL(2, 0)), TRY_CAST('123.45' AS DECIMAL(4, 2)), TRY_CAST('abc' AS DECIMAL(4, 2))"),
            Is.EqualTo(new[] { "12.35|-2|∅|∅" }));
        var failure = Assert.Throws<DuckDbException>(() => Query("SELECT CAST('abc' AS DECIMAL(4, 2))"))!;
        Assert.That(SparkRuntimeErrors.TryTranslate(failure.Message, failure)?.ErrorClass, Is.EqualTo("CAST_INVALID_INPUT"));
    }
}
