using Spark.Linq.Query;

namespace Spark.Linq.Tests;

/// <summary>Terminal operators: the plan each would run, read through the provider (no execution).</summary>
public class TerminalPlanTests : PlanTestBase
{
    private string Plan<TResult>(System.Linq.Expressions.Expression<Func<IQueryable<Order>, TResult>> terminal)
    {
        var call = (System.Linq.Expressions.MethodCallExpression)new RootReplacer(Orders.Expression).Visit(terminal.Body)!;
        var provider = (SparkQueryProvider)Orders.Provider;
        return global::Spark.Linq.Plans.PlanPrinter.Print(provider.Translate(call).Relation);
    }

    private static string Dedent(string text)
    {
        var lines = text.Split('\n');
        var indent = lines.Min(l => l.Length - l.TrimStart().Length);
        return string.Join("\n", lines.Select(l => l[Math.Min(indent, l.Length - l.TrimStart().Length)..]));
    }

    [Test]
    public void First_fetches_one_row() =>
        Assert.That(Plan(q => q.First(o => o.Shipped)), Is.EqualTo(Dedent("""
            Limit 1
              Filter Shipped
                Read sales.orders
            """)));

    [Test]
    public void Single_fetches_two_rows_to_detect_a_second() =>
        Assert.That(Plan(q => q.Single()), Is.EqualTo(Dedent("""
            Limit 2
              Read sales.orders
            """)));

    [Test]
    public void Last_reverses_the_ordering_including_null_placement() =>
        Assert.That(Plan(q => q.OrderBy(o => o.Region).ThenByDescending(o => o.Quantity).Last()), Is.EqualTo(Dedent("""
            Limit 1
              Sort [Region DESC NULLS LAST, Quantity ASC NULLS FIRST]
                Sort [Region ASC NULLS FIRST, Quantity DESC NULLS LAST]
                  Read sales.orders
            """)));

    [Test]
    public void Last_without_ordering_is_rejected()
    {
        var error = Assert.Throws<SparkTranslationException>(() => Plan(q => q.Last()));
        Assert.That(error!.Message, Does.Contain("OrderBy"));
    }

    [Test]
    public void ElementAt_offsets_then_takes_one() =>
        Assert.That(Plan(q => q.ElementAt(4)), Is.EqualTo(Dedent("""
            Limit 1
              Offset 4
                Read sales.orders
            """)));

    [Test]
    public void Count_with_a_predicate_is_a_global_aggregate() =>
        Assert.That(Plan(q => q.Count(o => o.Amount > 5)), Is.EqualTo(Dedent("""
            Aggregate [] [count(1) AS count]
              Filter (Amount > 5D)
                Read sales.orders
            """)));

    [Test]
    public void Any_stops_at_the_first_row() =>
        Assert.That(Plan(q => q.Any()), Is.EqualTo(Dedent("""
            Aggregate [] [(count(1) > 0) AS any]
              Limit 1
                Read sales.orders
            """)));

    [Test]
    public void All_looks_for_one_counterexample() =>
        Assert.That(Plan(q => q.All(o => o.Amount > 0)), Is.EqualTo(Dedent("""
            Aggregate [] [(count(1) == 0) AS all]
              Limit 1
                Filter not((Amount > 0D))
                  Read sales.orders
            """)));

    [Test]
    public void Sum_of_nothing_is_zero_and_keeps_the_csharp_type() =>
        Assert.That(Plan(q => q.Sum(o => o.CustomerId)), Is.EqualTo(Dedent("""
            Aggregate [] [CAST(coalesce(sum(customer_id), 0) AS integer) AS sum]
              Read sales.orders
            """)));

    [Test]
    public void Average_max_and_min_use_spark_aggregates()
    {
        Assert.That(Plan(q => q.Average(o => o.Amount)), Does.StartWith("Aggregate [] [avg(Amount) AS average]"));
        Assert.That(Plan(q => q.Max(o => o.Quantity)), Does.StartWith("Aggregate [] [max(Quantity) AS max]"));
        Assert.That(Plan(q => q.Select(o => o.Amount).Min()), Does.StartWith("Aggregate [] [min(Amount) AS min]"));
    }

    [Test]
    public void Contains_on_a_projected_sequence_tests_for_a_match() =>
        Assert.That(Plan(q => q.Select(o => o.Region).Contains("EMEA")), Is.EqualTo(Dedent("""
            Aggregate [] [(count(1) > 0) AS contains]
              Limit 1
                Filter (Region <=> 'EMEA')
                  Project [Region AS Region]
                    Read sales.orders
            """)));

    /// <summary>Puts the session's Orders root in place of the lambda's parameter.</summary>
    private sealed class RootReplacer(System.Linq.Expressions.Expression root) : System.Linq.Expressions.ExpressionVisitor
    {
        protected override System.Linq.Expressions.Expression VisitParameter(System.Linq.Expressions.ParameterExpression node) =>
            node.Type == typeof(IQueryable<Order>) ? root : node;
    }
}
