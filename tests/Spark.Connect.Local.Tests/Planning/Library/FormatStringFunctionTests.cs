using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Tests.Planning.Library;

/// <summary>
/// <c>format_string</c>/<c>printf</c>: Spark's example (<c>stringExpressions.scala</c>:
/// <c>format_string("Hello World %d %s", 100, "days")</c> is <c>Hello World 100 days</c>) and Java's Formatter rules.
/// </summary>
public sealed class FormatStringFunctionTests : LibraryTestBase
{
    [Test]
    public void Format_string_writes_text_integers_and_fixed_point_numbers_as_java_does()
    {
        Assert.That(Value(Fn("format_string", Lit("Hello World %d %s"), Lit(100), Lit("days"))), Is.EqualTo("Hello World 100 days"));
        Assert.That(Value(Fn("printf", Lit("[%5s|%-4d|%05d|%+d]"), Col("c1"), Col("i"), Lit(42), Lit(5))), Is.EqualTo("[  ABC|7   |00042|+5]"));
        Assert.That(Value(Fn("format_string", Lit("%.2f %f 100%%"), Lit(0.125), Lit(1.5))), Is.EqualTo("0.13 1.500000 100%"), "Java rounds HALF_UP (C's printf: 0.12)");
        Assert.That(Value(Fn("format_string", Lit("%.2f"), Lit(1.005))), Is.EqualTo("1.01"), "Java rounds the shortest decimal text");
        Assert.That(Value(Fn("format_string", Lit("%s|%4d|%s"), Col("n"), Null(SparkTypes.Integer), Lit(new Expression.Types.Literal { Boolean = true }))), Is.EqualTo("null|null|true"));
        Assert.That(Field(Fn("format_string", Lit("%s"), Col("c1"))).DataType, Is.EqualTo(SparkTypes.String));
    }

    [TestCase("%x")]
    [TestCase("%e")]
    [TestCase("%,d")]
    [TestCase("%1$s")]
    public void Specifiers_whose_output_differs_are_unsupported(string format) =>
        Assert.That(Error(Fn("format_string", Lit(format), Lit(1))).ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));

    [Test]
    public void A_double_as_text_is_unsupported_since_java_writes_it_differently() =>
        Assert.That(Error(Fn("format_string", Lit("%s"), Lit(1e20))).ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
}
