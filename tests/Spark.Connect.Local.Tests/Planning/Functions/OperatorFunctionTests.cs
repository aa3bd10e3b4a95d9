using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Tests.Planning.Functions;

public class OperatorFunctionTests : FunctionTestBase
{
    [TestCase("==", "1", "2", "false")]
    [TestCase("=", "2", "2", "true")]
    [TestCase("!=", "1", "2", "true")]
    [TestCase("<", "1", "2", "true")]
    [TestCase("<=", "2", "2", "true")]
    [TestCase(">", "1", "2", "false")]
    [TestCase(">=", "1", "2", "false")]
    [TestCase("==", "1", "NULL", null)]
    [TestCase("<=>", "NULL", "NULL", "true")]
    [TestCase("<=>", "1", "NULL", "false")]
    [TestCase("<=>", "1", "1", "true")]
    public void Comparisons_follow_three_valued_logic_and_null_safe_equality(string op, string left, string right, string? expected)
    {
        var result = Eval(op, Sql($"CAST({left} AS INTEGER)"), Sql($"CAST({right} AS INTEGER)"));
        Assert.That(result, Is.EqualTo(new Result(expected, "BOOLEAN")));
    }

    [TestCase("and", "true", "NULL", null)]
    [TestCase("and", "false", "NULL", "false")]
    [TestCase("or", "true", "NULL", "true")]
    [TestCase("or", "false", "NULL", null)]
    public void Boolean_operators_follow_three_valued_logic(string op, string left, string right, string? expected) =>
        Assert.That(Eval(op, Sql($"CAST({left} AS BOOLEAN)"), Sql($"CAST({right} AS BOOLEAN)")).Value, Is.EqualTo(expected));

    [Test]
    public void Not_and_null_tests()
    {
        Assert.That(Eval("not", Sql("true")).Value, Is.EqualTo("false"));
        Assert.That(Eval("!", Sql("CAST(NULL AS BOOLEAN)")).Value, Is.Null);
        Assert.That(Eval("isnull", Null("INTEGER")).Value, Is.EqualTo("true"));
        Assert.That(Eval("isnotnull", Int(0)).Value, Is.EqualTo("true"));
    }

    [TestCase("+", "INTEGER", "2", "INTEGER", "3", "5", "INTEGER")]
    [TestCase("+", "INTEGER", "2", "BIGINT", "3", "5", "BIGINT")]
    [TestCase("-", "INTEGER", "2", "INTEGER", "3", "-1", "INTEGER")]
    [TestCase("*", "INTEGER", "-4", "INTEGER", "3", "-12", "INTEGER")]
    [TestCase("+", "DECIMAL(10,2)", "1.25", "DECIMAL(4,1)", "2.5", "3.75", "DECIMAL(11,2)")]
    [TestCase("*", "DECIMAL(10,2)", "1.25", "DECIMAL(4,1)", "2.5", "3.125", "DECIMAL(15,3)")]
    [TestCase("*", "DECIMAL(38,18)", "1.5", "DECIMAL(38,18)", "100", "150.000000", "DECIMAL(38,6)")]
    [TestCase("+", "FLOAT", "1.5", "INTEGER", "1", "2.5", "FLOAT")]
    [TestCase("+", "DOUBLE", "1.5", "DECIMAL(4,1)", "1.0", "2.5", "DOUBLE")]
    public void Arithmetic_keeps_sparks_result_types(string op, string leftType, string left, string rightType, string right, string expected, string type) =>
        Assert.That(Eval(op, Sql($"CAST({left} AS {leftType})"), Sql($"CAST({right} AS {rightType})")), Is.EqualTo(new Result(expected, type)));

