using Spark.Linq.Query.Caching;

namespace Spark.Linq.Tests.Caching;

public class CacheShapeTests : CacheTestBase
{
    [Test]
    public void Null_and_non_null_captured_values_are_different_shapes_and_each_rebinds()
    {
        IQueryable<Order> Query(string? note) => Orders.Where(o => o.Note == note);
        var isNull = Query(null).ToPlanString();
        var equal = Query("a").ToPlanString();
        Assert.That(isNull, Does.Contain("isnull(Note)"));
        Assert.That(equal, Does.Contain("(Note <=> 'a')"));
        Assert.That(TranslationsDuring(() =>
        {
            Assert.That(Query(null).ToRelation(), Is.EqualTo(Fresh(Query(null))));
            Assert.That(Query("b").ToRelation(), Is.EqualTo(Fresh(Query("b"))));
        }), Is.Zero);
    }

    [TestCase("gt")]
    [TestCase("ge")]
    [TestCase("member")]
    [TestCase("table")]
    [TestCase("alias")]
    [TestCase("sql")]
    [TestCase("constant")]
    [TestCase("descending")]
    public void Different_shapes_do_not_share_a_plan(string variant)
    {
        var v = 5;
        IQueryable<object> Query(string which) => which switch
        {
            "gt" => Orders.Where(o => o.CustomerId > v),
            "ge" => Orders.Where(o => o.CustomerId >= v),
            "member" => Orders.Where(o => o.Quantity > v),
            "table" => Spark.Table<Order>("other").Where(o => o.CustomerId > v),
            "alias" => Orders.Select(o => new { Other = o.CustomerId }),
            "sql" => Spark.Sql<Order>("SELECT 2"),
            "constant" => Orders.Where(o => o.CustomerId > 6),
            "descending" => Orders.OrderByDescending(o => o.CustomerId),
            _ => throw new ArgumentOutOfRangeException(nameof(which)),
        };
        // Every other variant is cached first; the variant under test must still get its own plan.
        foreach (var other in new[] { "gt", "ge", "member", "table", "alias", "sql", "constant", "descending" }.Where(o => o != variant))
            Query(other).ToRelation();
        var fresh = Fresh(Query(variant));
        Assert.That(TranslationsDuring(() => Assert.That(Query(variant).ToRelation(), Is.EqualTo(fresh))), Is.EqualTo(1));
    }

    [Test]
    public void Lambda_parameter_positions_are_part_of_the_shape()
    {
        var a = Shape(Orders.Where(o => o.Amount > 1).Select(o => new { o.Id, o.Amount }).Expression)!;
        var b = Shape(Orders.Where(x => x.Amount > 1).Select(y => new { y.Id, y.Amount }).Expression)!;
        var c = Shape(Orders.Select(o => new { o.Id, o.Amount }).Where(x => x.Amount > 1).Expression)!;
        Assert.That(a.Key, Is.EqualTo(b.Key), "parameter names do not matter");
        Assert.That(a.Key, Is.Not.EqualTo(c.Key));
    }

    [Test]
    public void Options_are_part_of_the_key()
    {
        var v = 1;
        var expression = Orders.Where(o => o.Quantity == v).Expression;
        Assert.That(Shape(expression)!.Key, Is.Not.EqualTo(Shape(expression, new SparkQueryOptions { NullSemantics = SparkNullSemantics.Sql })!.Key));
        Assert.That(Shape(expression)!.Key, Is.Not.EqualTo(Shape(expression, new SparkQueryOptions { NamingPolicy = ColumnNamingPolicy.SnakeCase })!.Key));
    }

    [Test]
    public void Decimal_constants_of_different_scale_are_different_shapes()
    {
        // Written in the query (not captured), so they are part of the shape, compared by representation.
        var a = Shape(Orders.Select(o => new { V = 1.0m }).Expression)!;
        var b = Shape(Orders.Select(o => new { V = 1.00m }).Expression)!;
        Assert.That(a.Key, Is.Not.EqualTo(b.Key));
        Assert.That(Shape(Orders.Select(o => new { V = -0.0 }).Expression)!.Key, Is.Not.EqualTo(Shape(Orders.Select(o => new { V = 0.0 }).Expression)!.Key));
        Orders.Select(o => new { V = 1.0m }).ToRelation();
        Assert.That(Orders.Select(o => new { V = 1.00m }).ToRelation(), Is.EqualTo(Fresh(Orders.Select(o => new { V = 1.00m }))));
    }

