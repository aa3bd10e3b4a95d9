using Spark.Linq.Tests.Untranslatable;

namespace Spark.Linq.Tests.Joins;

public sealed class Basket
{
    public long Id { get; set; }
    public string[] Tags { get; set; } = [];
    public List<BasketLine> Lines { get; set; } = [];
}

public sealed class BasketLine
{
    public string Sku { get; set; } = "";
    [System.ComponentModel.DataAnnotations.Schema.Column("qty")] public int Quantity { get; set; }
}

public class SelectManyPlanTests : UntranslatableTestBase
{
    private ISparkQueryable<Customer> Customers => Spark.Table<Customer>("crm.customers");
    private ISparkQueryable<Basket> Baskets => Spark.Table<Basket>("shop.baskets");

    [Test]
    public void Two_from_clauses_are_a_cross_join_and_the_where_a_filter_over_it()
    {
        var query = from o in Orders from c in Customers where c.Id == o.CustomerId select new { o.Id, c.Name };
        AssertPlan(query, """
            Project [o.Id AS Id, c.Name AS Name]
              Filter (c.Id == o.customer_id)
                Join Cross
                  SubqueryAlias o
                    Read sales.orders
                  SubqueryAlias c
                    Read crm.customers
            """);
    }

    [Test]
    public void A_filtered_inner_query_that_reads_the_outer_row_is_an_inner_join()
    {
        var query = from o in Orders from c in Customers.Where(c => c.Id == o.CustomerId && c.Country != null) select new { o.Id, c.Name };
        AssertPlan(query, """
            Project [o.Id AS Id, c.Name AS Name]
              Join Inner ((c.Id == o.customer_id) AND isnotnull(c.Country))
                SubqueryAlias o
                  Read sales.orders
                SubqueryAlias c
                  Read crm.customers
            """);
    }

    [Test]
    public void An_array_column_is_exploded_next_to_the_row()
    {
        var query = from b in Baskets from tag in b.Tags select new { b.Id, Tag = tag };
        AssertPlan(query, """
            Project [Id AS Id, tag AS Tag]
              Project [*, explode(Tags) AS tag]
                Read shop.baskets
            """);
    }

    [Test]
    public void Struct_elements_read_their_fields_by_mapping_and_DefaultIfEmpty_keeps_empty_rows()
    {
        var query = from b in Baskets from line in b.Lines.DefaultIfEmpty() select new { b.Id, Sku = line == null ? null : line.Sku, line!.Quantity };
        AssertPlan(query, """
            Project [Id AS Id, when(isnull(line), NULL, line['Sku']) AS Sku, line['qty'] AS Quantity]
              Project [*, explode_outer(Lines) AS line]
                Read shop.baskets
            """);
    }

    [Test]
    public void SelectMany_of_the_elements_alone()
    {
        var query = Baskets.SelectMany(b => b.Tags).Distinct();
        AssertPlan(query, """
            Distinct
              Project [element AS value]
                Project [*, explode(Tags) AS element]
                  Read shop.baskets
            """);
    }

    [Test]
    public void Rejects_a_string_as_a_collection() =>
        Rejects(Orders.SelectMany(o => o.Region), "o.Region", "SelectMany", "array column");

    [Test]
    public void Rejects_the_indexed_overload() =>
        Rejects(Baskets.SelectMany((b, i) => b.Tags), "SelectMany(", "SelectMany", "row index");
}
