using Spark.Linq.Tests.Caching;

namespace Spark.Linq.Tests.ClientEvaluation;

/// <summary>
/// A cached query with a client part: each execution binds its own captured values into that part
/// (nothing of the first execution is baked in), and values a translator decided something from are pinned.
/// </summary>
public class ClientProjectionCacheTests : CacheTestBase
{
    private static string Tag(string text, string prefix) => prefix + text;

    private sealed class Formatter(string mark)
    {
        public string Format(string text) => mark + text;
    }

    private IQueryable<string> Tagged(string prefix) => Orders.Select(o => Tag(o.Region, prefix));

    [Test]
    public void A_captured_value_of_the_client_part_is_rebound_on_a_cache_hit()
    {
        var first = Provider.Translate(Tagged("a:").Expression);
        var hits = Cache.Hits;

        var second = Provider.Translate(Tagged("b:").Expression);

        Assert.Multiple(() =>
        {
            Assert.That(Cache.Hits, Is.EqualTo(hits + 1), "the second execution was a cache hit");
            Assert.That(second.Relation, Is.EqualTo(first.Relation));
            Assert.That(first.Client!.Values, Is.EqualTo(new object[] { "a:" }));
            Assert.That(second.Client!.Values, Is.EqualTo(new object[] { "b:" }), "the second execution's own value");
            Assert.That(second.Client.Projection, Is.SameAs(first.Client.Projection), "the compiled part is shared");
        });
    }

    [Test]
    public void A_captured_object_used_only_by_the_client_part_is_cached_and_rebound()
    {
        IQueryable<string> Query(Formatter formatter) => Orders.Select(o => formatter.Format(o.Region));
        var one = new Formatter("1");
        var two = new Formatter("2");

        var translations = TranslationsDuring(() => Provider.Translate(Query(one).Expression));
        var second = Provider.Translate(Query(two).Expression);

        Assert.That(translations, Is.EqualTo(1));
        Assert.That(TranslationsDuring(() => Provider.Translate(Query(one).Expression)), Is.Zero, "the shape is cached");
        Assert.That(second.Client!.Values.Single(), Is.SameAs(two));
    }

    [Test]
    public void A_date_format_is_pinned_so_another_format_is_translated_again()
    {
        IQueryable<string> Query(string format) => Orders.Select(o => o.PlacedAt.ToString(format)).Distinct();

        var year = Query("yyyy").ToPlanString();
        var translations = TranslationsDuring(() => Query("MM").ToPlanString());
        var month = Query("MM").ToPlanString();

        Assert.That(translations, Is.EqualTo(1), "a new format is translated, not re-bound");
        Assert.That(year, Does.Contain("date_format(PlacedAt, 'yyyy')"));
        Assert.That(month, Does.Contain("date_format(PlacedAt, 'MM')"));
    }

    [Test]
    public void A_value_used_by_Spark_and_by_the_client_part_rebinds_in_both()
    {
        IQueryable<string> Query(string text) => Orders.Where(o => o.Region != text).Select(o => Tag(o.Region, text));

        Provider.Translate(Query("x").Expression);
        var hits = Cache.Hits;
        var second = Provider.Translate(Query("y").Expression);

        Assert.That(Cache.Hits, Is.EqualTo(hits + 1));
        Assert.That(second.Relation, Is.EqualTo(Fresh(Query("y"))));
        Assert.That(second.Client!.Values, Is.EqualTo(new object[] { "y" }));
    }
}
