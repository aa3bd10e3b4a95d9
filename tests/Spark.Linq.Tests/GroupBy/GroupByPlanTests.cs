namespace Spark.Linq.Tests.GroupBy;

public class GroupByPlanTests : PlanTestBase
{
    [Test]
    public void Group_by_a_member_aggregates_then_projects()
    {
        var query = Orders.GroupBy(o => o.Region).Select(g => new { Region = g.Key, Count = g.Count(), Total = g.Sum(o => o.Amount) });
        AssertPlan(query, """
            Project [Key AS Region, count AS Count, sum AS Total]
              Aggregate [Region AS Key] [count(1) AS count, sum(Amount) AS sum]
                Read sales.orders
            """);
    }

    [Test]
    public void Group_by_a_composite_key_groups_by_each_member_and_reads_key_members()
    {
        var query = Orders.GroupBy(o => new { o.Region, o.PlacedAt.Year })
            .Select(g => new { g.Key.Region, g.Key.Year, Max = g.Max(o => o.Amount), Avg = g.Average(o => o.CustomerId) });
        AssertPlan(query, """
            Project [Region AS Region, Year AS Year, max AS Max, avg AS Avg]
              Aggregate [Region AS Region, year(PlacedAt) AS Year] [max(Amount) AS max, avg(customer_id) AS avg]
                Read sales.orders
            """);
    }

    [Test]
    public void Group_by_a_computed_key()
    {
        var query = Orders.GroupBy(o => o.Region.ToUpper()).Select(g => new { g.Key, Min = g.Min(o => o.PlacedAt) });
        AssertPlan(query, """
            Project [Key AS Key, min AS Min]
              Aggregate [upper(Region) AS Key] [min(PlacedAt) AS min]
                Read sales.orders
            """);
    }

    [Test]
    public void Selecting_a_composite_key_yields_its_members_as_columns()
    {
        var query = Orders.GroupBy(o => new { o.Region, o.Shipped }).Select(g => g.Key);
        AssertPlan(query, """
            Project [Region AS Region, Shipped AS Shipped]
              Aggregate [Region AS Region, Shipped AS Shipped] []
                Read sales.orders
            """);
    }

    [Test]
    public void Where_after_GroupBy_filters_the_aggregate_and_shares_aggregates_with_the_projection()
    {
        var query = Orders.GroupBy(o => o.Region).Where(g => g.Count() > 2)
            .OrderByDescending(g => g.Sum(o => o.Amount)).Take(3)
            .Select(g => new { g.Key, N = g.Count(), Total = g.Sum(o => o.Amount) });
        AssertPlan(query, """
            Project [Key AS Key, count AS N, sum AS Total]
              Limit 3
                Sort [sum DESC NULLS LAST]
                  Filter (count > 2)
                    Aggregate [Region AS Key] [count(1) AS count, sum(Amount) AS sum]
                      Read sales.orders
            """);
    }

    [Test]
    public void Conditional_distinct_and_nullable_aggregates()
    {
        var threshold = 100.0;
        var query = Orders.GroupBy(o => o.Region).Select(g => new
        {
            Big = g.Count(o => o.Amount > threshold),
            Customers = g.Select(o => o.CustomerId).Distinct().Count(),
            Quantity = g.Sum(o => o.Quantity),
            Shipped = g.Sum(o => o.Shipped ? o.Amount : 0),
            Filtered = g.Where(o => o.Shipped).Sum(o => o.Amount),
        });
        AssertPlan(query, """
            Project [count AS Big, count_1 AS Customers, sum AS Quantity, sum_1 AS Shipped, sum_2 AS Filtered]
              Aggregate [Region AS Key] [count_if((Amount > 100D)) AS count, count(DISTINCT customer_id) AS count_1, CAST(coalesce(sum(Quantity), 0) AS integer) AS sum, sum(when(Shipped, Amount, 0D)) AS sum_1, coalesce(sum(when(Shipped, Amount)), 0D) AS sum_2]
                Read sales.orders
            """);
    }

    [Test]
    public void Distinct_count_of_a_nullable_value_counts_null_once_as_LINQ_does()
    {
        var query = Orders.GroupBy(o => o.Region).Select(g => g.Select(o => o.Note).Distinct().Count());
        AssertPlan(query, """
            Project [count AS value]
              Aggregate [Region AS Key] [(count(DISTINCT Note) + max(when(isnull(Note), 1, 0))) AS count]
                Read sales.orders
            """);
    }

    [Test]
    public void Any_and_All_over_a_group()
    {
        var query = Orders.GroupBy(o => o.Region).Select(g => new { Any = g.Any(o => o.Shipped), All = g.All(o => o.Amount > 0) });
        AssertPlan(query, """
            Project [any AS Any, all AS All]
              Aggregate [Region AS Key] [(count_if(Shipped) > 0) AS any, coalesce(bool_and((Amount > 0D)), true) AS all]
                Read sales.orders
            """);
    }

