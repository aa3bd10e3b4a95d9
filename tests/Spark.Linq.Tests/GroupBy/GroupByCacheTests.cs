using Spark.Linq.Tests.Caching;

namespace Spark.Linq.Tests.GroupBy;

public class GroupByCacheTests : CacheTestBase
{
    [Test]
    public void Captured_values_in_a_grouped_query_rebind_without_translating_again() =>
        AssertRebinds(threshold => Orders.Where(o => o.Amount > threshold).GroupBy(o => o.Region)
            .Where(g => g.Count(o => o.Amount > threshold * 2) > 1)
            .Select(g => new { g.Key, Big = g.Count(o => o.Amount > threshold) }), 10.0, 20.0, 35.5);

    [Test]
    public void Equal_captured_values_shared_by_one_aggregate_are_not_served_for_different_values()
    {
        // With a == b both Counts are one aggregate; a later a != b must get two, not a stale plan.
        IQueryable<CountPair> Query(int a, int b) => Orders.GroupBy(o => o.Region).Select(g => new CountPair { A = g.Count(o => o.CustomerId > a), B = g.Count(o => o.CustomerId > b) });
        Query(1, 1).ToRelation();
        var relation = Query(1, 2).ToRelation();
        Assert.That(relation, Is.EqualTo(Fresh(Query(1, 2))));
        Assert.That(relation.Project.Input.Aggregate.AggregateExpressions, Has.Count.EqualTo(2));
    }
}

public sealed class CountPair
{
    public int A { get; init; }
    public int B { get; init; }
}
