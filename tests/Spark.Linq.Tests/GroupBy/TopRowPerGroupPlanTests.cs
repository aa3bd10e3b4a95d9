namespace Spark.Linq.Tests.GroupBy;

public class TopRowPerGroupPlanTests : PlanTestBase
{
    [Test]
    public void The_first_row_of_each_group_by_an_ordering_is_row_number_per_key_equal_to_one()
    {
        var query = Orders.GroupBy(o => o.Region).Select(g => g.OrderByDescending(o => o.Amount).ThenBy(o => o.Id).First());
        AssertPlan(query, """
            Drop [_row_number]
              Filter (_row_number == 1)
                Project [*, row_number() OVER (PARTITION BY Region ORDER BY Amount DESC NULLS LAST, Id ASC NULLS FIRST) AS _row_number]
                  Read sales.orders
            """);
    }

    [Test]
    public void Members_of_the_top_row_and_the_key_are_projected_from_that_row()
    {
        var query = Orders.GroupBy(o => new { o.Region, o.CustomerId })
            .Select(g => new { g.Key.Region, Latest = g.OrderByDescending(o => o.PlacedAt).FirstOrDefault()!.Id, g.OrderByDescending(o => o.PlacedAt).FirstOrDefault()!.Amount });
        AssertPlan(query, """
            Project [Region AS Region, Id AS Latest, Amount AS Amount]
              Drop [_row_number]
                Filter (_row_number == 1)
                  Project [*, row_number() OVER (PARTITION BY Region, customer_id ORDER BY PlacedAt DESC NULLS LAST) AS _row_number]
                    Read sales.orders
            """);
    }

    [Test]
    public void A_whole_row_MaxBy_or_MinBy_per_group_is_the_top_row_with_null_keys_last()
    {
        AssertPlan(Orders.GroupBy(o => o.Region).Select(g => g.MaxBy(o => o.Quantity)), """
            Drop [_row_number]
              Filter (_row_number == 1)
                Project [*, row_number() OVER (PARTITION BY Region ORDER BY Quantity DESC NULLS LAST) AS _row_number]
                  Read sales.orders
            """);
        AssertPlan(Orders.GroupBy(o => o.Region).Select(g => g.MinBy(o => o.Quantity)), """
            Drop [_row_number]
              Filter (_row_number == 1)
                Project [*, row_number() OVER (PARTITION BY Region ORDER BY Quantity ASC NULLS LAST) AS _row_number]
                  Read sales.orders
            """);
    }

    [Test]
    public void A_whole_MaxBy_row_beside_the_key_is_the_top_row_as_a_struct()
    {
        var query = Spark.Table<Customer>("crm.customers").GroupBy(c => c.Country).Select(g => new { g.Key, Top = g.MaxBy(c => c.Id) });
        AssertPlan(query, """
            Project [Country AS Key, named_struct('Id', Id, 'Name', Name, 'Country', Country) AS Top]
              Drop [_row_number]
                Filter (_row_number == 1)
                  Project [*, row_number() OVER (PARTITION BY Country ORDER BY Id DESC NULLS LAST) AS _row_number]
                    Read crm.customers
            """);
    }

    [Test]
    public void The_top_row_over_a_filtered_source_composes_with_later_operators()
    {
        var query = Orders.Where(o => o.Shipped).GroupBy(o => o.CustomerId).Select(g => g.OrderBy(o => o.PlacedAt).First()).Where(o => o.Amount > 10).Select(o => o.Id);
        AssertPlan(query, """
            Project [Id AS Id]
              Filter (Amount > 10D)
                Drop [_row_number]
                  Filter (_row_number == 1)
                    Project [*, row_number() OVER (PARTITION BY customer_id ORDER BY PlacedAt ASC NULLS FIRST) AS _row_number]
                      Filter Shipped
                        Read sales.orders
            """);
    }

    [Test]
    public void A_top_row_beside_an_aggregate_is_still_rejected_as_an_element_operator()
    {
        var query = Orders.GroupBy(o => o.Region).Select(g => new { N = g.Count(), g.OrderBy(o => o.Id).First().Amount });
        Assert.Throws<SparkTranslationException>(() => query.ToPlanString());
    }
}
