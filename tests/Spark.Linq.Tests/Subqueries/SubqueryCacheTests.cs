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
    public void Captured_values_in_a_SelectMany_rebind()
    {
        var baskets = Spark.Table<Basket>("shop.baskets");
        AssertRebinds(prefix => from b in baskets from tag in b.Tags where tag.StartsWith(prefix) select new { b.Id, tag }, "a", "b", "zz");
    }
}