    [Test]
    public void Arithmetic_over_aggregates_and_the_result_selector_overload()
    {
        var query = Orders.GroupBy(o => o.Region, (region, g) => new { region, Mean = g.Sum(o => o.Amount) / g.Count(), Span = g.Max(o => o.Id) - g.Min(o => o.Id) });
        AssertPlan(query, """
            Project [Key AS region, (sum / count) AS Mean, (max - min) AS Span]
              Aggregate [Region AS Key] [sum(Amount) AS sum, count(1) AS count, max(Id) AS max, min(Id) AS min]
                Read sales.orders
            """);
    }

    [Test]
    public void An_element_selector_defines_what_the_aggregates_see()
    {
        var query = Orders.GroupBy(o => o.Region, o => o.Amount).Select(g => new { g.Key, Avg = g.Average(), Top = g.Max() });
        AssertPlan(query, """
            Project [Key AS Key, avg AS Avg, max AS Top]
              Aggregate [Region AS Key] [avg(Amount) AS avg, max(Amount) AS max]
                Read sales.orders
            """);
    }

    [Test]
    public void Element_selector_and_result_selector_together()
    {
        var query = Orders.GroupBy(o => o.CustomerId, o => new { o.Amount, o.Quantity }, (id, items) => new { id, Total = items.Sum(i => i.Amount) });
        AssertPlan(query, """
            Project [Key AS id, sum AS Total]
              Aggregate [customer_id AS Key] [sum(Amount) AS sum]
                Read sales.orders
            """);
    }

    [Test]
    public void Group_elements_as_collections_become_collect_list()
    {
        var query = Orders.GroupBy(o => o.Region).Select(g => new
        {
            g.Key,
            Names = g.Select(o => o.Note).ToList(),
            Items = g.Select(o => new { o.Id, o.Amount }).ToArray(),
            Regions = g.Select(o => o.CustomerId).Distinct().ToList(),
        });
        AssertPlan(query, """
            Project [Key AS Key, items AS Names, items_1 AS Items, items_2 AS Regions]
              Aggregate [Region AS Key] [collect_list(Note) AS items, collect_list(named_struct('Id', Id, 'Amount', Amount)) AS items_1, collect_set(customer_id) AS items_2]
                Read sales.orders
            """);
    }

    [Test]
    public void Whole_rows_of_a_group_are_collected_as_structs_named_by_the_mapping()
    {
        var relation = Orders.GroupBy(o => o.Region).Select(g => new { g.Key, Orders = g.ToList() }).ToRelation();
        var collected = relation.Project.Input.Aggregate.AggregateExpressions[0].Alias.Expr.UnresolvedFunction;
        Assert.That(collected.FunctionName, Is.EqualTo("collect_list"));
        var fields = collected.Arguments[0].UnresolvedFunction.Arguments.Where((_, i) => i % 2 == 0).Select(a => a.Literal.String);
        Assert.That(fields, Is.EqualTo(new[] { "Id", "customer_id", "Amount", "Discount", "Region", "Note", "PlacedAt", "Quantity", "Shipped", "ShipTo" }));
    }

    [Test]
    public void Everything_in_one_group_is_a_global_aggregate_that_has_no_group_for_no_rows()
    {
        var query = Orders.GroupBy(o => 1).Select(g => new { g.Key, Count = g.LongCount(), Total = g.Sum(o => o.Amount) });
        AssertPlan(query, """
            Project [1 AS Key, _rows AS Count, sum AS Total]
              Filter (_rows > 0)
                Aggregate [] [count(1) AS _rows, sum(Amount) AS sum]
                  Read sales.orders
            """);
    }

    [Test]
    public void GroupBy_over_a_filtered_projection()
    {
        var query = Orders.Where(o => o.Shipped).Select(o => new { o.Region, Net = o.Amount * 0.8 })
            .GroupBy(x => x.Region).Select(g => new { g.Key, Net = g.Sum(x => x.Net) })
            .OrderBy(x => x.Net);
        AssertPlan(query, """
            Sort [Net ASC NULLS FIRST]
              Project [Key AS Key, sum AS Net]
                Aggregate [Region AS Key] [sum(Net) AS sum]
                  Project [Region AS Region, (Amount * 0.8D) AS Net]
                    Filter Shipped
                      Read sales.orders
            """);
    }

    [Test]
    public void Counting_groups_counts_the_rows_of_the_aggregate()
    {
        var provider = (global::Spark.Linq.Query.SparkQueryProvider)Orders.Provider;
        var query = Orders.GroupBy(o => o.Region);
        var translated = provider.Translate(System.Linq.Expressions.Expression.Call(typeof(Queryable), nameof(Queryable.Count), [typeof(IGrouping<string, Order>)], query.Expression));
        Assert.That(global::Spark.Linq.Plans.PlanPrinter.Print(translated.Relation), Is.EqualTo("""
            Aggregate [] [count(1) AS count]
              Aggregate [Region AS Key] []
                Read sales.orders
            """.Replace("\r", "")));
    }

    [Test]
    public void Sum_of_int_keeps_the_csharp_type()
    {
        var relation = Orders.GroupBy(o => o.Region).Select(g => new { S = g.Sum(o => o.CustomerId) }).ToRelation();
        var sum = relation.Project.Input.Aggregate.AggregateExpressions[0].Alias.Expr;
        Assert.That(sum.Cast.Type.KindCase, Is.EqualTo(global::Spark.Connect.Protocol.DataType.KindOneofCase.Integer));
    }
}
