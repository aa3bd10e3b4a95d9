using System.Linq.Expressions;

namespace Spark.Linq.Tests.Caching;

/// <summary>
/// A query object run again is served from its prepared values (its tree is not described again), and only while
/// that gives the plan a fresh translation gives: any value that would change the shape sends it the long way.
/// </summary>
public class PreparedQueryTests : CacheTestBase
{
    private sealed class Filters
    {
        public double Min;
        public string? Region = "";
    }

    private sealed class Throwing
    {
        public bool Fail;
        public double Min => Fail ? throw new InvalidOperationException("no minimum today") : 1;
    }

    [Test]
    public void A_query_object_run_again_reads_its_captured_values_without_describing_its_tree()
    {
        var filters = new Filters { Min = 1, Region = "north" };
        var query = Orders.Where(o => o.Amount > filters.Min && o.Region == filters.Region).Take(3);
        query.ToRelation();
        var prepared = Cache.PreparedHits;
        foreach (var (min, region) in new[] { (2.5, "south"), (-1.0, ""), (7.0, "north") })
        {
            filters.Min = min;
            filters.Region = region;
            var plan = query.ToRelation();
            Assert.Multiple(() =>
            {
                Assert.That(plan, Is.EqualTo(Fresh(query)), $"plan for {min}, {region}");
                Assert.That(plan.ToString(), Does.Contain($"\"string\": \"{region}\""));
            });
        }
        Assert.That(Cache.PreparedHits, Is.EqualTo(prepared + 3));
    }

    [Test]
    public void A_captured_value_turning_null_gives_the_null_test_and_back()
    {
        var filters = new Filters { Min = 1, Region = "north" };
        var query = Orders.Where(o => o.Region == filters.Region);
        query.ToRelation();
        foreach (var region in new[] { null, "east", null, "west" })
        {
            filters.Region = region;
            Assert.That(query.ToRelation(), Is.EqualTo(Fresh(query)), $"plan for {region ?? "null"}");
        }
    }

    [Test]
    public void A_spark_query_held_in_a_variable_is_read_anew_when_the_variable_changes()
    {
        IQueryable<Order> other = Orders.Where(o => o.Amount > 1);
        // The lambda captures the variable, not its value, so each run splices in the query it holds then.
        var query = Orders.Where(o => other.Select(x => x.Id).Contains(o.Id));
        var first = query.ToRelation();
        query.ToRelation();
        other = Orders.Where(o => o.Region == "north").OrderBy(o => o.Id);
        var second = query.ToRelation();
        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(Fresh(query)));
            Assert.That(second, Is.Not.EqualTo(first));
        });
    }

    [Test]
    public void A_collection_that_is_a_constant_of_the_tree_is_read_anew_when_its_contents_change()
    {
        var ids = new List<long> { 1, 2 };
        var row = Expression.Parameter(typeof(Order), "o");
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(long)],
            Expression.Constant(ids), Expression.Property(row, nameof(Order.Id)));
        var query = Orders.Where(Expression.Lambda<Func<Order, bool>>(contains, row));
        query.ToRelation();
        query.ToRelation();
        ids.Add(3);
        var plan = query.ToRelation();
        Assert.Multiple(() =>
        {
            Assert.That(plan, Is.EqualTo(Fresh(query)));
            Assert.That(plan.ToString(), Does.Contain("\"long\": \"3\""));
        });
    }

    [Test]
    public void A_captured_value_that_throws_on_a_later_run_reports_as_a_fresh_translation_does()
    {
        var source = new Throwing();
        var query = Orders.Where(o => o.Amount > source.Min);
        query.ToRelation();
        query.ToRelation();
        source.Fail = true;
        var error = Assert.Throws<InvalidOperationException>(() => query.ToRelation())!;
        Assert.That(error.Message, Does.Contain("no minimum today").And.Contain("source.Min"));
    }

    [Test]
    public void A_template_dropped_from_the_cache_is_translated_again_not_served_stale()
    {
        var filters = new Filters { Min = 1 };
        var query = Orders.Where(o => o.Amount > filters.Min);
        query.ToRelation();
        // The table name is part of the shape, so each of these is a new template pushing older ones out.
        for (var i = 0; i < Query.Caching.TranslationCache.DefaultCapacity + 1; i++) Spark.Table<Order>("t" + i).ToRelation();
        filters.Min = 9;
        var translations = Cache.Translations;
        Assert.Multiple(() =>
        {
            Assert.That(query.ToRelation(), Is.EqualTo(Fresh(query)));
            Assert.That(Cache.Translations, Is.EqualTo(translations + 1));
        });
    }
}
