using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Tests.Planning.Functions;

/// <summary>Rendering with resolver-typed arguments: operands meet at Spark's common type, so values are Spark's too.</summary>
public class TypedRenderingTests : FunctionTestBase
{
    private static SqlArgument Typed(string sql, DataType type) =>
        new(sql, new Expression { UnresolvedAttribute = new Expression.Types.UnresolvedAttribute { UnparsedIdentifier = "c" } }, type);

    [Test]
    public void A_string_compared_with_a_number_compares_as_numbers_as_in_ansi_spark()
    {
        // As text '10' < '9'; as numbers 10 > 9.
        Assert.That(Eval("<", Typed("'10'", SparkTypes.String), Typed("CAST(9 AS INTEGER)", SparkTypes.Integer)), Is.EqualTo(new Result("false", "BOOLEAN")));
        Assert.That(Eval("in", Typed("'7'", SparkTypes.String), Typed("CAST(7 AS INTEGER)", SparkTypes.Integer)).Value, Is.EqualTo("true"));
    }

    [Test]
    public void Strings_in_arithmetic_are_read_as_numbers_as_in_ansi_spark()
    {
        var text = Typed("'41'", SparkTypes.String);
        Assert.That(Eval("+", text, Typed("CAST(1 AS INTEGER)", SparkTypes.Integer)), Is.EqualTo(new Result("42", "BIGINT")));
        Assert.That(Eval("*", text, Typed("CAST(0.5 AS DOUBLE)", SparkTypes.Double)), Is.EqualTo(new Result("20.5", "DOUBLE")));
        Assert.That(Eval("-", Typed("'1.5'", SparkTypes.String), Typed("'0.25'", SparkTypes.String)), Is.EqualTo(new Result("1.25", "DOUBLE")));
        var error = EvalFails("+", Typed("'x'", SparkTypes.String), Typed("CAST(1 AS INTEGER)", SparkTypes.Integer));
        Assert.That(error.ErrorClass, Is.EqualTo("CAST_INVALID_INPUT"));
    }

    [Test]
    public void Conditionals_return_sparks_common_type()
    {
        Assert.That(Eval("coalesce", Typed("CAST(NULL AS BIGINT)", SparkTypes.Long), Typed("CAST(1.25 AS DECIMAL(5,2))", SparkTypes.Decimal(5, 2))),
            Is.EqualTo(new Result("1.25", "DECIMAL(22,2)")));
        Assert.That(Eval("greatest", Typed("CAST(1.5 AS FLOAT)", SparkTypes.Float), Typed("CAST(2.25 AS DECIMAL(5,2))", SparkTypes.Decimal(5, 2))),
            Is.EqualTo(new Result("2.25", "DOUBLE")));
        Assert.That(Eval("if", Typed("true", SparkTypes.Boolean), Typed("CAST(1 AS INTEGER)", SparkTypes.Integer), Typed("CAST(2 AS BIGINT)", SparkTypes.Long)),
            Is.EqualTo(new Result("1", "BIGINT")));
    }

    [Test]
    public void Abs_of_a_day_time_interval_is_its_length()
    {
        var interval = Typed("(INTERVAL '-90 minutes')", SparkTypes.DayTimeInterval());
        Assert.That(Eval("abs", interval), Is.EqualTo(new Result("01:30:00", "INTERVAL")));
    }

    [Test]
    public void Sum_of_intervals_adds_their_lengths()
    {
        const string rows = "(VALUES (INTERVAL '36 hours'), (INTERVAL '30 minutes')) t(x)";
        Assert.That(Aggregate(rows, "sum", false, Typed("x", SparkTypes.DayTimeInterval())), Is.EqualTo(new Result("36:30:00", "INTERVAL")));
        const string months = "(VALUES (INTERVAL '14 months'), (INTERVAL '1 year')) t(x)";
        Assert.That(Aggregate(months, "sum", false, Typed("x", SparkTypes.YearMonthInterval)), Is.EqualTo(new Result("2 years 2 months", "INTERVAL")));
    }
}
