using System.Linq.Expressions;
using Spark.Linq.Query;

namespace Spark.Linq.Tests.SparkQueryables;

/// <summary>
/// The ISparkQueryable overloads of the operators: they bind for method and query syntax (the typed locals below
/// are the compile-time half of each test), keep the Spark type, and build exactly the trees and plans the
/// Queryable operators build.
/// </summary>
public class OperatorOverloadTests : PlanTestBase
{
    private ISparkQueryable<Customer> Customers => Spark.Table<Customer>("crm.customers");

    [Test]
    public void Filtering_ordering_paging_and_set_operators_build_the_plan_of_their_Queryable_twins()
    {
        ISparkQueryable<string> typed = Orders.Where(o => o.Amount > 5).OrderBy(o => o.Region).ThenByDescending(o => o.Id).Skip(2).Take(10)
            .Select(o => o.Region).Distinct().Union(Customers.Select(c => c.Name)).Concat(Customers.Select(c => c.Name))
            .Except(Customers.Select(c => c.Name)).Intersect(Orders.Select(o => o.Region));
        IQueryable<Order> orders = Orders;
        IQueryable<Customer> customers = Customers;
        var plain = Queryable.Intersect(Queryable.Except(Queryable.Concat(Queryable.Union(Queryable.Distinct(Queryable.Select(
            Queryable.Take(Queryable.Skip(Queryable.ThenByDescending(Queryable.OrderBy(Queryable.Where(orders, o => o.Amount > 5), o => o.Region), o => o.Id), 2), 10),
            o => o.Region)), customers.Select(c => c.Name)), customers.Select(c => c.Name)), customers.Select(c => c.Name)), orders.Select(o => o.Region));

        AssertSameQuery(typed, plain);
    }

    [Test]
    public void Every_GroupBy_overload_builds_the_plan_of_its_Queryable_twin()
    {
        IQueryable<Order> orders = Orders;
        AssertSameQuery(Orders.GroupBy(o => o.Region).Select(g => new { g.Key, N = g.Count() }),
            orders.GroupBy(o => o.Region).Select(g => new { g.Key, N = g.Count() }));
        AssertSameQuery(Orders.GroupBy(o => o.Region, o => o.Amount).Select(g => new { g.Key, Total = g.Sum() }),
            orders.GroupBy(o => o.Region, o => o.Amount).Select(g => new { g.Key, Total = g.Sum() }));
        AssertSameQuery(Orders.GroupBy(o => o.Region, (k, g) => new { k, N = g.Count() }),
            orders.GroupBy(o => o.Region, (k, g) => new { k, N = g.Count() }));
        AssertSameQuery(Orders.GroupBy(o => o.Region, o => o.Amount, (k, g) => new { k, Top = g.Max() }),
            orders.GroupBy(o => o.Region, o => o.Amount, (k, g) => new { k, Top = g.Max() }));
    }

    [Test]
    public void Query_syntax_joins_keep_the_Spark_type_and_the_plan()
    {
        ISparkQueryable<string> typed =
            from o in Orders
            join c in Customers on o.CustomerId equals c.Id
            join l in Customers on o.CustomerId equals l.Id into matches
            from l in matches.DefaultIfEmpty()
            from x in Customers
            let name = c.Name + x.Name
            where o.Amount > 1
            orderby o.Id, name descending
            select name;
        IQueryable<Order> orders = Orders;
        IQueryable<Customer> customers = Customers;
        var plain =
            from o in orders
            join c in customers on o.CustomerId equals c.Id
            join l in customers on o.CustomerId equals l.Id into matches
            from l in matches.DefaultIfEmpty()
            from x in customers
            let name = c.Name + x.Name
            where o.Amount > 1
            orderby o.Id, name descending
            select name;

        AssertSameQuery(typed, plain);
    }

