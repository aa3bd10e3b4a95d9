namespace Spark.Connect.Local.Tests.Planning.Functions;

public class AggregateFunctionTests : FunctionTestBase
{
    private const string Ints = "(VALUES (CAST(3 AS INTEGER)), (NULL), (CAST(-1 AS INTEGER)), (CAST(3 AS INTEGER))) t(x)";
    private const string Empty = "(SELECT CAST(1 AS INTEGER) AS x WHERE false) t";
    private static readonly Spark.Connect.Local.Planning.Functions.SqlArgument X = Sql("x");

    [Test]
    public void Count_star_and_count_one_count_rows_count_of_a_column_skips_nulls()
    {
        Assert.That(Aggregate(Ints, "count", false, Star), Is.EqualTo(new Result("4", "BIGINT")));
        Assert.That(Aggregate(Ints, "count", false, Int(1)), Is.EqualTo(new Result("4", "BIGINT")));
        Assert.That(Aggregate(Ints, "count", false, X), Is.EqualTo(new Result("3", "BIGINT")));
        Assert.That(Aggregate(Ints, "count", true, X), Is.EqualTo(new Result("2", "BIGINT")));
        Assert.That(Aggregate(Ints, "count", false, Null("INTEGER")).Value, Is.EqualTo("0"));
        Assert.That(Aggregate(Empty, "count", false, Star).Value, Is.EqualTo("0"));
    }

    [Test]
    public void Count_if_counts_true_rows_as_a_bigint()
    {
        Assert.That(Aggregate(Ints, "count_if", false, Sql("x > 0")), Is.EqualTo(new Result("2", "BIGINT")));
        Assert.That(Aggregate(Empty, "count_if", false, Sql("x > 0")), Is.EqualTo(new Result("0", "BIGINT")));
    }

    [Test]
    public void Count_of_several_columns_counts_rows_where_all_are_present()
    {
        const string pairs = "(VALUES (1, 1), (1, 1), (1, NULL), (2, 1)) t(a, b)";
        Assert.That(Aggregate(pairs, "count", false, Sql("a"), Sql("b")).Value, Is.EqualTo("3"));
        Assert.That(Aggregate(pairs, "count", true, Sql("a"), Sql("b")).Value, Is.EqualTo("2"));
    }

    [Test]
    public void Sum_of_integers_is_a_bigint_and_null_for_no_rows()
    {
        Assert.That(Aggregate(Ints, "sum", false, X), Is.EqualTo(new Result("5", "BIGINT")));
        Assert.That(Aggregate(Ints, "sum", true, X), Is.EqualTo(new Result("2", "BIGINT")));
        Assert.That(Aggregate(Empty, "sum", false, X), Is.EqualTo(new Result(null, "BIGINT")));
    }

    [Test]
    public void Sum_past_the_long_range_raises_arithmetic_overflow()
    {
        var failure = Assert.Throws<Spark.Connect.Local.DuckDb.DuckDbException>(() =>
            Aggregate("(VALUES (9223372036854775807), (1)) t(x)", "sum", false, Sql("CAST(x AS BIGINT)")))!;
        Assert.That(Spark.Connect.Local.Planning.Functions.SparkRuntimeErrors.TryTranslate(failure.Message)?.ErrorClass, Is.EqualTo("ARITHMETIC_OVERFLOW"));
    }

    [Test]
    public void Sum_of_decimals_widens_by_ten_digits_and_of_floats_is_double()
    {
        const string decimals = "(VALUES (CAST(1.25 AS DECIMAL(5,2))), (CAST(2.50 AS DECIMAL(5,2)))) t(x)";
        Assert.That(Aggregate(decimals, "sum", false, X), Is.EqualTo(new Result("3.75", "DECIMAL(15,2)")));
        Assert.That(Aggregate("(VALUES (CAST(1.5 AS FLOAT)), (CAST(2 AS FLOAT))) t(x)", "sum", false, X), Is.EqualTo(new Result("3.5", "DOUBLE")));
    }

