namespace Spark.Linq.Tests.Joins;

public class LeftJoinPlanTests : PlanTestBase
{
    private ISparkQueryable<Customer> Customers => Spark.Table<Customer>("crm.customers");

    [Test]
    public void GroupJoin_SelectMany_DefaultIfEmpty_is_a_left_outer_join_and_null_tests_read_the_right_key()
    {
        var query = from o in Orders
                    join c in Customers on o.CustomerId equals c.Id into cs
                    from c in cs.DefaultIfEmpty()
                    select new { o.Id, Name = c == null ? "none" : c.Name, c };
        AssertPlan(query, """
            Project [o.Id AS Id, when(isnull(c.Id), 'none', c.Name) AS Name, when(isnotnull(c.Id), named_struct('Id', c.Id, 'Name', c.Name, 'Country', c.Country)) AS c]
              Join LeftOuter (o.customer_id == c.Id)
                SubqueryAlias o
                  Read sales.orders
                SubqueryAlias c
                  Read crm.customers
            """);
    }

    [Test]
    public void Method_syntax_left_join_with_a_filter_on_the_matches_adds_it_to_the_join_condition()
    {
        var query = Orders.GroupJoin(Customers, o => o.CustomerId, c => c.Id, (o, cs) => new { o, cs })
            .SelectMany(x => x.cs.Where(c => c.Country == "DE").DefaultIfEmpty(), (x, c) => new { x.o.Id, Name = c != null ? c.Name : null });
        AssertPlan(query, """
            Project [o.Id AS Id, when(isnotnull(c.Id), c.Name, NULL) AS Name]
              Join LeftOuter ((o.customer_id == c.Id) AND (c.Country <=> 'DE'))
                SubqueryAlias o
                  Read sales.orders
                SubqueryAlias c
                  Read crm.customers
            """);
    }

    [Test]
    public void GroupJoin_SelectMany_without_DefaultIfEmpty_is_an_inner_join()
    {
        var query = from o in Orders join c in Customers on o.CustomerId equals c.Id into cs from c in cs select c.Name;
        AssertPlan(query, """
            Project [c.Name AS value]
              Join Inner (o.customer_id == c.Id)
                SubqueryAlias o
                  Read sales.orders
                SubqueryAlias c
                  Read crm.customers
            """);
    }

    [Test]
    public void The_dotnet_10_LeftJoin_operator_is_a_left_outer_join()
    {
        var query = Orders.LeftJoin(Customers, o => o.CustomerId, c => c.Id, (o, c) => new { o.Id, Country = c == null ? null : c.Country });
        AssertPlan(query, """
            Project [o.Id AS Id, when(isnull(c.Id), NULL, c.Country) AS Country]
              Join LeftOuter (o.customer_id == c.Id)
                SubqueryAlias o
                  Read sales.orders
                SubqueryAlias c
                  Read crm.customers
            """);
    }

    [Test]
    public void A_left_join_then_an_inner_join_chains_through_transparent_identifiers()
    {
        var query = from o in Orders
                    join c in Customers on o.CustomerId equals c.Id into cs
                    from c in cs.DefaultIfEmpty()
                    join o2 in Orders on o.Id equals o2.Id
                    select new { o.Id, c!.Name, o2.Amount };
        AssertPlan(query, """
            Project [o.Id AS Id, c.Name AS Name, o2.Amount AS Amount]
              Join Inner (o.Id == o2.Id)
                Join LeftOuter (o.customer_id == c.Id)
                  SubqueryAlias o
                    Read sales.orders
                  SubqueryAlias c
                    Read crm.customers
                SubqueryAlias o2
                  Read sales.orders
            """);
    }

    [Test]
    public void The_dotnet_10_RightJoin_operator_is_a_right_outer_join_whose_left_side_may_be_missing()
    {
        var query = Orders.RightJoin(Customers, o => o.CustomerId, c => c.Id, (o, c) => new { c.Name, Order = o == null ? (long?)null : o.Id });
        AssertPlan(query, """
            Project [c.Name AS Name, when(isnull(o.customer_id), NULL, o.Id) AS Order]
              Join RightOuter (o.customer_id == c.Id)
                SubqueryAlias o
                  Read sales.orders
                SubqueryAlias c
                  Read crm.customers
            """);
    }
}
