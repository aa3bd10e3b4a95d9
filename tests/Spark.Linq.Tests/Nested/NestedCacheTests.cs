using Spark.Linq.Tests.Caching;

namespace Spark.Linq.Tests.Nested;

/// <summary>Captured values inside lambdas over arrays are slots like any other: a cached plan re-binds them in place.</summary>
public class NestedCacheTests : CacheTestBase
{
    private IQueryable<Cart> Carts => Spark.Table<Cart>();

    [Test]
    public void Values_inside_lambdas_rebind() =>
        AssertRebinds(v => Carts.Where(c => c.Counts.Any(x => x > v) && c.Lines.Sum(l => l.Qty * v) > 3), 1, 5, -3);

    [Test]
    public void Values_inside_nested_lambdas_and_dictionary_keys_rebind() =>
        AssertRebinds(v => Carts.Select(c => new { c.Id, N = c.Grid.Count(r => r.Any(x => x == v.n)), S = c.Stock.GetValueOrDefault(v.key) }),
            (n: 1, key: "a"), (n: 7, key: "it's"), (n: -2, key: ""));

    [Test]
    public void The_plan_does_not_depend_on_lambda_parameter_names()
    {
        var first = Carts.Where(c => c.Counts.Any(x => x > 1)).ToRelation();
        var renamed = Carts.Where(cart => cart.Counts.Any(count => count > 1));
        Assert.That(TranslationsDuring(() => renamed.ToRelation()), Is.Zero, "the same shape is a cache hit");
        Assert.That(Fresh(renamed), Is.EqualTo(first), "and a fresh translation gives the same plan");
    }
}
