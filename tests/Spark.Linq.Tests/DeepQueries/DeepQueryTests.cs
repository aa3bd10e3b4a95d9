using System.Linq.Expressions;
using Google.Protobuf;
using Spark.Connect;
using Relation = Spark.Connect.Protocol.Relation;
using Spark.Linq.Tests.Caching;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Tests.DeepQueries;

/// <summary>
/// Deep queries translated in process: long || and &amp;&amp; chains become balanced conditions that keep their
/// operands in order, chains of operators translate up to what Spark's server reads, and anything deeper is
/// a <see cref="SparkTranslationException"/> naming the limit. (The cases that would overflow the stack if
/// this regressed run in a child process: <see cref="DeepQueryProcessTests"/>.)
/// </summary>
public sealed class DeepQueryTests : CacheTestBase
{
    [Test]
    public void Two_hundred_ors_become_a_balanced_condition_with_every_comparison_in_order()
    {
        var ids = Enumerable.Range(0, 200).Select(i => (long)i * 3).ToList();
        var condition = Orders.Where(AnyOf(ids.Select(id => (Expression)Expression.Constant(id)))).ToRelation().Filter.Condition;

        Assert.That(condition.UnresolvedFunction.FunctionName, Is.EqualTo("or"));
        Assert.That(Literals(condition), Is.EqualTo(ids), "the comparisons, left to right");
        // A chain as deep as it is long would nest 200 calls; balanced, it nests ceil(log2(200)) = 8.
        Assert.That(Nesting(condition, "or"), Is.EqualTo(8));
    }

    [TestCase(8, 7)]
    [TestCase(9, 4)]
    public void Chains_of_up_to_eight_keep_the_shape_they_were_written_in(int comparisons, int nesting)
    {
        var ids = Enumerable.Range(0, comparisons).Select(i => (Expression)Expression.Constant((long)i));
        var condition = Orders.Where(AnyOf(ids)).ToRelation().Filter.Condition;

        Assert.That(Nesting(condition, "or"), Is.EqualTo(nesting));
        Assert.That(Literals(condition), Is.EqualTo(Enumerable.Range(0, comparisons).Select(i => (long)i)));
    }

    [Test]
    public void Long_and_chains_of_nullable_bools_stay_lifted_and_balanced()
    {
        var order = Expression.Parameter(typeof(Order), "o");
        var quantity = Expression.Property(order, nameof(Order.Quantity));
        Expression body = Expression.Equal(quantity, Expression.Constant(0, typeof(int?)), liftToNull: true, method: null);
        for (var i = 1; i < 20; i++)
            body = Expression.And(body, Expression.Equal(quantity, Expression.Constant(i, typeof(int?)), liftToNull: true, method: null));
        var predicate = Expression.Lambda<Func<Order, bool>>(Expression.Coalesce(body, Expression.Constant(false)), order);

        var condition = Orders.Where(predicate).ToRelation().Filter.Condition;

        Assert.That(condition.UnresolvedFunction.FunctionName, Is.EqualTo("coalesce"));
        var chain = condition.UnresolvedFunction.Arguments[0];
        Assert.That(Nesting(chain, "and"), Is.EqualTo(5), "ceil(log2(20))");
        Assert.That(Literals(chain), Is.EqualTo(Enumerable.Range(0, 20)));
    }

    [Test]
    public void Three_hundred_chained_wheres_translate_to_three_hundred_filters()
    {
        var relation = Chain(Orders, 300).ToRelation();

        var filters = 0;
        for (var r = relation; r.RelTypeCase == Relation.RelTypeOneofCase.Filter; r = r.Filter.Input) filters++;
        Assert.That(filters, Is.EqualTo(300));
    }

    [Test]
    public void Chained_wheres_deeper_than_the_server_reads_are_refused_naming_MaxPlanDepth()
    {
        var error = Assert.Throws<SparkTranslationException>(() => Chain(Orders, 600).ToRelation())!;

        Assert.That(error.Message, Does.Contain("more than the 1,024 a Spark Connect server reads")
            .And.Contain("SparkConnectClientOptions.MaxPlanDepth"));
    }

    [Test]
    public async Task Raising_MaxPlanDepth_lets_deeper_plans_translate()
    {
        await using var spark = SparkSession.Connect(new SparkSessionOptions
        {
            ConnectionString = "sc://localhost",
            Client = new SparkConnectClientOptions { TransportFactory = _ => new NoNetworkTransport(), MaxPlanDepth = 4096 },
        });

        Assert.That(DecodingDepth(Chain(spark.Table<Order>(), 600).ToRelation()), Is.GreaterThan(1024));
    }

