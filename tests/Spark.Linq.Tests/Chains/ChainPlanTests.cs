namespace Spark.Linq.Tests.Chains;

public class ChainPlanTests : PlanTestBase
{
    [Test]
    public void Where_after_select_filters_on_projected_members() =>
        AssertPlan(Orders.Select(o => new { o.Id, Total = o.Amount * 2, o.Note }).Where(x => x.Total > 10 && x.Note != null), """
            Filter ((Total > 10D) AND isnotnull(Note))
              Project [Id AS Id, (Amount * 2D) AS Total, Note AS Note]
                Read sales.orders
            """);

    [Test]
    public void Several_selects_each_read_the_previous_projection() =>
        AssertPlan(Orders.Select(o => new { o.Id, o.Amount }).Select(x => new { x.Id, Double = x.Amount * 2 }).Select(y => y.Double), """
            Project [Double AS Double]
              Project [Id AS Id, (Amount * 2D) AS Double]
                Project [Id AS Id, Amount AS Amount]
                  Read sales.orders
            """);

    [Test]
    public void Nested_objects_survive_a_filter_and_a_second_projection() =>
        AssertPlan(Orders.Select(o => new { o.Id, Ship = new { o.ShipTo.City, o.ShipTo.Zip } }).Where(x => x.Ship.City == "Oslo").Select(x => x.Ship.Zip), """
            Project [Ship['Zip'] AS Zip]
              Filter (Ship['City'] <=> 'Oslo')
                Project [Id AS Id, named_struct('City', ShipTo['City'], 'Zip', ShipTo['zip_code']) AS Ship]
                  Read sales.orders
            """);

    [Test]
    public void OrderBy_after_Take_sorts_only_the_taken_rows() =>
        AssertPlan(Orders.Take(5).OrderBy(o => o.Id), """
            Sort [Id ASC NULLS FIRST]
              Limit 5
                Read sales.orders
            """);

    [Test]
    public void Skip_and_Take_stack_in_the_order_written() =>
        AssertPlan(Orders.Skip(2).Take(10).Skip(3).Take(4), """
            Limit 4
              Offset 3
                Limit 10
                  Offset 2
                    Read sales.orders
            """);

    [Test]
    public void Where_after_Take_filters_the_taken_rows() =>
        AssertPlan(Orders.Take(3).Where(o => o.Shipped), """
            Filter Shipped
              Limit 3
                Read sales.orders
            """);

    [Test]
    public void Distinct_then_OrderBy_sorts_the_distinct_values() =>
        AssertPlan(Orders.Select(o => o.Region).Distinct().OrderBy(r => r), """
            Sort [Region ASC NULLS FIRST]
              Distinct
                Project [Region AS Region]
                  Read sales.orders
            """);

    [Test]
    public void OrderBy_then_Distinct_sorts_again_on_top() =>
        AssertPlan(Orders.OrderBy(o => o.Id).Distinct().Take(2), """
            Limit 2
              Sort [Id ASC NULLS FIRST]
                Distinct
                  Sort [Id ASC NULLS FIRST]
                    Read sales.orders
            """);

    [Test]
    public void An_ordering_carried_through_a_projection_is_applied_again_after_Distinct() =>
        AssertPlan(Orders.OrderBy(o => o.Region).Select(o => o.Region).Distinct(), """
            Sort [Region ASC NULLS FIRST]
              Distinct
                Project [Region AS Region]
                  Sort [Region ASC NULLS FIRST]
                    Read sales.orders
            """);

    [Test]
    public void An_ordering_on_a_renamed_column_follows_the_new_name() =>
        AssertPlan(Orders.OrderByDescending(o => o.Amount).Select(o => new { Total = o.Amount }).Distinct(), """
            Sort [Total DESC NULLS LAST]
              Distinct
                Project [Amount AS Total]
                  Sort [Amount DESC NULLS LAST]
                    Read sales.orders
            """);

    [Test]
    public void An_ordering_whose_key_is_projected_away_is_not_reapplied() =>
        AssertPlan(Orders.OrderBy(o => o.Id).Select(o => o.Region).Distinct(), """
            Distinct
              Project [Region AS Region]
                Sort [Id ASC NULLS FIRST]
                  Read sales.orders
            """);

    [Test]
    public void OrderBy_after_OrderBy_keeps_the_first_order_among_ties_as_LINQ_does() =>
        AssertPlan(Orders.OrderBy(o => o.Id).OrderBy(o => o.Region), """
            Sort [Region ASC NULLS FIRST, Id ASC NULLS FIRST]
              Read sales.orders
            """);

    [Test]
    public void ThenBy_after_a_second_OrderBy_goes_before_the_earlier_keys() =>
        AssertPlan(Orders.OrderBy(o => o.Id).OrderByDescending(o => o.Region).ThenBy(o => o.Note), """
            Sort [Region DESC NULLS LAST, Note ASC NULLS FIRST, Id ASC NULLS FIRST]
              Read sales.orders
            """);

    [Test]
    public void OrderBy_after_a_filtered_ordering_breaks_ties_with_it() =>
        AssertPlan(Orders.OrderBy(o => o.Id).Where(o => o.Shipped).OrderBy(o => o.Region), """
            Sort [Region ASC NULLS FIRST, Id ASC NULLS FIRST]
              Filter Shipped
                Sort [Id ASC NULLS FIRST]
                  Read sales.orders
            """);

    [Test]
    public void Sorting_projected_members_with_ThenBy() =>
        AssertPlan(Orders.Select(o => new { o.Id, C = o.ShipTo.City }).OrderByDescending(x => x.C).ThenBy(x => x.Id), """
            Sort [C DESC NULLS LAST, Id ASC NULLS FIRST]
              Project [Id AS Id, ShipTo['City'] AS C]
                Read sales.orders
            """);

    [Test]
    public void Take_after_OrderBy_Where_Select() =>
        AssertPlan(Orders.OrderBy(o => o.Id).Where(o => o.Shipped).Select(o => o.Id).Take(3), """
            Limit 3
              Project [Id AS Id]
                Filter Shipped
                  Sort [Id ASC NULLS FIRST]
                    Read sales.orders
            """);

    [Test]
    public void Coalesced_projection_is_not_nullable_in_a_later_filter() =>
        AssertPlan(Orders.Select(o => new { Q = o.Quantity ?? 0 }).Where(x => x.Q > 1), """
            Filter (Q > 1)
              Project [coalesce(Quantity, 0) AS Q]
                Read sales.orders
            """);

    [Test]
    public void Nullable_scalar_projection_keeps_lifted_comparison_semantics() =>
        AssertPlan(Orders.Select(o => o.Quantity).Where(v => v > 3), """
            Filter coalesce((Quantity > 3), false)
              Project [Quantity AS Quantity]
                Read sales.orders
            """);

    [Test]
    public void An_array_Contains_bound_to_the_span_overload_becomes_in()
    {
        // C# 14 binds this to MemoryExtensions.Contains(ReadOnlySpan<long>, long).
        var ids = new[] { 1L, 2L };
        AssertPlan(Orders.Where(o => ids.Contains(o.Id)), """
            Filter in(Id, 1L, 2L)
              Read sales.orders
            """);
    }
}
