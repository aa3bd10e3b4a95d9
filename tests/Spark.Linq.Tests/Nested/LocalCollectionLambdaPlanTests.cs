using Spark.Linq.Tests.Caching;

namespace Spark.Linq.Tests.Nested;

/// <summary>Lambdas over captured local collections that read the row: the collection is an array of literals.</summary>
public class LocalCollectionLambdaPlanTests : NestedPlanTestBase
{
    [Test]
    public void A_local_list_with_a_row_reading_lambda_is_an_array_literal_under_the_array_operator()
    {
        var prefixes = new List<string> { "a", "b" };
        Assert.That(Plan(c => prefixes.Any(p => c.Items.Contains(p))), Does.StartWith("exists(array('a', 'b'), x_1 -> "));
        var limits = new[] { 1, 5, 9 };
        Assert.That(Plan(c => limits.Where(v => v > c.Size).Count()), Is.EqualTo("size(filter(array(1, 5, 9), x_1 -> (x_1 > Size)))"));
        Assert.That(Plan(c => limits.All(v => v != c.Size)), Is.EqualTo("forall(array(1, 5, 9), x_1 -> not((x_1 == Size)))"));
    }

    [Test]
    public void An_empty_local_collection_is_a_typed_empty_array()
    {
        var none = new List<int>();
        var exists = Expression(c => none.Any(v => v == c.Size)).UnresolvedFunction;
        Assert.That(Plans.ExpressionPrinter.Print(exists.Arguments[0]), Is.EqualTo("CAST(array() AS array)"));
        Assert.That(exists.Arguments[0].Cast.Type.Array.ElementType.KindCase, Is.EqualTo(global::Spark.Connect.Protocol.DataType.KindOneofCase.Integer),
            "array() alone has no element type");
    }
}

/// <summary>
/// A captured collection's values (and a captured Skip/Take count) shape the plan, so the cache keys on them (as for
/// <c>list.Contains(x.Col)</c>): another list is translated afresh with its own literals, an equal one is a cache hit.
/// </summary>
public class LocalCollectionLambdaCacheTests : CacheTestBase
{
    private IQueryable<Cart> Carts => Spark.Table<Cart>();

    /// <summary>Each value's plan is its own; the last one again (the cache keeps the newest) is a cache hit.</summary>
    private void AssertOwnPlans<TValue>(Func<TValue, IQueryable<Cart>> build, TValue repeated, params TValue[] values)
    {
        foreach (var value in values)
            Assert.That(build(value).ToRelation(), Is.EqualTo(Fresh(build(value))), $"plan for {value}");
        Assert.That(TranslationsDuring(() => build(repeated).ToRelation()), Is.Zero, "an equal value is a cache hit");
    }

    [Test]
    public void Different_lists_give_their_own_literals()
    {
        AssertOwnPlans(list => Carts.Where(c => list.Any(p => c.Items.Contains(p))), new List<string> { "b", "c" },
            new List<string> { "a" }, new List<string>(), new List<string> { "b", "c" });
        var plan = Plans.ExpressionPrinter.Print(Carts.Where(c => new List<string> { "z", "y" }.Any(p => c.Items.Contains(p))).ToRelation().Filter.Condition);
        Assert.That(plan, Does.StartWith("exists(array('z', 'y'), "));
    }

    [Test]
    public void Different_counts_give_their_own_slices() =>
        AssertOwnPlans(n => Carts.Where(c => c.Counts.Skip(n).Take(n).Any()), 3, 1, -2, 3);
}
