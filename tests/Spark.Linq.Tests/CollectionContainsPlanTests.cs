namespace Spark.Linq.Tests;

public class CollectionContainsPlanTests : PlanTestBase
{
    [Test]
    public void An_array_contains_becomes_in_even_though_csharp_14_binds_it_to_a_span()
    {
        var ids = new[] { 3, 5, 8 };
        AssertPlan(Orders.Where(o => ids.Contains(o.CustomerId)), """
            Filter in(customer_id, 3, 5, 8)
              Read sales.orders
            """);
    }

    [Test]
    public void Lists_sets_and_sequences_become_in()
    {
        var regions = new List<string> { "EMEA", "APAC" };
        var set = new HashSet<long> { 7 };
        IEnumerable<string> lazy = regions.Where(r => r.StartsWith('E'));
        AssertPlan(Orders.Where(o => regions.Contains(o.Region)), """
            Filter coalesce(in(Region, 'EMEA', 'APAC'), false)
              Read sales.orders
            """);
        AssertPlan(Orders.Where(o => set.Contains(o.Id)), """
            Filter in(Id, 7L)
              Read sales.orders
            """);
        AssertPlan(Orders.Where(o => lazy.Contains(o.Region)), """
            Filter coalesce(in(Region, 'EMEA'), false)
              Read sales.orders
            """);
    }

    [Test]
    public void An_empty_collection_matches_nothing()
    {
        var none = Array.Empty<int>();
        AssertPlan(Orders.Where(o => none.Contains(o.CustomerId)), """
            Filter false
              Read sales.orders
            """);
    }

    [Test]
    public void A_null_element_matches_null_values_as_in_csharp()
    {
        var quantities = new int?[] { 1, null };
        AssertPlan(Orders.Where(o => quantities.Contains(o.Quantity)), """
            Filter (isnull(Quantity) OR in(Quantity, 1))
              Read sales.orders
            """);
    }

    [Test]
    public void A_test_that_does_not_depend_on_the_row_is_decided_on_the_client()
    {
        var ids = new[] { 1, 2 };
        AssertPlan(Orders.Where(o => ids.Contains(2) && o.Shipped), """
            Filter (true AND Shipped)
              Read sales.orders
            """);
    }
}
