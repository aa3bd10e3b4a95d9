namespace Spark.Connect.Local.Tests.Planning.Functions;

public class MathFunctionTests : FunctionTestBase
{
    [Test]
    public void Abs_keeps_the_type_and_raises_on_overflow()
    {
        Assert.That(Eval("abs", Int(-7)), Is.EqualTo(new Result("7", "INTEGER")));
        Assert.That(Eval("abs", Sql("CAST(-1.50 AS DECIMAL(5,2))")), Is.EqualTo(new Result("1.50", "DECIMAL(5,2)")));
        Assert.That(EvalFails("abs", Int(int.MinValue)).ErrorClass, Is.EqualTo("ARITHMETIC_OVERFLOW"));
    }

    [TestCase("ceil", "DOUBLE", "-0.5", "0", "BIGINT")]
    [TestCase("ceil", "DOUBLE", "1.2", "2", "BIGINT")]
    [TestCase("floor", "DOUBLE", "-1.2", "-2", "BIGINT")]
    [TestCase("floor", "INTEGER", "5", "5", "BIGINT")]
    [TestCase("ceil", "DECIMAL(5,2)", "9.91", "10", "DECIMAL(4,0)")]
    [TestCase("floor", "DECIMAL(5,2)", "-9.91", "-10", "DECIMAL(4,0)")]
    public void Ceil_and_floor_return_bigint_or_an_integral_decimal(string name, string type, string value, string expected, string resultType) =>
        Assert.That(Eval(name, Sql($"CAST({value} AS {type})")), Is.EqualTo(new Result(expected, resultType)));

    [Test]
    public void Out_of_domain_values_give_nan_or_null_as_in_spark_instead_of_duckdb_errors()
    {
        Assert.That(Eval("sqrt", Int(-1)), Is.EqualTo(new Result("nan", "DOUBLE")));
        Assert.That(Eval("sqrt", Int(9)).Value, Is.EqualTo("3.0"));
        Assert.That(Eval("asin", Int(2)).Value, Is.EqualTo("nan"));
        Assert.That(Eval("acos", Int(-2)).Value, Is.EqualTo("nan"));
        Assert.That(Eval("ln", Int(0)).Value, Is.Null);
        Assert.That(Eval("ln", Int(-1)).Value, Is.Null);
        Assert.That(Eval("log10", Int(0)).Value, Is.Null);
        Assert.That(Eval("log", Int(2), Int(0)).Value, Is.Null);
        Assert.That(Eval("log", Int(-2), Int(8)).Value, Is.Null);
    }

    [Test]
    public void Logarithms_take_the_base_first()
    {
        Assert.That(Eval("log", Int(2), Int(8)), Is.EqualTo(new Result("3.0", "DOUBLE")));
        Assert.That(Eval("log", Sql("exp(2)")).Value, Is.EqualTo("2.0"));
        Assert.That(Eval("log10", Int(1000)).Value, Is.EqualTo("3.0"));
        Assert.That(Eval("ln", Sql("exp(1)")).Value, Is.EqualTo("1.0"));
    }

    [Test]
    public void Transcendental_functions_return_double()
    {
        Assert.That(Eval("power", Int(2), Int(10)), Is.EqualTo(new Result("1024.0", "DOUBLE")));
        Assert.That(Eval("cbrt", Int(27)).Value, Is.EqualTo("3.0"));
        Assert.That(Eval("exp", Int(0)).Value, Is.EqualTo("1.0"));
        Assert.That(Eval("sin", Int(0)), Is.EqualTo(new Result("0.0", "DOUBLE")));
        Assert.That(Eval("cos", Int(0)).Value, Is.EqualTo("1.0"));
        Assert.That(Eval("tan", Int(0)).Value, Is.EqualTo("0.0"));
        Assert.That(Eval("atan", Int(0)).Value, Is.EqualTo("0.0"));
        Assert.That(double.Parse(Eval("atan2", Int(1), Int(0)).Value!, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(Math.PI / 2).Within(1e-12), "atan2(y, x)");
    }

    [Test]
    public void Signum_is_a_double()
    {
        Assert.That(Eval("signum", Int(-5)), Is.EqualTo(new Result("-1.0", "DOUBLE")));
        Assert.That(Eval("signum", Sql("CAST(0 AS DOUBLE)")).Value, Is.EqualTo("0.0"));
        Assert.That(Eval("signum", Sql("CAST('NaN' AS DOUBLE)")).Value, Is.EqualTo("nan"));
    }

    [Test]
    public void Greatest_and_least_skip_nulls()
    {
        Assert.That(Eval("greatest", Int(1), Null("INTEGER"), Int(3)), Is.EqualTo(new Result("3", "INTEGER")));
        Assert.That(Eval("least", Int(1), Null("INTEGER"), Int(3)).Value, Is.EqualTo("1"));
        Assert.That(Eval("least", Null("INTEGER"), Null("INTEGER")).Value, Is.Null);
        Assert.That(RenderFails("greatest", Int(1)).ErrorClass, Is.EqualTo("WRONG_NUM_ARGS.WITHOUT_SUGGESTION"));
    }
}
