namespace Spark.Linq.Tests.Joins;

public class FullJoinPlanTests : PlanTestBase
{
    private ISparkQueryable<Customer> Customers => Spark.Table<Customer>("crm.customers");

    [Test]
    public void FullJoin_is_a_full_outer_join_where_either_side_may_be_missing()
    {
        var query = Orders.FullJoin(Customers, o => o.CustomerId, c => c.Id,
            (o, c) => new { Order = o == null ? (long?)null : o.Id, Name = c == null ? "none" : c.Name });
        AssertPlan(query, """
            Project [when(isnull(o.customer_id), NULL, o.Id) AS Order, when(isnull(c.Id), 'none', c.Name) AS Name]
              Join FullOuter (o.customer_id == c.Id)
                SubqueryAlias o
                  Read sales.orders
                SubqueryAlias c
                  Read crm.customers
            """);
    }

    [Test]
    public void Whole_sides_of_a_full_join_on_nullable_keys_are_told_missing_by_a_marker_column()
    {
        // A row with a null Country is unmatched but present: only the marker says whether a side is missing.
        var query = Customers.FullJoin(Customers, a => a.Country, b => b.Name, (a, b) => new { a, b });
        AssertPlan(query, """
            Project [when(isnotnull(a._present), named_struct('Id', a.Id, 'Name', a.Name, 'Country', a.Country)) AS a, when(isnotnull(b._present), named_struct('Id', b.Id, 'Name', b.Name, 'Country', b.Country)) AS b]
              Join FullOuter (a.Country == b.Name)
                SubqueryAlias a
                  Project [*, true AS _present]
                    Read crm.customers
                SubqueryAlias b
                  Project [*, true AS _present]
                    Read crm.customers
            """);
    }

    [Test]
    public void FullJoin_keeps_the_Spark_type_and_composes_with_later_operators()
    {
        ISparkQueryable<string?> query = Orders.FullJoin(Customers, o => o.CustomerId, c => c.Id, (o, c) => c == null ? null : c.Country)
            .Where(country => country != null).Distinct();
        AssertPlan(query, """
            Distinct
              Project [when(isnull(c.Id), NULL, c.Country) AS value]
                Filter isnotnull(when(isnull(c.Id), NULL, c.Country))
                  Join FullOuter (o.customer_id == c.Id)
                    SubqueryAlias o
                      Read sales.orders
                    SubqueryAlias c
                      Read crm.customers
            """);
    }

    [Test]
    public void FullJoin_inside_a_subquery_lambda_translates_like_the_outer_operator()
    {
        var query = Customers.Where(x => Orders.FullJoin(Customers, o => o.CustomerId, c => c.Id, (o, c) => c == null ? -1 : c.Id).Contains(x.Id));
        Assert.That(query.ToPlanString(), Does.Contain("Join FullOuter (o.customer_id == c.Id)").And.Contain("Join LeftSemi"));
    }
}
