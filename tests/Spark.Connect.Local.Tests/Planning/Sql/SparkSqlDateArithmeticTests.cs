namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>
/// Date arithmetic as Spark's analyzer rewrites it (ANSI): date ± integer is date_add/date_sub (named so), a string or
/// NULL subtracted from or by a date is read as a date (an <c>interval day</c>), and date_add's argument rules.
/// </summary>
public sealed class SparkSqlDateArithmeticTests : SparkSqlTestBase
{
    [Test]
    public void DatePlusOrMinusIntegerIsDateAddOrSub()
    {
        Assert.That(Schema("SELECT DATE '2001-09-28' + 7Y, 7S + DATE '2001-09-28', DATE '2001-10-01' - 7, NULL + DATE '2011-11-11'"),
            Is.EqualTo(new[] { "date_add(DATE '2001-09-28', 7):date", "date_add(DATE '2001-09-28', 7):date", "date_sub(DATE '2001-10-01', 7):date",
                "date_add(DATE '2011-11-11', NULL):date" }));
        Assert.That(Query("SELECT DATE '2001-09-28' + 7Y, 7S + DATE '2001-09-28', DATE '2001-10-01' - 7, NULL + DATE '2011-11-11'"),
            Is.EqualTo(new[] { "2001-10-05|2001-10-05|2001-09-24|∅" }));
    }

    [Test]
    public void SubtractingDatesAndDateTextGivesADayInterval()
    {
        Assert.That(Schema("SELECT DATE '2001-10-01' - DATE '2001-09-28', DATE '2001-10-01' - '2001-09-28', '2001-10-01' - DATE '2001-09-28', NULL - DATE '2019-10-06'"),
            Is.EqualTo(new[] { "(DATE '2001-10-01' - DATE '2001-09-28'):interval day", "(DATE '2001-10-01' - 2001-09-28):interval day",
                "(2001-10-01 - DATE '2001-09-28'):interval day", "(NULL - DATE '2019-10-06'):interval day" }));
        Assert.That(Query("SELECT '2001-10-01' - DATE '2001-09-28'"), Is.EqualTo(new[] { "3 days" }));
    }

    [TestCase("SELECT DATE '2011-11-11' + 1E1")]
    [TestCase("SELECT DATE '2011-11-11' + '1'")]
    [TestCase("SELECT '1' + DATE '2011-11-11'")]
    [TestCase("SELECT date_add('2011-11-11', 1L)")]
    [TestCase("SELECT date_sub('2011-11-11', 1.0)")]
    public void WrongDayCountTypesAreSparksUnexpectedInputType(string query) =>
        Assert.That(QueryError(query).ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE"));

    [Test]
    public void TextDayCountsMustBeWholeNumbers()
    {
        Assert.That(Query("SELECT date_add('2011-11-11', '1'), date_sub(DATE '2011-11-11', ' -2 ')"), Is.EqualTo(new[] { "2011-11-12|2011-11-13" }));
        var error = Assert.Throws<Spark.Connect.Local.DuckDb.DuckDbException>(() => Query("SELECT date_add('2011-11-11', '1.2')"))!;
        Assert.That(Spark.Connect.Local.Planning.Functions.SparkRuntimeErrors.TryTranslate(error.Message)?.ErrorClass, Is.EqualTo("CAST_INVALID_INPUT"));
    }

    [TestCase("SELECT TIMESTAMP '2011-11-11 11:11:11' + '1'")]
    [TestCase("SELECT '1' + TIMESTAMP_NTZ '2011-11-11 11:11:11'")]
    public void TextAddedToATimestampIsSparksWrongType(string query) =>
        Assert.That(QueryError(query).ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE"));

    [Test]
    public void DatetimeAndIntervalAreNamedAsSparkNamesThem()
    {
        Assert.That(Schema("SELECT DATE '2012-01-01' - INTERVAL '2-2' YEAR TO MONTH, DATE '2011-11-11' - INTERVAL '2' DAY, - INTERVAL '2-2' YEAR TO MONTH + DATE '2012-01-01', " +
            "INTERVAL '-2' DAY + DATE '2011-11-11', TIMESTAMP '2011-11-11 11:11:11' - INTERVAL '12:12:12.123456789' HOUR TO SECOND, INTERVAL '2' MINUTE + DATE '2012-01-01', " +
            "TIMESTAMP '2011-11-11 11:11:11' + INTERVAL 1 DAY 2 HOURS"),
            Is.EqualTo(new[] { "DATE '2012-01-01' - INTERVAL '2-2' YEAR TO MONTH:date", "date_add(DATE '2011-11-11', (- extractansiintervaldays(INTERVAL '2' DAY))):date",
                "DATE '2012-01-01' + (- INTERVAL '2-2' YEAR TO MONTH):date", "date_add(DATE '2011-11-11', extractansiintervaldays(INTERVAL '-2' DAY)):date",
                "TIMESTAMP '2011-11-11 11:11:11' - INTERVAL '12:12:12.123456' HOUR TO SECOND:timestamp", "DATE '2012-01-01' + INTERVAL '02' MINUTE:timestamp",
                "TIMESTAMP '2011-11-11 11:11:11' + INTERVAL '1 02' DAY TO HOUR:timestamp" }));
        Assert.That(Query("SELECT DATE '2011-11-11' - INTERVAL '2' DAY, INTERVAL '-2' DAY + DATE '2011-11-11', DATE '2012-01-01' - INTERVAL '2-2' YEAR TO MONTH"),
            Is.EqualTo(new[] { "2011-11-09|2011-11-09|2009-11-01" }));
    }
}
