namespace Spark.Connect.Local.Tests.Planning.Functions;

public class WindowFunctionTests : FunctionTestBase
{
    private const string Rows = "(VALUES (1, 'a'), (2, NULL), (3, 'c'), (3, 'd'), (5, 'e')) t(k, v)";

    private static List<string?> Values(List<Result> results) => results.Select(r => r.Value).ToList();

    [Test]
    public void Ranking_functions_are_integers()
    {
        Assert.That(Values(Window(Rows, "k", "row_number")), Is.EqualTo(new[] { "1", "2", "3", "4", "5" }));
        Assert.That(Window(Rows, "k", "row_number").Select(r => r.Type).Distinct(), Is.EqualTo(new[] { "INTEGER" }));
        Assert.That(Values(Window(Rows, "k", "rank")), Is.EqualTo(new[] { "1", "2", "3", "3", "5" }));
        Assert.That(Values(Window(Rows, "k", "dense_rank")), Is.EqualTo(new[] { "1", "2", "3", "3", "4" }));
        Assert.That(Values(Window(Rows, "k", "ntile", Int(2))), Is.EqualTo(new[] { "1", "1", "1", "2", "2" }));
        Assert.That(Window(Rows, "k", "ntile", Int(2))[0].Type, Is.EqualTo("INTEGER"));
    }

    [Test]
    public void Percent_rank_and_cume_dist_are_doubles()
    {
        Assert.That(Values(Window(Rows, "k", "percent_rank")), Is.EqualTo(new[] { "0.0", "0.25", "0.5", "0.5", "1.0" }));
        Assert.That(Values(Window(Rows, "k", "cume_dist")), Is.EqualTo(new[] { "0.2", "0.4", "0.8", "0.8", "1.0" }));
        Assert.That(Window(Rows, "k", "cume_dist")[0].Type, Is.EqualTo("DOUBLE"));
    }

    [Test]
    public void Lag_and_lead_take_an_offset_and_a_default()
    {
        const string ordered = "(VALUES (1, 10), (2, 20), (3, 30)) t(k, x)";
        Assert.That(Values(Window(ordered, "k", "lag", Sql("x"))), Is.EqualTo(new[] { null, "10", "20" }));
        Assert.That(Values(Window(ordered, "k", "lag", Sql("x"), Int(1), Int(-1))), Is.EqualTo(new[] { "-1", "10", "20" }));
        Assert.That(Values(Window(ordered, "k", "lead", Sql("x"), Int(2), Int(0))), Is.EqualTo(new[] { "30", "0", "0" }));
        Assert.That(Values(Window(ordered, "k", "lead", Sql("x"), Int(1), Null("INTEGER"), Bool(false))), Is.EqualTo(new[] { "20", "30", null }));
    }

    [Test]
    public void Lag_with_ignore_nulls_skips_null_values() =>
        Assert.That(Values(Window(Rows, "k, v", "lag", Sql("v"), Int(1), Null("VARCHAR"), Bool(true))),
            Is.EqualTo(new[] { null, "a", "a", "c", "d" }));

    [Test]
    public void First_last_and_nth_value_over_the_frame()
    {
        Assert.That(Values(Window(Rows, "k, v", "first_value", Sql("v"))), Is.EqualTo(new[] { "a", "a", "a", "a", "a" }));
        Assert.That(Values(Window(Rows, "k, v", "last_value", Sql("v"))), Is.EqualTo(new[] { "a", null, "c", "d", "e" }));
        Assert.That(Values(Window(Rows, "k, v", "last_value", Sql("v"), Bool(true))), Is.EqualTo(new[] { "a", "a", "c", "d", "e" }));
        Assert.That(Values(Window(Rows, "k, v", "nth_value", Sql("v"), Int(3))), Is.EqualTo(new[] { null, null, "c", "c", "c" }));
        Assert.That(Values(Window(Rows, "k, v", "nth_value", Sql("v"), Int(2))), Is.All.Null, "the second value is the null one");
        Assert.That(Values(Window(Rows, "k, v", "nth_value", Sql("v"), Int(2), Bool(true))), Is.EqualTo(new[] { null, null, "c", "c", "c" }));
    }

    [Test]
    public void Aggregates_can_be_windowed_and_keep_their_spark_types()
    {
        const string ordered = "(VALUES (1, CAST(10 AS INTEGER)), (2, CAST(20 AS INTEGER)), (3, CAST(30 AS INTEGER))) t(k, x)";
        var running = Window(ordered, "k", "sum", Sql("x"));
        Assert.That(Values(running), Is.EqualTo(new[] { "10", "30", "60" }));
        Assert.That(running[0].Type, Is.EqualTo("BIGINT"));
        Assert.That(Values(Window(ordered, "k", "count", Star)), Is.EqualTo(new[] { "1", "2", "3" }));
        var average = Window("(VALUES (1, CAST(1.00 AS DECIMAL(5,2))), (2, CAST(2.00 AS DECIMAL(5,2))), (3, CAST(2.00 AS DECIMAL(5,2)))) t(k, x)", "k", "avg", Sql("x"));
        Assert.That(average, Is.EqualTo(new[] { new Result("1.000000", "DECIMAL(9,6)"), new Result("1.500000", "DECIMAL(9,6)"), new Result("1.666667", "DECIMAL(9,6)") }));
        Assert.That(Values(Window(Rows, "k, v", "collect_list", Sql("v"))), Is.EqualTo(new[] { "[a]", "[a]", "[a, c]", "[a, c, d]", "[a, c, d, e]" }));
    }

    [Test]
    public void Window_functions_need_over_and_scalar_functions_cannot_have_it()
    {
        Assert.That(RenderFails("row_number").ErrorClass, Is.EqualTo("WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE"));
        var scalar = Assert.Throws<Spark.Connect.Local.Planning.LocalEngineException>(() =>
            Spark.Connect.Local.Planning.Functions.SparkFunctionCatalog.RenderWindow("upper", [Str("a")], "OVER ()", null!))!;
        Assert.That(scalar.ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
        Assert.That(RenderFails("ntile", Sql("2")).ErrorClass, Is.EqualTo("WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE"));
    }

    [Test]
    public void Offsets_and_bucket_counts_must_be_literals_as_in_spark()
    {
        Assert.That(Assert.Throws<Spark.Connect.Local.Planning.LocalEngineException>(() => Window(Rows, "k", "lag", Sql("v"), Sql("1")))!.ErrorClass,
            Is.EqualTo("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT"));
        Assert.That(Assert.Throws<Spark.Connect.Local.Planning.LocalEngineException>(() => Window(Rows, "k", "ntile", Int(0)))!.ErrorClass,
            Is.EqualTo("INVALID_PARAMETER_VALUE"));
    }
}