    [Test]
    public void Avg_is_double_or_an_exact_decimal_with_four_more_digits()
    {
        Assert.That(Aggregate(Ints, "avg", false, X).Type, Is.EqualTo("DOUBLE"));
        Assert.That(double.Parse(Aggregate(Ints, "avg", false, X).Value!, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(5.0 / 3).Within(1e-12));
        const string decimals = "(VALUES (CAST(1.00 AS DECIMAL(10,2))), (CAST(1.00 AS DECIMAL(10,2))), (CAST(2.00 AS DECIMAL(10,2))), (NULL)) t(x)";
        Assert.That(Aggregate(decimals, "avg", false, X), Is.EqualTo(new Result("1.333333", "DECIMAL(14,6)")));
        Assert.That(Aggregate(decimals, "avg", true, X).Value, Is.EqualTo("1.500000"));
        const string big = "(VALUES (CAST(12345678901234567.89 AS DECIMAL(19,2))), (CAST(0.02 AS DECIMAL(19,2)))) t(x)";
        Assert.That(Aggregate(big, "avg", false, X).Value, Is.EqualTo("6172839450617283.955000"), "more digits than a double holds");
        Assert.That(Aggregate("(SELECT CAST(1 AS DECIMAL(10,2)) AS x WHERE false) t", "avg", false, X).Value, Is.Null);
    }

    [Test]
    public void Min_max_and_boolean_aggregates()
    {
        Assert.That(Aggregate(Ints, "min", false, X), Is.EqualTo(new Result("-1", "INTEGER")));
        Assert.That(Aggregate(Ints, "max", false, X).Value, Is.EqualTo("3"));
        const string flags = "(VALUES (true), (false), (NULL)) t(x)";
        Assert.That(Aggregate(flags, "bool_or", false, X).Value, Is.EqualTo("true"));
        Assert.That(Aggregate(flags, "any", false, X).Value, Is.EqualTo("true"));
        Assert.That(Aggregate(flags, "every", false, X).Value, Is.EqualTo("false"));
        Assert.That(Aggregate(flags, "bool_and", false, X).Value, Is.EqualTo("false"));
    }

    [Test]
    public void Collect_list_and_collect_set_skip_nulls_and_give_an_empty_array_for_no_rows()
    {
        Assert.That(Aggregate(Ints, "collect_list", false, X), Is.EqualTo(new Result("[3, -1, 3]", "INTEGER[]")));
        var set = Aggregate(Ints, "collect_set", false, X).Value!;
        Assert.That(set.Trim('[', ']').Split(", ").Order(), Is.EqualTo(new[] { "-1", "3" }));
        Assert.That(Aggregate(Empty, "collect_list", false, X).Value, Is.EqualTo("[]"));
        Assert.That(Aggregate(Empty, "collect_set", false, X).Value, Is.EqualTo("[]"));
    }

    [Test]
    public void First_and_last_respect_or_ignore_nulls()
    {
        const string ordered = "(SELECT * FROM (VALUES (1, NULL), (2, 5), (3, 7), (4, NULL)) v(i, x) ORDER BY i) t";
        Assert.That(Aggregate(ordered, "first", false, X).Value, Is.Null);
        Assert.That(Aggregate(ordered, "first", false, X, Bool(true)).Value, Is.EqualTo("5"));
        Assert.That(Aggregate(ordered, "last", false, X, Bool(true)).Value, Is.EqualTo("7"));
    }

    [Test]
    public void Statistics_are_doubles_and_null_for_a_single_row()
    {
        const string values = "(VALUES (1), (2), (3), (4)) t(x)";
        Assert.That(double.Parse(Aggregate(values, "stddev", false, X).Value!, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(Math.Sqrt(5.0 / 3)).Within(1e-12));
        Assert.That(Aggregate(values, "variance", false, X), Is.EqualTo(new Result("1.6666666666666667", "DOUBLE")));
        Assert.That(Aggregate(values, "var_pop", false, X).Value, Is.EqualTo("1.25"));
        Assert.That(Aggregate("(VALUES (1)) t(x)", "stddev_samp", false, X).Value, Is.Null);
    }

    [Test]
    public void Distinct_is_rejected_on_scalar_functions() =>
        Assert.That(Assert.Throws<Spark.Connect.Local.Planning.LocalEngineException>(() =>
            Spark.Connect.Local.Planning.Functions.SparkFunctionCatalog.Render("upper", [Str("a")], true, null!))!.ErrorClass,
            Does.StartWith("INVALID_SQL_SYNTAX"));
}
