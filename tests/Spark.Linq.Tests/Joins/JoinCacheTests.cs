using Spark.Linq.Tests.Caching;

namespace Spark.Linq.Tests.Joins;

public class JoinCacheTests : CacheTestBase
{
    [Test]
    public void Captured_values_in_joins_rebind_without_translating_again() =>
        AssertRebinds(country => from o in Orders
                                 join c in Spark.Table<Customer>("crm.customers") on o.CustomerId equals c.Id into cs
                                 from c in cs.Where(c => c.Country == country).DefaultIfEmpty()
                                 where o.Region != country
                                 select new { o.Id, Name = c == null ? country : c.Name }, "DE", "FR", "NO");
}
