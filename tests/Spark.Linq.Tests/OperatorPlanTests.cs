
namespace Spark.Linq.Tests;

public class OperatorPlanTests : PlanTestBase
{
    [Test]
    public void Table_reads_the_name_from_the_table_attribute() =>
        AssertPlan(Orders, "Read sales.orders");

    [Test]
    public void Table_with_a_name_reads_that_table() =>
        AssertPlan(Spark.Table<Customer>("crm.customers"), "Read crm.customers");

    [Test]
    public void Where_becomes_a_filter_with_mapped_column_names()
    {
        var query = Orders.Where(o => o.CustomerId == 7 && o.Amount > 100);
        AssertPlan(query, """
            Filter ((customer_id == 7) AND (Amount > 100D))
              Read sales.orders
            """);
    }

    [Test]
    public void Captured_variables_become_literals()
    {
        var minimum = 250.5;
        var region = "EMEA";
        var query = Orders.Where(o => o.Amount >= minimum && o.Region == region);
        AssertPlan(query, """
            Filter ((Amount >= 250.5D) AND (Region <=> 'EMEA'))
              Read sales.orders
            """);
    }

    [Test]
    public void Select_to_an_anonymous_type_aliases_each_member()
    {
        var query = Orders.Select(o => new { o.Id, o.Region, Gross = o.Amount * 1.2 });
        AssertPlan(query, """
            Project [Id AS Id, Region AS Region, (Amount * 1.2D) AS Gross]
              Read sales.orders
            """);
    }

    [Test]
    public void Where_after_select_refers_to_the_projected_columns()
    {
        var query = Orders.Select(o => new { o.Id, Gross = o.Amount * 2 }).Where(x => x.Gross > 10);
        AssertPlan(query, """
            Filter (Gross > 10D)
              Project [Id AS Id, (Amount * 2D) AS Gross]
                Read sales.orders
            """);
    }

    [Test]
    public void Select_into_a_class_uses_the_class_column_mapping()
    {
        var query = Orders.Select(o => new OrderSummary { OrderId = o.Id, Total = o.Amount });
        AssertPlan(query, """
            Project [Id AS OrderId, Amount AS total]
              Read sales.orders
            """);
    }

    [Test]
    public void Select_into_a_positional_record_names_columns_after_its_properties()
    {
        var query = Orders.Select(o => new RegionTotal(o.Region, o.Amount)).OrderBy(r => r.Total);
        AssertPlan(query, """
            Sort [Total ASC NULLS FIRST]
              Project [Region AS Region, Amount AS Total]
                Read sales.orders
            """);
    }

    [Test]
    public void Nested_anonymous_types_become_struct_columns_reachable_afterwards()
    {
        var query = Orders.Select(o => new { o.Id, Money = new { o.Amount, o.Discount } }).Where(x => x.Money.Amount > 1);
        AssertPlan(query, """
            Filter (Money['Amount'] > 1D)
              Project [Id AS Id, named_struct('Amount', Amount, 'Discount', Discount) AS Money]
                Read sales.orders
            """);
    }

    [Test]
    public void Nested_struct_members_are_extracted_with_their_mapped_names()
    {
        var query = Orders.Where(o => o.ShipTo.Zip == "1000").Select(o => o.ShipTo.City);
        AssertPlan(query, """
            Project [ShipTo['City'] AS City]
              Filter (ShipTo['zip_code'] <=> '1000')
                Read sales.orders
            """);
    }

    [Test]
    public void OrderBy_and_ThenBy_make_one_sort_with_linq_null_ordering()
    {
        var query = Orders.OrderBy(o => o.Region).ThenByDescending(o => o.Amount).ThenBy(o => o.Id);
        AssertPlan(query, """
            Sort [Region ASC NULLS FIRST, Amount DESC NULLS LAST, Id ASC NULLS FIRST]
              Read sales.orders
            """);
    }

    [Test]
    public void Skip_and_take_keep_their_order()
    {
        AssertPlan(Orders.Skip(20).Take(10), """
            Limit 10
              Offset 20
                Read sales.orders
            """);
        AssertPlan(Orders.Take(10).Skip(20), """
            Offset 20
              Limit 10
                Read sales.orders
            """);
    }

    [Test]
    public void OrderBy_after_take_sorts_the_taken_rows()
    {
        var query = Orders.Take(5).OrderBy(o => o.Amount);
        AssertPlan(query, """
            Sort [Amount ASC NULLS FIRST]
              Limit 5
                Read sales.orders
            """);
    }

    [Test]
    public void Distinct_deduplicates_all_columns()
    {
        AssertPlan(Orders.Select(o => o.Region).Distinct(), """
            Distinct
              Project [Region AS Region]
                Read sales.orders
            """);
    }

    [Test]
    public void Plan_ids_grow_from_the_leaves()
    {
        var relation = Orders.Where(o => o.Shipped).Take(3).ToRelation();
        Assert.That(relation.Common.PlanId, Is.EqualTo(2));
        Assert.That(relation.Limit.Input.Common.PlanId, Is.EqualTo(1));
        Assert.That(relation.Limit.Input.Filter.Input.Common.PlanId, Is.EqualTo(0));
    }

    [Test]
    public void Sql_arguments_travel_as_named_literals_not_text()
    {
        var region = "O'Brien; DROP TABLE x --";
        var relation = Spark.Sql<Order>("SELECT * FROM sales.orders WHERE Region = :region AND Amount > :min", new { region, min = 10 }).ToRelation();
        Assert.That(relation.Sql.Query, Is.EqualTo("SELECT * FROM sales.orders WHERE Region = :region AND Amount > :min"));
        Assert.That(relation.Sql.NamedArguments["region"].Literal.String, Is.EqualTo(region));
        Assert.That(relation.Sql.NamedArguments["min"].Literal.Integer, Is.EqualTo(10));
    }
}
