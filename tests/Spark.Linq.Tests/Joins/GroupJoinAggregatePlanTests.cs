namespace Spark.Linq.Tests.Joins;

/// <summary>GroupJoins whose groups are aggregated: the inner side grouped by its key, left outer joined, empty groups answered as in LINQ.</summary>
public class GroupJoinAggregatePlanTests : PlanTestBase
{
    private ISparkQueryable<Customer> Customers => Spark.Table<Customer>("crm.customers");

    [Test]
    public void Aggregates_of_the_group_are_one_Aggregate_left_joined_with_LINQs_answers_for_no_matches()
    {
        var query = from c in Customers
                    join o in Orders on c.Id equals o.CustomerId into g
                    select new { c.Name, Count = g.Count(), Total = g.Sum(o => o.Amount), Max = g.Max(o => (double?)o.Amount), Any = g.Any(), Big = g.Where(o => o.Amount > 5).Count() };
        AssertPlan(query, """
            Project [c.Name AS Name, coalesce(_g_count, 0) AS Count, coalesce(_g_sum, 0D) AS Total, _g_max AS Max, coalesce(_g_any, false) AS Any, coalesce(_g_count_1, 0) AS Big]
              Join LeftOuter (c.Id == _g_k0)
                SubqueryAlias c
                  Read crm.customers
                Aggregate [o.customer_id AS _g_k0] [count(1) AS _g_count, sum(o.Amount) AS _g_sum, max(o.Amount) AS _g_max, (count_if(true) > 0) AS _g_any, count_if((o.Amount > 5D)) AS _g_count_1]
                  SubqueryAlias o
                    Read sales.orders
            """);
    }

    [Test]
    public void Method_syntax_with_a_composite_key_compares_nullable_members_null_safely()
    {
        var query = Customers.GroupJoin(Orders, c => new { c.Id, c.Country }, o => new { Id = o.CustomerId, Country = o.Note }, (c, os) => new { c.Name, N = os.LongCount() });
        AssertPlan(query, """
            Project [c.Name AS Name, coalesce(_os_count, 0L) AS N]
              Join LeftOuter ((c.Id == _os_k0) AND (c.Country <=> _os_k1))
                SubqueryAlias c
                  Read crm.customers
                Aggregate [o.customer_id AS _os_k0, o.Note AS _os_k1] [count(1) AS _os_count]
                  SubqueryAlias o
                    Read sales.orders
            """);
    }

    [Test]
    public void A_single_nullable_key_compares_with_plain_equality_so_null_never_matches()
    {
        var query = Customers.GroupJoin(Orders, c => c.Country, o => o.Note, (c, os) => new { c.Id, N = os.Count() });
        Assert.That(query.ToRelation().Project.Input.Join.JoinCondition.ToString(), Does.Contain("\"==\"").And.Not.Contain("<=>"));
    }

    [Test]
    public void A_where_on_the_group_between_join_and_select_aggregates_into_the_same_Aggregate()
    {
        var query = from c in Customers
                    join o in Orders on c.Id equals o.CustomerId into g
                    where !g.Any()
                    select new { c.Name, N = g.Count(), Items = g.Select(o => o.Id).ToList() };
        AssertPlan(query, """
            Project [c.Name AS Name, coalesce(_g_count, 0) AS N, coalesce(_g_items, array()) AS Items]
              Filter not(coalesce(_g_any, false))
                Join LeftOuter (c.Id == _g_k0)
                  SubqueryAlias c
                    Read crm.customers
                  Aggregate [o.customer_id AS _g_k0] [(count_if(true) > 0) AS _g_any, count(1) AS _g_count, collect_list(o.Id) AS _g_items]
                    SubqueryAlias o
                      Read sales.orders
            """);
    }
}
