using Spark.Linq;
using Spark.Linq.Testing;

namespace ShopTests;

/// <summary>
/// The shop's queries run on the local engine: each test starts its own session with its own tables (so the tests
/// run in parallel), and the session's naming policy is the application's (snake_case columns).
/// </summary>
[Parallelizable(ParallelScope.All)]
public class ShopQueryResultTests
{
    private static Task<SparkTestSession> StartShopAsync() =>
        SparkTestSession.StartAsync(o => o.NamingPolicy = ColumnNamingPolicy.SnakeCase,
            SparkTestTable.Of(ShopData.Orders()), SparkTestTable.Of(ShopData.Customers()));

    [Test]
    public async Task Recent_shipped_orders_are_the_big_shipped_ones_newest_first()
    {
        await using var spark = await StartShopAsync();

        var orders = await ShopQueries.RecentShipped(spark.Session, since: new DateTime(2024, 3, 2), minimum: 50m, top: 5).ToListAsync();

        Assert.That(orders.Select(o => o.OrderId), Is.EqualTo(new[] { 14L, 11L }));
    }

    [Test]
    public async Task Revenue_by_country_leaves_returns_out()
    {
        await using var spark = await StartShopAsync();

        var revenue = await ShopQueries.RevenueByCountry(spark.Session).ToListAsync();

        Assert.That(revenue, Is.EqualTo(new[]
        {
            new CountryRevenue("US", 290.00m, 2),
            new CountryRevenue("NL", 165.50m, 2),
        }));
    }

    [Test]
    public async Task A_test_can_replace_a_table_without_affecting_the_others()
    {
        await using var spark = await StartShopAsync();
        await spark.AddTableAsync(ShopData.Orders().Where(o => o.CustomerId == 1));

        var revenue = await ShopQueries.RevenueByCountry(spark.Session).ToListAsync();

        Assert.That(revenue, Is.EqualTo(new[] { new CountryRevenue("NL", 120.00m, 1) }));
    }
}
