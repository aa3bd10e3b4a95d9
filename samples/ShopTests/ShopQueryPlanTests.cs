using Spark.Connect.Protocol;
using Spark.Linq;
using Spark.Linq.Testing;

namespace ShopTests;

/// <summary>The shop's queries checked offline: what they send to Spark, without an engine or a cluster.</summary>
public class ShopQueryPlanTests
{
    private SparkSession _spark = null!;

    [SetUp]
    public void Connect() => _spark = SparkSession.Connect(new SparkSessionOptions { ConnectionString = "sc://localhost", NamingPolicy = ColumnNamingPolicy.SnakeCase });

    [TearDown]
    public async Task Disconnect() => await _spark.DisposeAsync();

    [Test]
    public void Recent_shipped_filters_before_it_sorts_and_pages()
    {
        var plan = ShopQueries.RecentShipped(_spark, new DateTime(2024, 3, 2), 50m, 5).ToQueryPlan();

        Assert.That(plan.Pipeline, Is.EqualTo(new[] { "Read", "Filter", "Sort", "Limit" }));
        Assert.That(plan.RunsBefore<Filter, Sort>(), Is.True);
        Assert.That(plan.Tables, Is.EqualTo(new[] { "orders" }));
        Assert.That(plan.Relations<Limit>().Single().Limit_, Is.EqualTo(5));
    }

    [Test]
    public void Recent_shipped_compares_the_status_and_the_captured_values_as_written()
    {
        var literals = ShopQueries.RecentShipped(_spark, new DateTime(2024, 3, 2), 50m, 5).ToQueryPlan().Literals;

        Assert.That(literals.Select(l => l.Text), Is.EqualTo(new[]
        {
            "OrderStatus.Shipped (2: int)",
            "new DateTime(2024, 3, 2, 0, 0, 0) (timestamp_ntz)",
            "50m (decimal(2,0))",
        }));
    }

    [Test]
    public void Revenue_by_country_reads_both_tables_and_never_uses_the_returned_orders()
    {
        var plan = ShopQueries.RevenueByCountry(_spark).ToQueryPlan();

        Assert.That(plan.Tables, Is.EquivalentTo(new[] { "orders", "customers" }));
        Assert.That(plan.RunsBefore<Filter, Join>(), Is.True, "returns are dropped before the join");
        Assert.That(plan.Functions, Does.Contain("sum").And.Contain("count"));
        Assert.That(plan.OutputColumns, Is.EqualTo(new[] { "country", "revenue", "orders" }), "named by the snake_case policy");
    }

    [Test]
    public void Recent_shipped_snapshot()
    {
        // A snapshot pins the whole plan; when it changes on purpose, paste the new text from the failure message.
        Assert.That(ShopQueries.RecentShipped(_spark, new DateTime(2024, 3, 2), 50m, 5).ToQueryPlan().ToPlanString(), Is.EqualTo("""
            Limit 5 #1
              Sort [placed_at DESC NULLS LAST] #2
                Filter (((status == OrderStatus.Shipped (2: int)) AND (placed_at >= new DateTime(2024, 3, 2, 0, 0, 0) (timestamp_ntz))) AND (amount >= 50m (decimal(2,0)))) #3
                  Read orders #4
            """.ReplaceLineEndings("\n")));
    }
}