    [Test]
    public void A_decimal_converted_to_nullable_is_a_slot_and_keeps_its_own_scale()
    {
        // The Convert to decimal? is evaluated on the client, so the value is a slot re-bound with its own precision and scale.
        Orders.Where(o => o.Discount > 1.0m).ToRelation();
        Assert.That(TranslationsDuring(() =>
            Assert.That(Orders.Where(o => o.Discount > 1.00m).ToRelation(), Is.EqualTo(Fresh(Orders.Where(o => o.Discount > 1.00m))))), Is.Zero);
    }

    [Test]
    public void Captured_collections_decide_the_shape_and_are_compared_by_content()
    {
        IQueryable<Order> Query(List<int> ids) => Orders.Where(o => ids.Contains(o.CustomerId));
        var ids = new List<int> { 1, 2 };
        Query(ids).ToRelation();
        Assert.That(TranslationsDuring(() => Query([1, 2]).ToRelation()), Is.Zero, "same content, new list");
        ids.Add(3); // changing the list after it was cached must not change the cached key
        Assert.That(TranslationsDuring(() => Assert.That(Query(ids).ToRelation(), Is.EqualTo(Fresh(Query(ids))))), Is.EqualTo(1));
        Assert.That(TranslationsDuring(() => Assert.That(Query([1, 2]).ToRelation(), Is.EqualTo(Fresh(Query([1, 2]))))), Is.Zero);
    }

    [Test]
    public void A_captured_function_name_is_pinned_not_rebound()
    {
        IQueryable<object> Query(string function) => Orders.Select(o => new { V = SparkFunctions.Call<double>(function, o.Amount) });
        Assert.That(Query("abs").ToRelation(), Is.EqualTo(Fresh(Query("abs"))));
        Assert.That(TranslationsDuring(() => Assert.That(Query("sqrt").ToRelation(), Is.EqualTo(Fresh(Query("sqrt"))))), Is.EqualTo(1));
        Assert.That(TranslationsDuring(() => Assert.That(Query("sqrt").ToRelation(), Is.EqualTo(Fresh(Query("sqrt"))))), Is.Zero);
    }

    [Test]
    public void ElementAt_indexes_are_pinned_because_a_negative_index_changes_the_plan()
    {
        var query = Orders.OrderBy(o => o.Id);
        foreach (var index in new[] { 2, 3, -1, 2 })
        {
            var expected = FreshOf(System.Linq.Expressions.Expression.Call(typeof(Queryable), nameof(Queryable.ElementAtOrDefault), [typeof(Order)],
                query.Expression, System.Linq.Expressions.Expression.Constant(index)));
            var call = System.Linq.Expressions.Expression.Call(typeof(Queryable), nameof(Queryable.ElementAtOrDefault), [typeof(Order)],
                query.Expression, System.Linq.Expressions.Expression.Constant(index));
            Assert.That(Provider.Translate(call).Relation, Is.EqualTo(expected), $"index {index}");
        }
    }

    [Test]
    public void Changing_a_returned_plan_does_not_change_the_cached_one()
    {
        var v = 1;
        var first = Orders.Where(o => o.CustomerId == v).ToRelation();
        first.Filter.Condition.UnresolvedFunction.FunctionName = "tampered";
        first.Filter.Input.Read.NamedTable.UnparsedIdentifier = "tampered";
        var second = Orders.Where(o => o.CustomerId == v).ToRelation();
        Assert.That(second, Is.EqualTo(Fresh(Orders.Where(o => o.CustomerId == v))));
        second.Filter.Condition.UnresolvedFunction.Arguments[1].Literal.Integer = 99;
        Assert.That(Orders.Where(o => o.CustomerId == v).ToRelation(), Is.EqualTo(Fresh(Orders.Where(o => o.CustomerId == v))));
    }

    [Test]
    public void The_cache_is_bounded_and_drops_the_least_recently_used_shape()
    {
        var cache = new TranslationCache(capacity: 3);
        var options = Spark.QueryOptions;
        System.Linq.Expressions.Expression Query(int n) => Spark.Table<Order>($"t{n}").Expression;
        foreach (var n in new[] { 1, 2, 3 }) cache.Translate(Query(n), options);
        cache.Translate(Query(1), options); // 1 is now the most recent
        cache.Translate(Query(4), options); // drops 2
        Assert.That(cache.Count, Is.EqualTo(3));
        var translations = cache.Translations;
        cache.Translate(Query(1), options);
        cache.Translate(Query(3), options);
        cache.Translate(Query(4), options);
        Assert.That(cache.Translations, Is.EqualTo(translations), "1, 3 and 4 are still cached");
        cache.Translate(Query(2), options);
        Assert.That(cache.Translations, Is.EqualTo(translations + 1), "2 was dropped");
    }

