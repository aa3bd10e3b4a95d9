using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Tests.Planning.Functions;

public class FunctionCatalogTests : FunctionTestBase
{
    [Test]
    public void Names_are_case_insensitive_as_in_spark() =>
        Assert.That(Eval("UPPER", Str("a")).Value, Is.EqualTo("A"));

    [Test]
    public void Every_function_spark_linq_emits_is_registered()
    {
        // The functions the LINQ translator sends (docs/linq-support.md), plus the window functions issue 6 needs.
        string[] emitted =
        [
            "==", "<", "<=", ">", ">=", "<=>", "and", "or", "not", "+", "-", "*", "/", "%", "div", "negative", "^", "&", "|", "~",
            "isnull", "isnotnull", "coalesce", "when", "in", "named_struct", "get",
            "upper", "lower", "length", "substring", "instr", "replace", "btrim", "ltrim", "rtrim", "concat", "ascii",
            "contains", "startswith", "endswith", "like", "rlike", "lpad", "rpad", "reverse",
            "abs", "ceil", "floor", "round", "bround", "power", "sqrt", "cbrt", "exp", "ln", "log", "log10",
            "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "signum", "greatest", "least",
            "year", "month", "dayofmonth", "dayofweek", "dayofyear", "hour", "minute", "second", "date_part", "date_trunc",
            "date_add", "add_months", "make_ym_interval", "unix_seconds", "unix_millis", "unix_micros", "current_date",
            "current_timestamp", "to_date",
            "count", "sum", "avg", "min", "max", "collect_list", "collect_set", "first", "last", "any", "bool_and", "every",
            "bool_or", "some", "stddev", "variance",
            "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead", "first_value", "last_value", "nth_value",
        ];
        Assert.That(emitted.Where(name => FunctionRegistry.TryFind(name) is null), Is.Empty);
    }

    [Test]
    public void Aggregates_are_reported_as_aggregates()
    {
        Assert.That(SparkFunctionCatalog.IsAggregate("sum"), Is.True);
        Assert.That(SparkFunctionCatalog.IsAggregate("upper"), Is.False);
        Assert.That(SparkFunctionCatalog.IsAggregate("row_number"), Is.False);
    }

    [Test]
    public void Runtime_error_messages_map_back_to_spark_error_classes()
    {
        Assert.That(SparkRuntimeErrors.TryTranslate("Invalid Input Error: [DIVIDE_BY_ZERO] Division by zero.")?.ErrorClass, Is.EqualTo("DIVIDE_BY_ZERO"));
        Assert.That(SparkRuntimeErrors.TryTranslate("Out of Range Error: Overflow in addition of INT32 (1 + 2)!")?.ErrorClass, Is.EqualTo("ARITHMETIC_OVERFLOW"));
        Assert.That(SparkRuntimeErrors.TryTranslate("Catalog Error: Table with name x does not exist!"), Is.Null);
        Assert.That(SparkRuntimeErrors.TryTranslate("Invalid Input Error: [ARITHMETIC_OVERFLOW] Arithmetic overflow.")?.SqlState, Is.EqualTo("22003"));
        Assert.That(SparkRuntimeErrors.TryTranslate("Invalid Input Error: [SOMETHING_ELSE] user text"), Is.Null, "only classes the catalog raises");
    }

    [TestCase("CAST('abc' AS INTEGER)", "CAST_INVALID_INPUT")]
    [TestCase("CAST(300 AS TINYINT)", "CAST_OVERFLOW")]
    [TestCase("strptime('x', '%Y-%m-%d')", "CANNOT_PARSE_TIMESTAMP")]
    [TestCase("CAST('2024-13-01' AS DATE)", "CAST_INVALID_INPUT")]
    public void DuckDb_cast_and_parse_failures_map_to_ansi_spark_errors(string sql, string errorClass)
    {
        var failure = Assert.Throws<Spark.Connect.Local.DuckDb.DuckDbException>(() => Connection.Query("SELECT " + sql).Dispose())!;
        var error = SparkRuntimeErrors.TryTranslate(failure.Message);
        Assert.That(error?.ErrorClass, Is.EqualTo(errorClass), failure.Message);
        Assert.That(error!.Message, Does.Not.Contain("\n"), "only DuckDB's first line");
    }

    [Test]
    public void Values_never_enter_the_sql_text_of_a_literal_keyword_argument()
    {
        // A date part name is chosen from an allow-list; a hostile one is rejected, not pasted.
        var error = RenderFails("date_part", Str("YEAR'); DROP TABLE t; --"), Sql("DATE '2024-01-01'"));
        Assert.That(error.ErrorClass, Is.EqualTo("INVALID_EXTRACT_FIELD"));
        var trunc = Eval("date_trunc", Str("DAY') --"), Sql("TIMESTAMP '2024-01-01'"));
        Assert.That(trunc.Value, Is.Null);
    }

    [Test]
    public void Any_argument_shape_either_renders_or_raises_a_typed_error()
    {
        // Never an IndexOutOfRange or NullReference from a renderer, whatever a client sends.
        var shapes = new List<SqlArgument[]>();
        for (var count = 0; count <= 5; count++)
        {
            shapes.Add(Enumerable.Repeat(Sql("x"), count).ToArray());
            shapes.Add(Enumerable.Repeat(Int(2), count).ToArray());
            shapes.Add(Enumerable.Repeat(Str("YEAR"), count).ToArray());
            shapes.Add(Enumerable.Repeat(Null("INTEGER"), count).ToArray());
        }
        var unexpected = new List<string>();
        foreach (var name in FunctionRegistry.Names)
        {
            foreach (var args in shapes)
            {
                foreach (var windowed in new[] { false, true })
                {
                    try
                    {
                        _ = windowed
                            ? SparkFunctionCatalog.RenderWindow(name, args, "OVER ()", new UntypedContext())
                            : SparkFunctionCatalog.Render(name, args, false, new UntypedContext());
                    }
                    catch (Spark.Connect.Local.Planning.LocalEngineException)
                    {
                    }
                    catch (Exception e)
                    {
                        unexpected.Add($"{name}/{args.Length}/{windowed}: {e.GetType().Name}");
                    }
                }
            }
        }
        Assert.That(unexpected, Is.Empty);
    }

    /// <summary>A planner that can't tell any type and binds nothing useful.</summary>
    private sealed class UntypedContext : IFunctionRenderContext
    {
        public string? TypeOf(SqlArgument argument) => null;

        public string Bind(Expression.Types.Literal value) => "$1";
    }
}
