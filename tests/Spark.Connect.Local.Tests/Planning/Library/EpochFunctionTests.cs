using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Tests.Planning.Library;

/// <summary>
/// <c>date_from_unix_date</c>, <c>unix_date</c>, <c>timestamp_seconds</c>/<c>_millis</c>/<c>_micros</c>, <c>make_date</c>
/// in Spark's documentation's session zone, America/Los_Angeles: expected values are the examples of
/// <c>datetimeExpressions.scala</c>'s <c>ExpressionDescription</c>s.
/// </summary>
public sealed class EpochFunctionTests : LibraryTestBase
{
    [SetUp]
    public void UseTheDocumentationsZone() => Exec("SET TimeZone = 'America/Los_Angeles'");

    [Test]
    public void Days_since_the_epoch_convert_both_ways()
    {
        Assert.That(Value(Fn("date_from_unix_date", Lit(1))), Is.EqualTo("1970-01-02"));
        Assert.That(Value(Fn("unix_date", Fn("to_date", Lit("1970-01-02")))), Is.EqualTo("1"));
        Assert.That(Field(Fn("unix_date", Fn("to_date", Lit("1970-01-02")))).DataType, Is.EqualTo(SparkTypes.Integer));
        var field = Field(Fn("date_from_unix_date", Col("i")));
        Assert.That((field.Name, field.DataType), Is.EqualTo(("date_from_unix_date(i)", SparkTypes.Date)));
    }

    [Test]
    public void Timestamps_from_counts_since_the_epoch()
    {
        Assert.That(Value(Fn("timestamp_seconds", Lit(1230219000))), Does.StartWith("2008-12-25 07:30:00-08"));
        Assert.That(Value(Fn("timestamp_seconds", Lit(1230219000.123))), Does.StartWith("2008-12-25 07:30:00.123-08"));
        Assert.That(Value(Fn("timestamp_millis", Lit(1230219000123L))), Does.StartWith("2008-12-25 07:30:00.123-08"));
        Assert.That(Value(Fn("timestamp_micros", Lit(1230219000123123L))), Does.StartWith("2008-12-25 07:30:00.123123-08"));
        Assert.That(Field(Fn("timestamp_seconds", Col("i"))).DataType, Is.EqualTo(SparkTypes.Timestamp));
        Assert.That(Error(Fn("timestamp_millis", Lit(1.5))).ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE"));
    }

    [Test]
    public void Make_date_builds_a_date_and_rejects_fields_out_of_range()
    {
        Assert.That(Value(Fn("make_date", Lit(2013), Lit(7), Lit(15))), Is.EqualTo("2013-07-15"));
        Assert.That(Value(Fn("make_date", Lit(2019), Lit(7), Null(SparkTypes.Integer))), Is.EqualTo("∅"));
        Assert.That(Value(Fn("make_date", Lit(2024), Lit(2), Lit(29))), Is.EqualTo("2024-02-29"));
        Assert.That(((LocalEngineException)RunError(Fn("make_date", Lit(2019), Lit(13), Lit(1)))).ErrorClass, Is.EqualTo("DATETIME_FIELD_OUT_OF_BOUNDS"));
        Assert.That(((LocalEngineException)RunError(Fn("make_date", Lit(2019), Lit(2), Lit(30)))).ErrorClass, Is.EqualTo("DATETIME_FIELD_OUT_OF_BOUNDS"));
        Assert.That(Field(Fn("make_date", Lit(2013), Lit(7), Lit(15))).Name, Is.EqualTo("make_date(2013, 7, 15)"));
    }
}
