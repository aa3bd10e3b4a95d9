using Relation = Spark.Connect.Protocol.Relation;

namespace Spark.Linq.Tests.Caching;

/// <summary>
/// Invariants of the cache-hit path (slot paths instead of a whole-plan walk, unboxed shape tokens, the closure
/// evaluator keeping only row-independent nodes): every changed value reaches the plan, and shapes never mix.
/// </summary>
public class CacheHitPathTests : CacheTestBase
{
    private sealed class Filters
    {
        public double Min;
        public string Region = "";
        public int? Quantity;
    }

    [Test]
    public void A_query_built_once_sends_each_calls_captured_values()
    {
        var filters = new Filters { Min = 1, Region = "north", Quantity = 3 };
        var query = Orders.Where(o => o.Amount > filters.Min && o.Region == filters.Region && o.Quantity == filters.Quantity)
            .OrderBy(o => o.Amount).Select(o => new { o.Id, Region = o.Region.ToUpper() }).Take(5);
        Assert.That(query.ToRelation(), Is.EqualTo(Fresh(query)));
        foreach (var (min, region, quantity) in new[] { (2.5, "south", (int?)4), (-1.0, "", null), (2.5, "south", 4) })
        {
            filters.Min = min;
            filters.Region = region;
            filters.Quantity = quantity;
            var hits = Cache.Hits;
            var plan = query.ToRelation();
            Assert.Multiple(() =>
            {
                Assert.That(plan, Is.EqualTo(Fresh(query)), $"plan for {min}, {region}, {quantity}");
                Assert.That(plan.ToString(), Does.Contain($"\"string\": \"{region}\""));
            });
            // A null Quantity is another shape (isnull), so only the non-null rounds are hits.
            if (quantity is not null) Assert.That(Cache.Hits, Is.EqualTo(hits + 1));
        }
    }

    [Test]
    public void Queries_that_differ_only_in_a_member_or_an_operator_never_share_a_template()
    {
        var value = 10.0;
        IQueryable<Order>[] queries =
        [
            Orders.Where(o => o.Amount > value),
            Orders.Where(o => o.Amount >= value),
            Orders.Where(o => o.Amount < value),
            Orders.Where(o => o.Id > value),
            Orders.Where(o => o.CustomerId > value),
            Orders.Where(o => value > o.Amount),
            Orders.Where(o => o.Amount > value).Where(o => o.Amount > value),
        ];
        var plans = queries.Select(q => q.ToRelation()).ToList();
        value = 20.0;
        for (var i = 0; i < queries.Length; i++)
        {
            var cached = queries[i].ToRelation();
            Assert.That(cached, Is.EqualTo(Fresh(queries[i])), $"query {i}");
            for (var j = 0; j < i; j++) Assert.That(cached, Is.Not.EqualTo(plans[j]), $"queries {i} and {j} share a plan");
        }
        Assert.That(Cache.Count, Is.EqualTo(queries.Length));
    }

    [Test]
    public void Values_in_a_deep_chain_rebind_at_every_level()
    {
        IQueryable<Order> Chain(int start)
        {
            var query = Orders.AsQueryable();
            for (var i = 0; i < 160; i++)
            {
                var bound = start + i;
                query = i % 2 == 0 ? query.Where(o => o.Amount > bound) : query.Where(o => o.Region != bound.ToString());
            }
            return query.Take(start);
        }
        AssertRebinds(Chain, 1, 7, 1000);
    }

    [Test]
    public void A_cached_plan_changed_by_its_caller_does_not_change_the_next_hit()
    {
        var min = 1.0;
        var query = Orders.Where(o => o.Amount > min).Take(3);
        var first = query.ToRelation();
        first.Limit.Limit_ = 99;
        first.Limit.Input.Filter.Condition.UnresolvedFunction.Arguments.Clear();
        min = 2.0;
        Relation second = query.ToRelation();
        Assert.That(second, Is.EqualTo(Fresh(query)));
    }
}
