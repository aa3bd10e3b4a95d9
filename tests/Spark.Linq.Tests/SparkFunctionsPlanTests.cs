namespace Spark.Linq.Tests;

public class SparkFunctionsPlanTests : PlanTestBase
{
    [Test]
    public void Typed_wrappers_become_the_spark_function_of_the_same_name()
    {
        var query = Orders
            .Where(o => SparkFunctions.Like(o.Region, "E%") || SparkFunctions.RLike(o.Note, "^x+$"))
            .Select(o => new
            {
                Best = SparkFunctions.Greatest(o.Amount, 1.0, 2.0),
                Worst = SparkFunctions.Least(o.CustomerId, 7),
                Note = SparkFunctions.Coalesce(o.Note, o.Region, "none"),
                Month = SparkFunctions.DateTrunc("month", o.PlacedAt),
            });
        AssertPlan(query, """
            Project [greatest(Amount, 1D, 2D) AS Best, least(customer_id, 7) AS Worst, coalesce(Note, Region, 'none') AS Note, date_trunc('month', PlacedAt) AS Month]
              Filter (like(Region, 'E%') OR rlike(Note, '^x+$'))
                Read sales.orders
            """);
    }

    [Test]
    public void Call_reaches_any_function_by_name_with_captured_arguments()
    {
        var separator = "-";
        AssertPlan(Orders.Select(o => SparkFunctions.Call<string>("concat_ws", separator, o.Region, o.Id)), """
            Project [concat_ws('-', Region, Id) AS value]
              Read sales.orders
            """);
    }

    [Test]
    public void Call_needs_a_function_name_known_before_the_query_runs()
    {
        var error = Assert.Throws<SparkTranslationException>(() => Orders.Select(o => SparkFunctions.Call<string>(o.Region, o.Id)).ToRelation());
        Assert.That(error!.Message, Does.Contain("function name"));
    }

    [Test]
    public void Calling_a_spark_function_outside_a_query_is_a_clear_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SparkFunctions.Like("abc", "a%"));
        Assert.That(error!.Message, Does.Contain("only have meaning inside a Spark.Linq query"));
        Assert.Throws<InvalidOperationException>(() => SparkFunctions.Call<int>("rand"));
    }
}
