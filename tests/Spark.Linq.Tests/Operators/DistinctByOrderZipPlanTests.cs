namespace Spark.Linq.Tests.Operators;

public class DistinctByOrderZipPlanTests : PlanTestBase
{
    [Test]
    public void DistinctBy_under_an_ordering_keeps_the_first_row_per_key_with_row_number_and_orders_again()
    {
        var query = Orders.OrderByDescending(o => o.Amount).DistinctBy(o => o.Region);
        AssertPlan(query, """
            Sort [Amount DESC NULLS LAST]
              Drop [_row_number]
                Filter (_row_number == 1)
                  Project [*, row_number() OVER (PARTITION BY Region ORDER BY Amount DESC NULLS LAST) AS _row_number]
                    Sort [Amount DESC NULLS LAST]
                      Read sales.orders
            """);
    }

    [Test]
    public void DistinctBy_without_an_ordering_on_columns_is_the_official_dropDuplicates()
    {
        var query = Orders.DistinctBy(o => new { o.Region, o.CustomerId });
        AssertPlan(query, """
            Deduplicate [Region, customer_id]
              Read sales.orders
            """);
    }

    [Test]
    public void DistinctBy_without_an_ordering_on_a_computed_key_numbers_rows_ordered_by_the_key()
    {
        var query = Orders.DistinctBy(o => o.PlacedAt.Year).Select(o => o.Id);
        AssertPlan(query, """
            Project [Id AS Id]
              Drop [_row_number]
                Filter (_row_number == 1)
                  Project [*, row_number() OVER (PARTITION BY year(PlacedAt) ORDER BY year(PlacedAt) ASC NULLS FIRST) AS _row_number]
                    Read sales.orders
            """);
    }

    [Test]
    public void DistinctBy_on_a_column_whose_name_needs_quoting_uses_the_window_as_Deduplicate_matches_names_literally()
    {
        var query = Spark.Table<Quoted>("t").DistinctBy(q => q.Name);
        AssertPlan(query, """
            Drop [_row_number]
              Filter (_row_number == 1)
                Project [*, row_number() OVER (PARTITION BY `full name` ORDER BY `full name` ASC NULLS FIRST) AS _row_number]
                  Read t
            """);
    }

    public sealed class Quoted
    {
        [System.ComponentModel.DataAnnotations.Schema.Column("full name")] public string Name { get; set; } = "";
    }

    [Test]
    public void DistinctBy_with_a_comparer_is_rejected()
    {
        var query = Orders.AsQueryable().DistinctBy(o => o.Region, StringComparer.OrdinalIgnoreCase);
        var e = Assert.Throws<SparkTranslationException>(() => query.ToPlanString())!;
        Assert.That(e.Message, Does.Contain("IEqualityComparer"));
    }

    [Test]
    public void Order_and_OrderDescending_sort_single_values_by_themselves()
    {
        AssertPlan(Orders.Select(o => o.Quantity).Order(), """
            Sort [Quantity ASC NULLS FIRST]
              Project [Quantity AS Quantity]
                Read sales.orders
            """);
        AssertPlan(Orders.Select(o => o.Region).OrderDescending().ThenBy(r => r.Length), """
            Sort [Region DESC NULLS LAST, length(Region) ASC NULLS FIRST]
              Project [Region AS Region]
                Read sales.orders
            """);
    }

    [Test]
    public void Order_of_whole_rows_is_rejected_naming_a_member_to_order_by()
    {
        var e = Assert.Throws<SparkTranslationException>(() => Orders.Order().ToPlanString())!;
        Assert.That(e.Message, Does.Contain("OrderBy(x => x.Member)"));
    }

    [Test]
    public void Zip_of_two_queries_is_rejected_saying_why_and_pointing_to_a_join()
    {
        var query = Orders.Select(o => o.Id).Zip(Orders.Select(o => o.Region));
        var e = Assert.Throws<SparkTranslationException>(() => query.ToPlanString())!;
        Assert.That(e.Message, Does.Contain("no position").And.Contain("Join the two queries on a key").And.Contain("RowNumber"));
    }
}
