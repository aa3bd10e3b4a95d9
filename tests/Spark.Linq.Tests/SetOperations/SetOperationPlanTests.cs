using static Spark.Linq.Tests.Golden.Goldens;
using SetOpType = Spark.Connect.Protocol.SetOperation.Types.SetOpType;

namespace Spark.Linq.Tests.SetOperations;

public class SetOperationPlanTests : PlanTestBase
{
    [Test]
    public void Concat_is_union_all_of_sides_already_in_member_order()
    {
        var query = Orders.Where(o => o.Shipped).Select(o => new { o.Id, o.Region })
            .Concat(Orders.Where(o => o.Amount > 10).Select(o => new { o.Id, o.Region }));
        AssertPlan(query, """
            Union ALL
              Project [Id AS Id, Region AS Region]
                Filter Shipped
                  Read sales.orders
              Project [Id AS Id, Region AS Region]
                Filter (Amount > 10D)
                  Read sales.orders
            """);
    }

    [Test]
    public void Union_intersect_and_except_are_distinct_as_in_LINQ()
    {
        var ids = Orders.Select(o => o.Id);
        Assert.Multiple(() =>
        {
            Assert.That(ids.Union(ids).ToRelation().SetOp is { SetOpType: SetOpType.Union, IsAll: false });
            Assert.That(ids.Intersect(ids).ToRelation().SetOp is { SetOpType: SetOpType.Intersect, IsAll: false });
            Assert.That(ids.Except(ids).ToRelation().SetOp is { SetOpType: SetOpType.Except, IsAll: false });
        });
    }

    [Test]
    public void Whole_rows_are_projected_in_mapping_order_on_both_sides_so_tables_with_other_column_orders_line_up()
    {
        var query = Spark.Table<Customer>("crm.customers").Except(Spark.Table<Customer>("crm.old_customers"));
        AssertPlan(query, """
            Except
              Project [Id AS Id, Name AS Name, Country AS Country]
                Read crm.customers
              Project [Id AS Id, Name AS Name, Country AS Country]
                Read crm.old_customers
            """);
    }

    [Test]
    public void A_side_projected_in_another_order_is_reprojected()
    {
        var query = Orders.Select(o => new RegionTotal(o.Region, o.Amount))
            .Union(Orders.Select(o => new RegionTotal(o.Region, o.Amount * 2)).OrderBy(r => r.Total));
        AssertPlan(query, """
            Union
              Project [Region AS Region, Amount AS Total]
                Read sales.orders
              Project [Region AS Region, Total AS Total]
                Sort [Total ASC NULLS FIRST]
                  Project [Region AS Region, (Amount * 2D) AS Total]
                    Read sales.orders
            """);
    }

    [Test]
    public void Join_results_are_projected_before_a_set_operation()
    {
        var customers = Spark.Table<Customer>("crm.customers");
        var query = (from o in Orders join c in customers on o.CustomerId equals c.Id select new { o.Id, c.Name })
            .Intersect(Orders.Select(o => new { o.Id, Name = o.Region }));
        AssertPlan(query, """
            Intersect
              Project [o.Id AS Id, c.Name AS Name]
                Join Inner (o.customer_id == c.Id)
                  SubqueryAlias o
                    Read sales.orders
                  SubqueryAlias c
                    Read crm.customers
              Project [Id AS Id, Region AS Name]
                Read sales.orders
            """);
    }

    [TestCase("unionAll", nameof(Queryable.Concat))]
    [TestCase("except", nameof(Queryable.Except))]
    [TestCase("intersect", nameof(Queryable.Intersect))]
    public void Set_operations_are_the_official_ones(string golden, string method)
    {
        var ids = Orders.Select(o => o.Id);
        var ours = (method switch
        {
            nameof(Queryable.Concat) => ids.Concat(ids),
            nameof(Queryable.Except) => ids.Except(ids),
            _ => ids.Intersect(ids),
        }).ToRelation().SetOp;
        var theirs = Load(golden).SetOp;
        Assert.That((ours.SetOpType, ours.IsAll, ours.ByName), Is.EqualTo((theirs.SetOpType, theirs.IsAll, theirs.ByName)));
    }

    [Test]
    public void Union_distinct_is_the_official_union_with_is_all_false()
    {
        // The Scala client's union is UNION ALL (DataFrame semantics); LINQ's Union is distinct, which is the same SetOperation with is_all = false.
        var ours = Orders.Select(o => o.Id).Union(Orders.Select(o => o.Id)).ToRelation().SetOp;
        Assert.That((ours.SetOpType, ours.IsAll), Is.EqualTo((Load("union").SetOp.SetOpType, false)));
    }
}
