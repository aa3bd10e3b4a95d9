namespace Spark.Linq.Tests.Caching;

/// <summary>FullJoin, DistinctBy and the top row per group hit the plan cache and re-bind captured values like any query.</summary>
public class RowSelectionCacheTests : CacheTestBase
{
    [Test]
    public void A_full_join_rebinds_its_captured_values() =>
        AssertRebinds(region => Orders.Where(o => o.Region == region)
            .FullJoin(Spark.Table<Customer>("crm.customers"), o => o.CustomerId, c => c.Id, (o, c) => new { Id = o == null ? -1L : o.Id, Name = c == null ? region : c.Name }),
            "EU", "US", "APAC");

    [Test]
    public void DistinctBy_and_a_top_row_per_group_rebind_their_captured_values() =>
        AssertRebinds(region => Orders.Where(o => o.Region != region).OrderBy(o => o.Id).DistinctBy(o => o.CustomerId)
            .GroupBy(o => o.Region).Select(g => g.OrderByDescending(o => o.Amount).First().Id), "EU", "US", "APAC");
}
