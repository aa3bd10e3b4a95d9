namespace Spark.Linq.Tests.Joins;

public class JoinPlanTests : PlanTestBase
{
    private ISparkQueryable<Customer> Customers => Spark.Table<Customer>("crm.customers");

    [Test]
    public void Join_on_a_single_key_is_an_inner_join_of_aliased_sides()
    {
        var query = from o in Orders join c in Customers on o.CustomerId equals c.Id select new { o.Id, c.Name };
        AssertPlan(query, """
            Project [o.Id AS Id, c.Name AS Name]
              Join Inner (o.customer_id == c.Id)
                SubqueryAlias o
                  Read sales.orders
                SubqueryAlias c
                  Read crm.customers
            """);
    }

    [Test]
    public void Composite_keys_compare_nullable_members_null_safely_as_anonymous_type_equality_does()
    {
        var query = from o in Orders
                    join c in Customers on new { Id = o.CustomerId, Country = o.Note } equals new { c.Id, c.Country }
                    select new { o.Id, c.Name };
        AssertPlan(query, """
            Project [o.Id AS Id, c.Name AS Name]
              Join Inner ((o.customer_id == c.Id) AND (o.Note <=> c.Country))
                SubqueryAlias o
                  Read sales.orders
                SubqueryAlias c
                  Read crm.customers
            """);
    }

    [Test]
    public void A_single_nullable_key_never_matches_null_as_in_LINQ()
    {
        var query = from o in Orders join c in Customers on o.Note equals c.Country select o.Id;
        AssertPlan(query, """
            Project [o.Id AS value]
              Join Inner (o.Note == c.Country)
                SubqueryAlias o
                  Read sales.orders
                SubqueryAlias c
                  Read crm.customers
            """);
    }

    [Test]
    public void Three_joins_resolve_through_transparent_identifiers_and_the_same_table_twice_stays_apart()
    {
        var query = from o in Orders
                    join c in Customers on o.CustomerId equals c.Id
                    join o2 in Orders on c.Id equals o2.CustomerId
                    where o2.Amount > o.Amount
                    select new { o.Id, c.Name, Other = o2.Id };
        AssertPlan(query, """
            Project [o.Id AS Id, c.Name AS Name, o2.Id AS Other]
              Filter (o2.Amount > o.Amount)
                Join Inner (c.Id == o2.customer_id)
                  Join Inner (o.customer_id == c.Id)
                    SubqueryAlias o
                      Read sales.orders
                    SubqueryAlias c
                      Read crm.customers
                  SubqueryAlias o2
                    Read sales.orders
            """);
    }

    [Test]
    public void The_same_table_three_times_with_the_same_parameter_name_gets_distinct_aliases()
    {
        var query = Orders.Join(Orders, x => x.Id, x => x.Id, (a, b) => new { a, b })
            .Join(Orders, x => x.b.Id, x => x.Id, (ab, c) => new { A = ab.a.Id, B = ab.b.Amount, C = c.Region });
        AssertPlan(query, """
            Project [x.Id AS A, x1.Amount AS B, x2.Region AS C]
              Join Inner (x1.Id == x2.Id)
                Join Inner (x.Id == x1.Id)
                  SubqueryAlias x
                    Read sales.orders
                  SubqueryAlias x1
                    Read sales.orders
                SubqueryAlias x2
                  Read sales.orders
            """);
    }

    [Test]
    public void Joining_derived_queries_qualifies_their_projected_columns()
    {
        var big = Orders.Where(o => o.Amount > 100).Select(o => new { o.Id, o.CustomerId });
        var names = Customers.Select(c => new { c.Id, c.Name });
        var query = big.Join(names, b => b.CustomerId, n => n.Id, (b, n) => new { b.Id, n.Name });
        AssertPlan(query, """
            Project [b.Id AS Id, n.Name AS Name]
              Join Inner (b.CustomerId == n.Id)
                SubqueryAlias b
                  Project [Id AS Id, customer_id AS CustomerId]
                    Filter (Amount > 100D)
                      Read sales.orders
                SubqueryAlias n
                  Project [Id AS Id, Name AS Name]
                    Read crm.customers
            """);
    }

    [Test]
    public void Whole_sides_in_the_result_become_struct_columns()
    {
        var query = from o in Orders join c in Customers on o.CustomerId equals c.Id select new { o.Id, Customer = c };
        AssertPlan(query, """
            Project [o.Id AS Id, named_struct('Id', c.Id, 'Name', c.Name, 'Country', c.Country) AS Customer]
              Join Inner (o.customer_id == c.Id)
                SubqueryAlias o
                  Read sales.orders
                SubqueryAlias c
                  Read crm.customers
            """);
    }

    [Test]
    public void A_select_after_a_join_reads_sides_and_their_members()
    {
        var query = Orders.Join(Customers, o => o.CustomerId, c => c.Id, (o, c) => new { o, c }).Select(x => new { x.c, x.o.Amount });
        AssertPlan(query, """
            Project [named_struct('Id', c.Id, 'Name', c.Name, 'Country', c.Country) AS c, o.Amount AS Amount]
              Join Inner (o.customer_id == c.Id)
                SubqueryAlias o
                  Read sales.orders
                SubqueryAlias c
                  Read crm.customers
            """);
    }

    [Test]
    public void GroupBy_over_a_join()
    {
        var query = from o in Orders join c in Customers on o.CustomerId equals c.Id
                    group o by c.Country into g
                    select new { g.Key, Total = g.Sum(x => x.Amount) };
        AssertPlan(query, """
            Project [Key AS Key, sum AS Total]
              Aggregate [c.Country AS Key] [sum(o.Amount) AS sum]
                Join Inner (o.customer_id == c.Id)
                  SubqueryAlias o
                    Read sales.orders
                  SubqueryAlias c
                    Read crm.customers
            """);
    }

    [Test]
    public void Distinct_and_ordering_after_a_join_project_first()
    {
        var query = (from a in Orders join b in Orders on a.Id equals b.Id orderby a.Amount select new { a.Id, B = b.Amount }).Distinct();
        AssertPlan(query, """
            Distinct
              Project [a.Id AS Id, b.Amount AS B]
                Sort [a.Amount ASC NULLS FIRST]
                  Join Inner (a.Id == b.Id)
                    SubqueryAlias a
                      Read sales.orders
                    SubqueryAlias b
                      Read sales.orders
            """);
    }
}
