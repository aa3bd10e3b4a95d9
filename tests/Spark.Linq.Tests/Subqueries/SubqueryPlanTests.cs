namespace Spark.Linq.Tests.Subqueries;

public class SubqueryPlanTests : PlanTestBase
{
    private ISparkQueryable<Customer> Customers => Spark.Table<Customer>("crm.customers");

    [Test]
    public void Any_is_a_left_semi_join_and_other_conditions_stay_a_filter()
    {
        var customers = Customers;
        var query = Orders.Where(o => o.Amount > 5 && customers.Any(c => c.Id == o.CustomerId && c.Country == "DE"));
        AssertPlan(query, """
            Project [o.Id AS Id, o.customer_id AS customer_id, o.Amount AS Amount, o.Discount AS Discount, o.Region AS Region, o.Note AS Note, o.PlacedAt AS PlacedAt, o.Quantity AS Quantity, o.Shipped AS Shipped, o.ShipTo AS ShipTo]
              Join LeftSemi ((c.Id == o.customer_id) AND (c.Country <=> 'DE'))
                Filter (o.Amount > 5D)
                  SubqueryAlias o
                    Read sales.orders
                SubqueryAlias c
                  Read crm.customers
            """);
    }

    [Test]
    public void Not_Any_is_a_left_anti_join_and_the_result_projects_its_columns()
    {
        var customers = Customers;
        var query = Orders.Where(o => !customers.Any(c => c.Id == o.CustomerId)).Select(o => o.Id);
        AssertPlan(query, """
            Project [o.Id AS Id]
              Join LeftAnti (c.Id == o.customer_id)
                SubqueryAlias o
                  Read sales.orders
                SubqueryAlias c
                  Read crm.customers
            """);
    }

    [Test]
    public void Contains_over_a_query_is_a_semi_join_on_null_safe_equality_for_nullable_values()
    {
        var countries = Customers.Select(c => c.Country);
        var query = Orders.Where(o => countries.Contains(o.Note)).Select(o => o.Id);
        AssertPlan(query, """
            Project [o.Id AS Id]
              Join LeftSemi (t.Country <=> o.Note)
                SubqueryAlias o
                  Read sales.orders
                SubqueryAlias t
                  Project [Country AS Country]
                    Read crm.customers
            """);
    }

    [Test]
    public void Negated_Contains_is_an_anti_join_and_an_earlier_order_is_restored()
    {
        var ids = Customers.Select(c => c.Id);
        var query = Orders.OrderBy(o => o.Amount).Where(o => !ids.Contains(o.CustomerId));
        AssertPlan(query, """
            Project [o.Id AS Id, o.customer_id AS customer_id, o.Amount AS Amount, o.Discount AS Discount, o.Region AS Region, o.Note AS Note, o.PlacedAt AS PlacedAt, o.Quantity AS Quantity, o.Shipped AS Shipped, o.ShipTo AS ShipTo]
              Sort [o.Amount ASC NULLS FIRST]
                Join LeftAnti (t.Id == o.customer_id)
                  SubqueryAlias o
                    Sort [Amount ASC NULLS FIRST]
                      Read sales.orders
                  SubqueryAlias t
                    Project [Id AS Id]
                      Read crm.customers
            """);
    }

    [Test]
    public void An_uncorrelated_aggregate_is_a_cross_joined_scalar()
    {
        var orders = Orders;
        var query = Orders.Where(o => o.Amount > orders.Average(x => x.Amount)).Select(o => new { o.Id, o.Amount });
        AssertPlan(query, """
            Project [Id AS Id, Amount AS Amount]
              Filter (Amount > _scalar0)
                Join Cross
                  Read sales.orders
                  Aggregate [] [avg(Amount) AS _scalar0]
                    Read sales.orders
            """);
    }

    [Test]
    public void Scalar_aggregates_in_a_select()
    {
        var orders = Orders;
        var query = Orders.Select(o => new { o.Id, Share = o.Amount / orders.Sum(x => x.Amount), Of = orders.Count(x => x.Shipped) });
        AssertPlan(query, """
            Project [Id AS Id, (Amount / _scalar0) AS Share, _scalar1 AS Of]
              Join Cross
                Join Cross
                  Read sales.orders
                  Aggregate [] [coalesce(sum(Amount), 0D) AS _scalar0]
                    Read sales.orders
                Aggregate [] [count(1) AS _scalar1]
                  Filter Shipped
                    Read sales.orders
            """);
    }

    [Test]
    public void A_semi_join_next_to_a_scalar_subquery_condition()
    {
        var orders = Orders;
        var customers = Customers;
        var query = Orders.Where(o => o.Amount > orders.Average(x => x.Amount) && customers.Any(c => c.Id == o.CustomerId)).Select(o => o.Id);
        AssertPlan(query, """
            Project [o.Id AS Id]
              Join LeftSemi (c.Id == o.customer_id)
                Filter (o.Amount > _scalar0)
                  Join Cross
                    SubqueryAlias o
                      Read sales.orders
                    Aggregate [] [avg(Amount) AS _scalar0]
                      Read sales.orders
                SubqueryAlias c
                  Read crm.customers
            """);
    }
}
