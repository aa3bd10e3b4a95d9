using System.Linq.Expressions;
using Spark.Linq.Query;
using Spark.Linq.Tests.Caching;

namespace Spark.Linq.Tests.SparkQueryables;

/// <summary>
/// Inside a lambda the tree records Spark's operator overloads, and a captured Spark query has its Spark static
/// type. After closure evaluation the tree must be the one an IQueryable-typed query gives: same plan, same cache
/// shape, no Spark overloads and no casts left for the translators.
/// </summary>
public class SubqueryNormalizationTests : CacheTestBase
{
    private ISparkQueryable<Customer> Customers => Spark.Table<Customer>("crm.customers");

    [Test]
    public void A_semi_join_through_an_overload_in_a_lambda_is_the_plain_querys_semi_join()
    {
        ISparkQueryable<Customer> typed = Customers;
        IQueryable<Customer> plain = Customers;
        AssertSameAsPlain(
            Orders.Where(o => typed.Where(c => c.Country == "DE").Select(c => c.Id).Distinct().Contains(o.CustomerId)),
            Orders.Where(o => plain.Where(c => c.Country == "DE").Select(c => c.Id).Distinct().Contains(o.CustomerId)),
            "Join LeftSemi");
    }

    [Test]
    public void A_correlated_Where_in_SelectMany_is_still_peeled_into_the_join_condition()
    {
        ISparkQueryable<Customer> typed = Customers;
        IQueryable<Customer> plain = Customers;
        AssertSameAsPlain(
            from o in Orders from c in typed.Where(c => c.Country != null).OrderBy(c => c.Name).ThenBy(c => c.Id).Where(c => c.Id == o.CustomerId) select new { o.Id, c.Name },
            from o in Orders from c in plain.Where(c => c.Country != null).OrderBy(c => c.Name).ThenBy(c => c.Id).Where(c => c.Id == o.CustomerId) select new { o.Id, c.Name },
            "Join Inner");
    }

    [Test]
    public void A_captured_Spark_typed_query_is_spliced_in_as_an_IQueryable_typed_one_is()
    {
        ISparkQueryable<Customer> typed = Customers.Where(c => c.Id == 1);
        IQueryable<Customer> plain = typed;
        AssertSameAsPlain(
            from o in Orders from c in typed.Where(c => c.Id == o.CustomerId) select new { o.Id, c.Name },
            from o in Orders from c in plain.Where(c => c.Id == o.CustomerId) select new { o.Id, c.Name },
            "Join Inner");
    }

    [Test]
    public void A_scalar_subquery_through_an_overload_is_the_plain_querys_cross_joined_aggregate()
    {
        var typed = Orders;
        IQueryable<Order> plain = Orders;
        AssertSameAsPlain(
            Orders.Where(o => o.Amount > typed.Where(x => x.Region == "EU").Take(100).Average(x => x.Amount)).Select(o => o.Id),
            Orders.Where(o => o.Amount > plain.Where(x => x.Region == "EU").Take(100).Average(x => x.Amount)).Select(o => o.Id),
            "Join Cross");
    }

    [Test]
    public void Typed_and_plain_subqueries_share_one_cache_entry_and_rebind_captured_values()
    {
        ISparkQueryable<Customer> typed = Customers;
        IQueryable<Customer> plain = Customers;
        var min = 3;
        _ = Orders.Where(o => plain.Where(c => c.Id > min).Any(c => c.Id == o.CustomerId)).ToRelation();
        min = 5;
        Assert.That(TranslationsDuring(() => Orders.Where(o => typed.Where(c => c.Id > min).Any(c => c.Id == o.CustomerId)).ToRelation()), Is.Zero,
            "the typed query has the plain one's shape");
        AssertRebinds(m => Orders.Where(o => typed.Where(c => c.Id > m).Any(c => c.Id == o.CustomerId)), 1, 2, 30);
    }

    [Test]
    public void A_Spark_cast_a_parent_needs_is_kept_and_translated_through()
    {
        // A conditional's branches must have its type, so the casts to ISparkQueryable stay; the translator then
        // rejects the conditional itself, exactly as for IQueryable-typed branches.
        var flag = DateTime.Now.Year > 2000;
        ISparkQueryable<Customer> typed = Customers;
        IQueryable<Customer> plain = Customers;
        var typedError = Assert.Throws<SparkTranslationException>(() =>
            Orders.Where(o => (flag ? typed.Where(c => c.Country == "DE") : typed.Where(c => c.Country == "FR")).Any(c => c.Id == o.CustomerId)).ToRelation())!;
        var plainError = Assert.Throws<SparkTranslationException>(() =>
            Orders.Where(o => (flag ? plain.Where(c => c.Country == "DE") : plain.Where(c => c.Country == "FR")).Any(c => c.Id == o.CustomerId)).ToRelation())!;
        Assert.That(typedError.OperatorName, Is.EqualTo(plainError.OperatorName));
        Assert.That(typedError.Reason, Is.EqualTo(plainError.Reason));
    }

    private void AssertSameAsPlain<T>(IQueryable<T> typed, IQueryable<T> plain, string expectedJoin)
    {
        var evaluated = ClosureEvaluator.Evaluate(typed.Expression);
        Assert.That(OperatorOverloadTests.OperatorTypes(typed.Expression), Does.Contain(typeof(SparkQueryableOperators)), "the overloads are in the tree before");
        Assert.That(OperatorOverloadTests.OperatorTypes(evaluated), Does.Not.Contain(typeof(SparkQueryableOperators)), "and gone after evaluation");
        Assert.That(SparkCasts(evaluated), Is.Zero, "no cast to a Spark type is left where Queryable accepts the query");
        Assert.That(evaluated.ToString(), Is.EqualTo(ClosureEvaluator.Evaluate(plain.Expression).ToString()));
        Assert.That(typed.ToRelation(), Is.EqualTo(Fresh(plain)));
        Assert.That(typed.ToPlanString(), Does.Contain(expectedJoin));
    }

    private static int SparkCasts(Expression expression)
    {
        var counter = new CastCounter();
        counter.Visit(expression);
        return counter.Count;
    }

    private sealed class CastCounter : ExpressionVisitor
    {
        public int Count { get; private set; }

        protected override Expression VisitUnary(UnaryExpression node)
        {
            if (node.NodeType == ExpressionType.Convert && node.Type.IsGenericType
                && node.Type.GetGenericTypeDefinition() is var definition && (definition == typeof(ISparkQueryable<>) || definition == typeof(ISparkOrderedQueryable<>)))
                Count++;
            return base.VisitUnary(node);
        }

        protected override Expression VisitExtension(Expression node) => node;
    }
}
