using Spark.Linq.Tests.Caching;
using Spark.Linq.Tests.Joins;

namespace Spark.Linq.Tests.Subqueries;

public class SubqueryCacheTests : CacheTestBase
{
    [Test]
    public void Captured_values_inside_semi_joins_and_scalar_subqueries_rebind()
    {
        var customers = Spark.Table<Customer>("crm.customers");
        var orders = Orders;
        AssertRebinds(country => Orders.Where(o => customers.Any(c => c.Id == o.CustomerId && c.Country == country)
            && o.Amount > orders.Where(x => x.Region == country).Average(x => x.Amount)), "DE", "FR");
    }

    [Test]
    public void Captured_values_inside_correlated_aggregates_and_aggregated_GroupJoins_rebind()
    {
        var customers = Spark.Table<Customer>("crm.customers");
        var orders = Orders;
        AssertRebinds(limit => customers.Where(c => orders.Count(o => o.CustomerId == c.Id && o.Amount > limit) > 2)
            .GroupJoin(orders.Where(o => o.Amount < limit), c => c.Id, o => o.CustomerId, (c, g) => new { c.Name, Small = g.Sum(o => o.Amount) }), 5.0, 7.5);
    }

    [Test]
    public void Captured_values_in_a_SelectMany_rebind()
    {
        var baskets = Spark.Table<Basket>("shop.baskets");
        AssertRebinds(prefix => from b in baskets from tag in b.Tags where tag.StartsWith(prefix) select new { b.Id, tag }, "a", "b", "zz");
    }
}
