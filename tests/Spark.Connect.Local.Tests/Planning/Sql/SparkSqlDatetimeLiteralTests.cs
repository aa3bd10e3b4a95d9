namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>
/// Typed date and timestamp literals read as Spark reads their text: trimmed, partial dates completed, checked
/// (INVALID_TYPED_LITERAL at parse time), and named by the normalized value, also inside function calls.
/// </summary>
public sealed class SparkSqlDatetimeLiteralTests : SparkSqlTestBase
{
    [SetUp]
    public void UseUtc() => Exec("SET TimeZone = 'UTC'");

    [Test]
    public void TextIsTrimmedAndNormalizedInTheName()
    {
        Assert.That(Schema("SELECT DATE '2019-01-01\\t', TIMESTAMP '2019-01-01\\t', TIMESTAMP_LTZ '2019-1-2T3:04:05.1200', DATE '2019-7'"),
            Is.EqualTo(new[] { "DATE '2019-01-01':date", "TIMESTAMP '2019-01-01 00:00:00':timestamp", "TIMESTAMP '2019-01-02 03:04:05.12':timestamp",
                "DATE '2019-07-01':date" }));
        Assert.That(Query("SELECT DATE '2019-01-01\\t', TIMESTAMP_NTZ '2019-1-2T3:04:05.1200', DATE '2019-7'"),
            Is.EqualTo(new[] { "2019-01-01|2019-01-02 03:04:05.12|2019-07-01" }));
    }

    [Test]
    public void LiteralsInsideCallsAreNamedAsLiterals() =>
        Assert.That(Schema("SELECT date_add(DATE '2011-11-11', 1), year(TIMESTAMP_LTZ '1582-10-15 13:10:15'), month(TIMESTAMP_NTZ '1582-10-15 13:10:15')"),
            Is.EqualTo(new[] { "date_add(DATE '2011-11-11', 1):date", "year(TIMESTAMP '1582-10-15 13:10:15'):int", "month(TIMESTAMP_NTZ '1582-10-15 13:10:15'):int" }));

    [Test]
    public void ZonesAreReadFromTheText() =>
        Assert.That(Query("SELECT TIMESTAMP '2020-12-01 14:30:08Z', TIMESTAMP '2020-12-01 14:30:08+01:00', TIMESTAMP '2020-12-01 14:30:08 UTC'"),
            Is.EqualTo(new[] { "2020-12-01 14:30:08+00|2020-12-01 13:30:08+00|2020-12-01 14:30:08+00" }));

    [TestCase("DATE '2020-01-01中文'", "\"DATE\"")]
    [TestCase("DATE '015'", "\"DATE\"")]
    [TestCase("DATE '2021-4294967297-11'", "\"DATE\"")]
    [TestCase("DATE '2021-02-30'", "\"DATE\"")]
    [TestCase("TIMESTAMP '2019-01-01中文'", "\"TIMESTAMP\"")]
    [TestCase("TIMESTAMP '4294967297'", "\"TIMESTAMP\"")]
    [TestCase("TIMESTAMP '2021-01-01T12:30:4294967297.123456'", "\"TIMESTAMP\"")]
    [TestCase("TIMESTAMP_NTZ '2021-01-01 10:00:00Z'", "\"TIMESTAMP_NTZ\"")]
    public void InvalidTextIsSparksTypedLiteralError(string literal, string valueType)
    {
        var error = QueryError("SELECT " + literal);
        Assert.That(error.ErrorClass, Is.EqualTo("INVALID_TYPED_LITERAL"));
        Assert.That(error.MessageParameters["valueType"], Is.EqualTo(valueType));
    }
}