    [TestCase("INTEGER", "7", "INTEGER", "2", "3.5", "DOUBLE")]
    [TestCase("BIGINT", "-7", "INTEGER", "2", "-3.5", "DOUBLE")]
    // Spark: scale max(6, s1 + p2 + 1), precision p1 - s1 + s2 + scale, rounded HALF_UP.
    [TestCase("DECIMAL(10,2)", "1.00", "DECIMAL(10,2)", "3.00", "0.3333333333333", "DECIMAL(23,13)")]
    [TestCase("DECIMAL(5,2)", "2.00", "INTEGER", "3", "0.6666666666667", "DECIMAL(16,13)")]
    [TestCase("DECIMAL(5,2)", "-2.00", "INTEGER", "3", "-0.6666666666667", "DECIMAL(16,13)")]
    [TestCase("DECIMAL(38,18)", "1", "DECIMAL(38,18)", "3", "0.333333", "DECIMAL(38,6)")]
    [TestCase("DECIMAL(18,0)", "123456789012345678", "DECIMAL(18,0)", "7", "17636684144620811.1428571428571428571", "DECIMAL(37,19)")]
    public void Division_is_double_for_integers_and_exact_for_decimals(string leftType, string left, string rightType, string right, string expected, string type)
    {
        var result = Eval("/", Sql($"CAST({left} AS {leftType})"), Sql($"CAST({right} AS {rightType})"));
        Assert.That(result.Type, Is.EqualTo(type));
        Assert.That(decimal.Parse(result.Value!, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [TestCase("/", "INTEGER")]
    [TestCase("/", "DOUBLE")]
    [TestCase("/", "DECIMAL(5,2)")]
    [TestCase("div", "INTEGER")]
    [TestCase("div", "DECIMAL(5,2)")]
    [TestCase("%", "INTEGER")]
    [TestCase("%", "DOUBLE")]
    public void Division_by_zero_raises_DIVIDE_BY_ZERO_instead_of_null(string op, string type)
    {
        var error = EvalFails(op, Sql($"CAST(7 AS {type})"), Sql($"CAST(0 AS {type})"));
        Assert.That(error.ErrorClass, Is.EqualTo("DIVIDE_BY_ZERO"));
        Assert.That(error.SqlState, Is.EqualTo("22012"));
    }

    [Test]
    public void A_null_divisor_gives_null_not_an_error() =>
        Assert.That(Eval("/", Int(1), Null("INTEGER")).Value, Is.Null);

    [TestCase("INTEGER", "-7", "INTEGER", "2", "-3")]
    [TestCase("INTEGER", "7", "INTEGER", "-2", "-3")]
    [TestCase("BIGINT", "9", "INTEGER", "3", "3")]
    [TestCase("DECIMAL(5,2)", "-7.50", "DECIMAL(3,1)", "2.0", "-3")]
    public void Div_truncates_toward_zero_to_a_bigint(string leftType, string left, string rightType, string right, string expected) =>
        Assert.That(Eval("div", Sql($"CAST({left} AS {leftType})"), Sql($"CAST({right} AS {rightType})")), Is.EqualTo(new Result(expected, "BIGINT")));

    [Test]
    public void Div_overflow_of_long_min_by_minus_one_raises_arithmetic_overflow() =>
        Assert.That(EvalFails("div", Long(long.MinValue), Long(-1)).ErrorClass, Is.EqualTo("ARITHMETIC_OVERFLOW"));

    [TestCase("INTEGER", "-7", "INTEGER", "2", "-1", "INTEGER")]
    [TestCase("INTEGER", "7", "INTEGER", "-2", "1", "INTEGER")]
    [TestCase("DOUBLE", "-7.5", "DOUBLE", "2", "-1.5", "DOUBLE")]
    [TestCase("DECIMAL(5,2)", "7.50", "DECIMAL(3,1)", "2.0", "1.50", "DECIMAL(4,2)")]
    public void Remainder_takes_the_sign_of_the_dividend(string leftType, string left, string rightType, string right, string expected, string type) =>
        Assert.That(Eval("%", Sql($"CAST({left} AS {leftType})"), Sql($"CAST({right} AS {rightType})")), Is.EqualTo(new Result(expected, type)));

    [Test]
    public void Remainder_by_minus_one_is_zero_even_for_the_smallest_integer()
    {
        Assert.That(Eval("%", Int(int.MinValue), Int(-1)), Is.EqualTo(new Result("0", "INTEGER")));
        Assert.That(Eval("%", Long(long.MinValue), Int(-1)), Is.EqualTo(new Result("0", "BIGINT")));
        Assert.That(Eval("%", Null("INTEGER"), Int(-1)).Value, Is.Null);
    }

    [Test]
    public void Integer_overflow_raises_as_in_ansi_spark() =>
        Assert.That(EvalFails("+", Int(int.MaxValue), Int(1)).ErrorClass, Is.EqualTo("ARITHMETIC_OVERFLOW"));

    [Test]
    public void Negation_and_bitwise_operators()
    {
        Assert.That(Eval("negative", Int(5)), Is.EqualTo(new Result("-5", "INTEGER")));
        Assert.That(Eval("&", Int(6), Int(3)).Value, Is.EqualTo("2"));
        Assert.That(Eval("|", Int(6), Int(3)).Value, Is.EqualTo("7"));
        Assert.That(Eval("^", Int(6), Int(3)).Value, Is.EqualTo("5"), "Spark's ^ is xor, not power");
        Assert.That(Eval("~", Int(0)).Value, Is.EqualTo("-1"));
    }

    [Test]
    public void Date_arithmetic_keeps_sparks_types()
    {
        var ym = new SqlArgument("to_months(1)", new Expression { UnresolvedFunction = new Expression.Types.UnresolvedFunction { FunctionName = "make_ym_interval" } });
        Assert.That(Eval("+", Sql("DATE '2024-01-31'"), ym), Is.EqualTo(new Result("2024-02-29", "DATE")));
        Assert.That(Eval("-", Sql("DATE '2024-03-01'"), Sql("DATE '2024-02-01'")), Is.EqualTo(new Result("29 days", "INTERVAL")));
        Assert.That(Eval("-", Sql("TIMESTAMP '2024-01-02 12:00'"), Sql("TIMESTAMP '2024-01-01'")).Value, Is.EqualTo("1 day 12:00:00"));
    }

    [Test]
    public void Wrong_argument_counts_raise_WRONG_NUM_ARGS_naming_the_function()
    {
        var error = RenderFails("+", Int(1), Int(2), Int(3));
        Assert.That(error.ErrorClass, Is.EqualTo("WRONG_NUM_ARGS.WITHOUT_SUGGESTION"));
        Assert.That(error.MessageParameters["functionName"], Is.EqualTo("+"));
        Assert.That(error.MessageParameters["actualNum"], Is.EqualTo("3"));
    }
}
