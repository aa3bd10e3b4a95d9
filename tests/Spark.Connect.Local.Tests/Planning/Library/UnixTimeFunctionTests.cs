using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Tests.Planning.Library;

/// <summary>
/// <c>unix_timestamp</c>, <c>to_unix_timestamp</c>, <c>from_unixtime</c> in Spark's documentation's session zone,
/// America/Los_Angeles: expected values are the examples of <c>datetimeExpressions.scala</c>'s <c>ExpressionDescription</c>s.
/// </summary>
public sealed class UnixTimeFunctionTests : LibraryTestBase
{
    [SetUp]
    public void UseTheDocumentationsZone() => Exec("SET TimeZone = 'America/Los_Angeles'");

    [Test]
    public void Unix_timestamp_reads_text_with_a_java_pattern_in_the_session_zone()
    {
        Assert.That(Value(Fn("unix_timestamp", Lit("2016-04-08"), Lit("yyyy-MM-dd"))), Is.EqualTo("1460098800"));
        Assert.That(Value(Fn("to_unix_timestamp", Lit("2016-04-08"), Lit("yyyy-MM-dd"))), Is.EqualTo("1460098800"));
        Assert.That(Value(Fn("unix_timestamp", Lit("2016-04-08 01:02:03"))), Is.EqualTo("1460102523"), "the default pattern yyyy-MM-dd HH:mm:ss");
        Assert.That(Value(Fn("unix_timestamp", Fn("to_date", Lit("2016-04-08")))), Is.EqualTo("1460098800"), "a date is its midnight in the session zone");
        var field = Field(Fn("unix_timestamp", Col("c1"), Lit("yyyy")));
        Assert.That((field.Name, field.DataType), Is.EqualTo(("unix_timestamp(c1, yyyy)", SparkTypes.Long)));
        Assert.That(((LocalEngineException)RunError(Fn("unix_timestamp", Lit("nope"), Lit("yyyy-MM-dd")))).ErrorClass, Is.EqualTo("CANNOT_PARSE_TIMESTAMP"));
    }

    [Test]
    public void From_unixtime_writes_the_instant_in_the_session_zone()
    {
        Assert.That(Value(Fn("from_unixtime", Lit(0), Lit("yyyy-MM-dd HH:mm:ss"))), Is.EqualTo("1969-12-31 16:00:00"));
        Assert.That(Value(Fn("from_unixtime", Lit(0))), Is.EqualTo("1969-12-31 16:00:00"));
        Assert.That(Value(Fn("from_unixtime", Lit(1460098800L), Lit("yyyy-MM-dd"))), Is.EqualTo("2016-04-08"));
        Assert.That(Field(Fn("from_unixtime", Col("i"))).DataType, Is.EqualTo(SparkTypes.String));
    }
}