    [Test]
    public void Queries_deeper_than_the_expression_limit_are_refused_before_translation()
    {
        var order = Expression.Parameter(typeof(Order), "o");
        Expression sum = Expression.Property(order, nameof(Order.Id));
        for (var i = 0; i < 1200; i++) sum = Expression.Add(sum, Expression.Constant(1L));

        var error = Assert.Throws<SparkTranslationException>(() => Orders.Select(Expression.Lambda<Func<Order, long>>(sum, order)).ToRelation())!;

        Assert.That(error.Message, Does.Contain("more than 1,000 levels deep"));
        Assert.That(Cache.Count, Is.Zero, "nothing was cached");
    }

    [Test]
    public void A_spark_query_spliced_into_another_counts_towards_its_depth()
    {
        var inner = Chain(Orders, 400);
        // The inner query sits 650 operators down the outer one, so its 400 levels come on top of those.
        var outer = Chain(Orders.Where(o => inner.Any(i => i.Id == o.Id)), 650);
        // Alone, a chain as long as the outer one is within the expression limit (only its plan is too deep for the server).
        Assert.That(Assert.Throws<SparkTranslationException>(() => Chain(Orders, 651).ToRelation())!.Message, Does.Contain("MaxPlanDepth"));

        var error = Assert.Throws<SparkTranslationException>(() => outer.ToRelation())!;

        Assert.That(error.Message, Does.Contain("more than 1,000 levels deep"));
    }

    [Test]
    public void A_deep_cached_query_rebinds_every_captured_value()
    {
        var values = Enumerable.Range(0, 120).Select(i => new Captured(i)).ToList();
        IQueryable<Order> Build(long offset)
        {
            foreach (var (value, i) in values.Select((v, i) => (v, i))) value.Value = offset + i;
            return Chain(Orders.Where(AnyOf(values.Select(v => (Expression)Expression.Property(Expression.Constant(v), nameof(Captured.Value))))), 100);
        }

        AssertRebinds(Build, 0L, 1000L, 5000L);
    }

    /// <summary><c>o =&gt; o.Id == a || o.Id == b || …</c>, each value adding one || on top, as predicate builders do.</summary>
    private static Expression<Func<Order, bool>> AnyOf(IEnumerable<Expression> values)
    {
        var order = Expression.Parameter(typeof(Order), "o");
        var id = Expression.Property(order, nameof(Order.Id));
        Expression? body = null;
        foreach (var value in values)
        {
            var comparison = Expression.Equal(id, value);
            body = body is null ? comparison : Expression.OrElse(body, comparison);
        }
        return Expression.Lambda<Func<Order, bool>>(body!, order);
    }

    private static IQueryable<Order> Chain(IQueryable<Order> orders, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var id = (long)i;
            orders = orders.Where(o => o.Id != id);
        }
        return orders;
    }

    /// <summary>The literal values under <paramref name="expression"/>, left to right.</summary>
    private static List<object> Literals(SparkExpression expression)
    {
        var values = new List<object>();
        var pending = new Stack<SparkExpression>();
        pending.Push(expression);
        while (pending.TryPop(out var e))
        {
            if (e.ExprTypeCase == SparkExpression.ExprTypeOneofCase.Literal)
                values.Add(e.Literal.LiteralTypeCase == SparkExpression.Types.Literal.LiteralTypeOneofCase.Long ? e.Literal.Long : e.Literal.Integer);
            else if (e.ExprTypeCase == SparkExpression.ExprTypeOneofCase.UnresolvedFunction)
                foreach (var argument in e.UnresolvedFunction.Arguments.Reverse()) pending.Push(argument);
            else if (e.ExprTypeCase == SparkExpression.ExprTypeOneofCase.Cast)
                pending.Push(e.Cast.Expr);
        }
        return values;
    }

    /// <summary>How many calls of <paramref name="function"/> nest on the deepest path from <paramref name="expression"/>.</summary>
    private static int Nesting(SparkExpression expression, string function) =>
        expression.ExprTypeCase == SparkExpression.ExprTypeOneofCase.UnresolvedFunction && expression.UnresolvedFunction.FunctionName == function
            ? 1 + expression.UnresolvedFunction.Arguments.Max(a => Nesting(a, function))
            : 0;

    /// <summary>The smallest recursion limit with which protobuf's parser reads <paramref name="relation"/>.</summary>
    private static int DecodingDepth(Relation relation)
    {
        var bytes = relation.ToByteArray();
        var limit = 1;
        while (!Decodes(bytes, limit)) limit++;
        return limit;
    }

    private static bool Decodes(byte[] bytes, int limit)
    {
        try
        {
            Relation.Parser.ParseFrom(CodedInputStream.CreateWithLimits(new MemoryStream(bytes), int.MaxValue, limit));
            return true;
        }
        catch (InvalidProtocolBufferException)
        {
            return false;
        }
    }

    private sealed class Captured(long value)
    {
        public long Value { get; set; } = value;
    }
}
