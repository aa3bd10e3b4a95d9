using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Tests.Planning.Library;

/// <summary>
/// Spark's <c>try_*</c> arithmetic: the plain answer, or null where the plain function fails. Expected values are the
/// examples in Spark's <c>TryEval.scala</c> <c>ExpressionDescription</c>s.
/// </summary>
public sealed class TryFunctionTests : LibraryTestBase
{
    [Test]
    public void Try_add_subtract_and_multiply_are_null_on_overflow()
    {
        Assert.That(Value(Fn("try_add", Lit(1), Lit(2))), Is.EqualTo("3"));
        Assert.That(Value(Fn("try_add", Lit(2147483647), Lit(1))), Is.EqualTo("∅"));
        Assert.That(Value(Fn("try_subtract", Lit(2), Lit(1))), Is.EqualTo("1"));
        Assert.That(Value(Fn("try_subtract", Lit(-2147483648), Lit(1))), Is.EqualTo("∅"));
        Assert.That(Value(Fn("try_multiply", Lit(2), Lit(3))), Is.EqualTo("6"));
        Assert.That(Value(Fn("try_multiply", Lit(-2147483648), Lit(10))), Is.EqualTo("∅"));
        var field = Field(Fn("try_add", Col("i"), Lit(1L)));
        Assert.That((field.Name, field.DataType, field.Nullable), Is.EqualTo(("try_add(i, 1)", SparkTypes.Long, true)));
    }

    [Test]
    public void Try_divide_and_try_mod_are_null_for_a_zero_divisor()
    {
        Assert.That(Value(Fn("try_divide", Lit(3), Lit(2))), Is.EqualTo("1.5"));
        Assert.That(Value(Fn("try_divide", Lit(1), Lit(0))), Is.EqualTo("∅"));
        Assert.That(Value(Fn("try_divide", Lit(1.0), Lit(0.0))), Is.EqualTo("∅"));
        Assert.That(Field(Fn("try_divide", Col("i"), Lit(2))).DataType, Is.EqualTo(SparkTypes.Double));
        Assert.That(Value(Fn("try_mod", Lit(3), Lit(2))), Is.EqualTo("1"));
        Assert.That(Value(Fn("try_mod", Lit(2), Lit(0))), Is.EqualTo("∅"));
    }

    [Test]
    public void Try_to_date_is_null_for_text_that_is_no_date()
    {
        Assert.That(Value(Fn("try_to_date", Lit("2016-12-31"))), Is.EqualTo("2016-12-31"));
        Assert.That(Value(Fn("try_to_date", Lit("foo"))), Is.EqualTo("∅"));
        Assert.That(Value(Fn("try_to_date", Lit("2016-12-31"), Lit("yyyy-MM-dd"))), Is.EqualTo("2016-12-31"));
        Assert.That(Value(Fn("try_to_timestamp", Lit("bar"))), Is.EqualTo("∅"));
    }
}
