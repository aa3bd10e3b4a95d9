namespace Spark.Linq.Tests.Subqueries;

/// <summary>Aggregates of another query correlated by equality: grouped by the inner keys and left outer joined into the operator's input.</summary>
public class CorrelatedSubqueryPlanTests : PlanTestBase
{
    private ISparkQueryable<Customer> Customers => Spark.Table<Customer>("crm.customers");

    [Test]
    public void Count_and_Sum_in_a_select_are_grouped_aggregates_joined_on_the_correlation()
    {
        var orders = Orders;
        var query = Customers.Select(c => new { c.Name, N = orders.Count(o => o.CustomerId == c.Id), S = orders.Where(o => o.CustomerId == c.Id).Sum(o => o.Amount) });
        AssertPlan(query, """
            Project [Name AS Name, coalesce(_scalar0_count, 0) AS N, coalesce(_scalar1_sum, 0D) AS S]
              Join LeftOuter (Id == _scalar1_k0)
                Join LeftOuter (Id == _scalar0_k0)
                  Read crm.customers
                  Aggregate [customer_id AS _scalar0_k0] [count(1) AS _scalar0_count]
                    Read sales.orders
                Aggregate [customer_id AS _scalar1_k0] [sum(Amount) AS _scalar1_sum]
                  Read sales.orders
            """);
    }

    [Test]
    public void A_count_in_where_keeps_the_other_conditions_as_an_aggregate_filter_and_projects_the_row_again()
    {
        var orders = Orders;
        var query = Customers.Where(c => orders.Count(o => c.Id == o.CustomerId && o.Shipped) > 2);
        AssertPlan(query, """
            Project [Id AS Id, Name AS Name, Country AS Country]
              Filter (coalesce(_scalar0_count, 0) > 2)
                Join LeftOuter (Id == _scalar0_k0)
                  Read crm.customers
                  Aggregate [customer_id AS _scalar0_k0] [count_if(Shipped) AS _scalar0_count]
                    Read sales.orders
            """);
    }

    [Test]
    public void Any_and_All_in_a_select_answer_false_and_true_where_nothing_matched()
    {
        var orders = Orders;
        var query = Customers.Select(c => new { c.Name, HasOrders = orders.Any(o => o.CustomerId == c.Id), AllShipped = orders.Where(o => o.CustomerId == c.Id).All(o => o.Shipped) });
        AssertPlan(query, """
            Project [Name AS Name, coalesce(_scalar0_any, false) AS HasOrders, coalesce(_scalar1_all, true) AS AllShipped]
              Join LeftOuter (Id == _scalar1_k0)
                Join LeftOuter (Id == _scalar0_k0)
                  Read crm.customers
                  Aggregate [customer_id AS _scalar0_k0] [(count_if(true) > 0) AS _scalar0_any]
                    Read sales.orders
                Aggregate [customer_id AS _scalar1_k0] [coalesce(bool_and(Shipped), true) AS _scalar1_all]
                  Read sales.orders
            """);
    }

    [Test]
    public void Nullable_keys_compare_null_safely_as_Cs_equality_does_and_an_ordering_is_restored()
    {
        var orders = Orders;
        var query = Customers.OrderBy(c => c.Name).Select(c => new { c.Name, N = orders.Where(o => o.Note == c.Country).Select(o => o.Quantity).Max() });
        AssertPlan(query, """
            Project [Name AS Name, _scalar0_max AS N]
              Sort [Name ASC NULLS FIRST]
                Join LeftOuter (Country <=> _scalar0_k0)
                  Sort [Name ASC NULLS FIRST]
                    Read crm.customers
                  Aggregate [Note AS _scalar0_k0] [max(Quantity) AS _scalar0_max]
                    Read sales.orders
            """);
    }

    [Test]
    public void A_correlated_Any_inside_an_or_is_read_as_a_column()
    {
        var orders = Orders;
        var query = Customers.Where(c => c.Id > 3 || orders.Any(o => o.CustomerId == c.Id)).Select(c => c.Name);
        AssertPlan(query, """
            Project [Name AS Name]
              Filter ((Id > 3) OR coalesce(_scalar0_any, false))
                Join LeftOuter (Id == _scalar0_k0)
                  Read crm.customers
                  Aggregate [customer_id AS _scalar0_k0] [(count_if(true) > 0) AS _scalar0_any]
                    Read sales.orders
            """);
    }
}
