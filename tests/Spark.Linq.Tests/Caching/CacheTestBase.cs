using System.Linq.Expressions;
using Relation = Spark.Connect.Protocol.Relation;
using Spark.Linq.Query;
using Spark.Linq.Query.Caching;
using Spark.Linq.Translation;

namespace Spark.Linq.Tests.Caching;

/// <summary>Compares cached translations with translations made from scratch, and counts what the cache did.</summary>
public abstract class CacheTestBase : PlanTestBase
{
    internal SparkQueryProvider Provider => (SparkQueryProvider)Orders.Provider;

    internal TranslationCache Cache => Provider.Cache;

    /// <summary>The relation of <paramref name="query"/> translated without the cache.</summary>
    protected Relation Fresh<T>(IQueryable<T> query) => FreshOf(query.Expression);

    /// <summary>The relation of a query expression translated without the cache.</summary>
    protected Relation FreshOf(Expression query) =>
        QueryTranslator.Translate(new TranslationContext(Spark.QueryOptions), ClosureEvaluator.Evaluate(query)).Relation;

    /// <summary>
    /// Translates <paramref name="build"/>(first) to fill the cache, then each later value: every one
    /// must be answered from the cache and equal a translation from scratch.
    /// </summary>
    protected void AssertRebinds<TValue, TRow>(Func<TValue, IQueryable<TRow>> build, TValue first, params TValue[] later)
    {
        var seeded = build(first).ToRelation();
        Assert.That(seeded, Is.EqualTo(Fresh(build(first))));
        foreach (var value in later)
        {
            var translations = Cache.Translations;
            var hits = Cache.Hits;
            var cached = build(value).ToRelation();
            Assert.Multiple(() =>
            {
                Assert.That(cached, Is.EqualTo(Fresh(build(value))), $"plan for {value}");
                Assert.That(Cache.Translations, Is.EqualTo(translations), $"{value} was translated again");
                Assert.That(Cache.Hits, Is.EqualTo(hits + 1), $"{value} was not a cache hit");
            });
        }
    }

    /// <summary>Runs <paramref name="action"/> and returns how many fresh translations it caused.</summary>
    protected long TranslationsDuring(Action action)
    {
        var before = Cache.Translations;
        action();
        return Cache.Translations - before;
    }

    internal static QueryShape? Shape(Expression expression, SparkQueryOptions? options = null)
    {
        var evaluated = ClosureEvaluator.Evaluate(expression, out var slots);
        return QueryShape.Of(evaluated, slots, options ?? new SparkQueryOptions());
    }
}