    [Test]
    public void Queries_over_local_queryables_are_not_cached_but_still_rejected_each_time()
    {
        var local = new[] { 1, 2 }.AsQueryable();
        var query = Orders.Where(o => local.Any(l => l == o.CustomerId));
        Assert.Throws<SparkTranslationException>(() => query.ToRelation());
        Assert.That(TranslationsDuring(() => Assert.Throws<SparkTranslationException>(() => query.ToRelation())), Is.EqualTo(1));
        Assert.That(Cache.Count, Is.Zero);
    }

    [Test]
    public void Concurrent_queries_from_many_threads_get_their_own_values()
    {
        IQueryable<Order> Query(int i) => Orders.Where(o => o.CustomerId == i && o.Region == "r" + i).OrderBy(o => o.Id).Take(i % 7);
        var expected = Enumerable.Range(0, 400).Select(i => Fresh(Query(i))).ToArray();
        var wrong = 0;
        Parallel.For(0, 4000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, k =>
        {
            var i = k % 400;
            if (!Query(i).ToRelation().Equals(expected[i])) Interlocked.Increment(ref wrong);
        });
        Assert.Multiple(() =>
        {
            Assert.That(wrong, Is.Zero);
            Assert.That(Cache.Count, Is.EqualTo(1));
            Assert.That(Cache.Hits, Is.GreaterThanOrEqualTo(4000 - 8), "at most one translation per thread before the shape was stored");
        });
    }
}

public class SqlNullSemanticsCacheTests : CacheTestBase
{
    protected override SparkSessionOptions Options
    {
        get
        {
            var options = base.Options;
            options.NullSemantics = SparkNullSemantics.Sql;
            return options;
        }
    }

    [Test]
    public void Nullable_captured_value_null_then_value_under_sql_null_semantics()
    {
        IQueryable<Order> Query(int? q) => Orders.Where(o => o.Quantity == q);
        Assert.That(Query(null).ToRelation(), Is.EqualTo(Fresh(Query(null))));
        Assert.That(Query(3).ToRelation(), Is.EqualTo(Fresh(Query(3))));
        Assert.That(TranslationsDuring(() => Assert.That(Query(4).ToRelation(), Is.EqualTo(Fresh(Query(4))))), Is.Zero);
    }
}

public class CacheRootTests : CacheTestBase
{
    [Test]
    public void A_table_and_a_sql_text_with_the_same_string_do_not_share_a_plan()
    {
        var table = Spark.Table<Order>("SELECT 1");
        var sql = Spark.Sql<Order>("SELECT 1");
        Assert.That(Shape(table.Expression)!.Key, Is.Not.EqualTo(Shape(sql.Expression)!.Key));
        table.ToRelation();
        Assert.That(sql.ToRelation().RelTypeCase, Is.EqualTo(global::Spark.Connect.Protocol.Relation.RelTypeOneofCase.Sql));
    }

    [Test]
    public void Sql_arguments_with_other_names_or_null_values_are_other_shapes()
    {
        IQueryable<Order> Query(object args) => Spark.Sql<Order>("SELECT * FROM t WHERE a = :a", args);
        Assert.That(Shape(Query(new { a = 1 }).Expression)!.Key, Is.Not.EqualTo(Shape(Query(new { b = 1 }).Expression)!.Key));
        Assert.That(Shape(Query(new { a = 1 }).Expression)!.Key, Is.Not.EqualTo(Shape(Query(new { a = 1L }).Expression)!.Key), "another literal type");
        Assert.That(Shape(Query(new Dictionary<string, object?> { ["a"] = null }).Expression)!.Key, Is.Not.EqualTo(Shape(Query(new { a = "x" }).Expression)!.Key));
        Assert.That(Query(new { a = 1L }).ToRelation(), Is.EqualTo(Fresh(Query(new { a = 1L }))));
        Assert.That(Query(new { a = 1 }).ToRelation(), Is.EqualTo(Fresh(Query(new { a = 1 }))));
    }

    [Test]
    public void A_failed_translation_is_not_cached_and_fails_again()
    {
        var big = 5.0;
        IQueryable<Order> Query() => Orders.Where(o => o.Amount > big).Reverse();
        Assert.Throws<SparkTranslationException>(() => Query().ToRelation());
        Assert.Throws<SparkTranslationException>(() => Query().ToRelation());
        Assert.That(Cache.Count, Is.Zero);
    }
}
