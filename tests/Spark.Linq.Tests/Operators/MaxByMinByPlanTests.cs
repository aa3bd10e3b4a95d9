using System.Linq.Expressions;
using Spark.Linq.Query;
using Spark.Linq.Translation;

namespace Spark.Linq.Tests.Operators;

public class MaxByMinByPlanTests : PlanTestBase
{
    private TranslatedQuery Translate<TResult>(Expression<Func<IQueryable<Order>, TResult>> terminal)
    {
        var call = new ParameterToQuery(terminal.Parameters[0], Orders.Expression).Visit(terminal.Body)!;
        return ((SparkQueryProvider)Orders.Provider).Translate(call);
    }

    [Test]
    public void MaxBy_ending_a_query_sorts_by_the_key_descending_with_null_keys_last_and_takes_one_row()
    {
        var translated = Translate(q => q.Where(o => o.Shipped).MaxBy(o => o.Quantity));
        Assert.That(Plans.PlanPrinter.Print(translated.Relation), Is.EqualTo("""
            Limit 1
              Sort [Quantity DESC NULLS LAST]
                Filter Shipped
                  Read sales.orders
            """.Replace("\r", "")));
        Assert.That(translated.ResultKind, Is.EqualTo(QueryResultKind.FirstOrDefault), "no rows: null for a reference row type, as LINQ");
    }

    [Test]
    public void MinBy_breaks_ties_with_the_ordering_in_force_so_the_row_LINQ_would_return_comes_first()
    {
        var translated = Translate(q => q.OrderBy(o => o.PlacedAt).MinBy(o => o.Quantity));
        Assert.That(Plans.PlanPrinter.Print(translated.Relation), Is.EqualTo("""
            Limit 1
              Sort [Quantity ASC NULLS LAST, PlacedAt ASC NULLS FIRST]
                Read sales.orders
            """.Replace("\r", "")));
    }

    [Test]
    public void MaxBy_over_single_values_of_a_value_type_fails_on_no_rows_as_LINQ()
    {
        var translated = Translate(q => q.Select(o => o.Amount).MaxBy(a => -a));
        Assert.That(translated.ResultKind, Is.EqualTo(QueryResultKind.First));
    }

    [Test]
    public void A_member_of_a_groups_MaxBy_is_the_max_by_aggregate()
    {
        var query = Orders.GroupBy(o => o.Region).Select(g => new { g.Key, Biggest = g.MaxBy(o => o.Amount)!.Id, Smallest = g.MinBy(o => o.Amount)!.Id, N = g.Count() });
        AssertPlan(query, """
            Project [Key AS Key, max_by AS Biggest, min_by AS Smallest, count AS N]
              Aggregate [Region AS Key] [max_by(Id, Amount) AS max_by, min_by(Id, Amount) AS min_by, count(1) AS count]
                Read sales.orders
            """);
    }

    [Test]
    public void A_filter_inside_the_group_nulls_the_key_of_rows_it_drops_and_struct_members_extract_fields()
    {
        var query = Orders.GroupBy(o => o.Region).Select(g => g.Where(o => o.Shipped).MaxBy(o => o.PlacedAt)!.ShipTo.City);
        AssertPlan(query, """
            Project [max_by AS City]
              Aggregate [Region AS Key] [max_by(when(Shipped, ShipTo['City']), when(Shipped, PlacedAt)) AS max_by]
                Read sales.orders
            """);
    }

    [Test]
    public void A_whole_MaxBy_element_beside_aggregates_is_rejected_pointing_to_its_members()
    {
        var query = Orders.GroupBy(o => o.Region).Select(g => new { N = g.Count(), Top = g.MaxBy(o => o.Amount) });
        var e = Assert.Throws<SparkTranslationException>(() => query.ToPlanString())!;
        Assert.That(e.Message, Does.Contain("Read its members"));
    }

    private sealed class ParameterToQuery(ParameterExpression parameter, Expression query) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? query : node;
    }
}