    [Test]
    public void LeftJoin_and_RightJoin_keep_the_Spark_type_and_the_plan()
    {
        IQueryable<Order> orders = Orders;
        AssertSameQuery(Orders.LeftJoin(Customers, o => o.CustomerId, c => c.Id, (o, c) => new { o.Id, c!.Name }),
            orders.LeftJoin(Customers, o => o.CustomerId, c => c.Id, (o, c) => new { o.Id, c!.Name }));
        AssertSameQuery(Orders.RightJoin(Customers, o => o.CustomerId, c => c.Id, (o, c) => new { o!.Id, c.Name }),
            orders.RightJoin(Customers, o => o.CustomerId, c => c.Id, (o, c) => new { o!.Id, c.Name }));
    }

    [Test]
    public void ThenBy_is_offered_after_OrderBy_and_keeps_the_ordered_Spark_type()
    {
        ISparkOrderedQueryable<Order> ordered = Orders.OrderByDescending(o => o.Amount).ThenBy(o => o.Region).ThenByDescending(o => o.Id);
        Assert.That(ordered.ToPlanString(), Does.StartWith("Sort [Amount DESC NULLS LAST, Region ASC NULLS FIRST, Id DESC NULLS LAST]"));
    }

    [Test]
    public void AsSparkQueryable_returns_a_Spark_query_itself_and_refuses_other_providers()
    {
        IQueryable<Order> plain = Orders.Where(o => o.Amount > 1);
        Assert.That(plain.AsSparkQueryable(), Is.SameAs(plain));

        var error = Assert.Throws<ArgumentException>(() => new[] { 1, 2 }.AsQueryable().AsSparkQueryable())!;
        Assert.That(error.Message, Does.Contain("not a Spark.Linq query").And.Contain("EnumerableQuery"));
        Assert.That(error.ParamName, Is.EqualTo("source"));
    }

    [Test]
    public void Every_operator_overload_has_a_Queryable_twin_of_the_same_shape()
    {
        var operators = typeof(SparkQueryableOperators).GetMethods().Where(m => m.IsStatic && m.Name != nameof(SparkQueryableOperators.AsSparkQueryable)).ToList();
        // FullJoin has no Queryable operator: its Spark form maps to its own IQueryable form.
        var fullJoin = typeof(SparkFullJoinOperators).GetMethods().Single(m => m.ReturnType.IsGenericType && m.ReturnType.GetGenericTypeDefinition() == typeof(ISparkQueryable<>));
        Assert.That(operators, Has.Count.EqualTo(SparkOperatorNormalizer.Twins.Count - 1));
        foreach (var method in operators.Append(fullJoin))
        {
            var twin = SparkOperatorNormalizer.Twins[method];
            var owner = method == fullJoin ? typeof(SparkFullJoinOperators) : typeof(Queryable);
            Assert.That((twin.DeclaringType, twin.Name, twin.GetParameters().Length), Is.EqualTo((owner, method.Name, method.GetParameters().Length)), method.ToString());
            Assert.That(twin.GetParameters()[0].ParameterType.GetGenericTypeDefinition(), Is.AnyOf(typeof(IQueryable<>), typeof(IOrderedQueryable<>)), method.ToString());
        }
    }

    private static void AssertSameQuery<T>(IQueryable<T> typed, IQueryable<T> plain)
    {
        Assert.That(typed.ToPlanJson(), Is.EqualTo(plain.ToPlanJson()));
        // Outside lambdas the overloads build Queryable's own calls.
        Assert.That(OperatorTypes(typed.Expression), Is.EquivalentTo(OperatorTypes(plain.Expression)));
        Assert.That(OperatorTypes(typed.Expression), Does.Not.Contain(typeof(SparkQueryableOperators)));
    }

    /// <summary>The types declaring the methods called anywhere in the tree, lambdas included.</summary>
    internal static HashSet<Type?> OperatorTypes(Expression expression)
    {
        var finder = new CallFinder();
        finder.Visit(expression);
        return finder.Types;
    }

    private sealed class CallFinder : ExpressionVisitor
    {
        public HashSet<Type?> Types { get; } = [];

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            Types.Add(node.Method.DeclaringType);
            return base.VisitMethodCall(node);
        }

        protected override Expression VisitExtension(Expression node) => node;
    }
}
