using Spark.Connect.Protocol;
using Spark.Linq.Testing;

namespace Spark.Linq.Tests.Testing;

/// <summary>
/// <see cref="QueryPlan"/>: what tests ask of a plan (its relations by kind, tables, output columns, the order of its
/// operators, functions and column references) without walking protobuf paths.
/// </summary>
public class QueryPlanTests : PlanTestBase
{
    private ISparkQueryable<Customer> Customers => Spark.Table<Customer>("crm.customers");

    [Test]
    public void Relations_of_a_kind_are_found_on_both_sides_of_a_join()
    {
        var plan = Orders.Where(o => o.Amount > 10)
            .Join(Customers.Where(c => c.Country == "NL"), o => o.CustomerId, c => c.Id, (o, c) => new { o.Id, c.Name })
            .ToQueryPlan();

        var filters = plan.Relations<Filter>();
        Assert.That(filters, Has.Count.EqualTo(2));
        Assert.That(filters.Select(f => f.Condition.UnresolvedFunction.FunctionName), Is.EqualTo(new[] { ">", "<=>" }), "left side first");
        Assert.That(plan.Relations<Join>().Single().JoinType, Is.EqualTo(Join.Types.JoinType.Inner));
        Assert.That(plan.Relations<Sort>(), Is.Empty);
    }

    [Test]
    public void Tables_lists_each_table_read_once_in_plan_order()
    {
        var plan = Orders.Join(Customers, o => o.CustomerId, c => c.Id, (o, c) => o)
            .Union(Orders.Where(o => o.Shipped))
            .ToQueryPlan();

        Assert.That(plan.Tables, Is.EqualTo(new[] { "sales.orders", "crm.customers" }));
    }

    [Test]
    public void OutputColumns_are_the_names_of_the_last_projection_through_row_preserving_operators()
    {
        var projected = Orders.Select(o => new { o.Id, Total = o.Amount * 2, o.ShipTo.City }).Where(x => x.Total > 5).OrderBy(x => x.Id).Take(3).ToQueryPlan();
        var grouped = Orders.GroupBy(o => o.Region).Select(g => new { Region = g.Key, Orders = g.Count() }).ToQueryPlan();
        var table = Orders.Where(o => o.Shipped).ToQueryPlan();

        Assert.That(projected.OutputColumns, Is.EqualTo(new[] { "Id", "Total", "City" }));
        Assert.That(grouped.OutputColumns, Is.EqualTo(new[] { "Region", "Orders" }));
        Assert.That(table.OutputColumns, Is.EqualTo(new[] { "*" }), "a table's columns are the server's to say");
    }

    [Test]
    public void RunsBefore_tells_a_filter_under_a_sort_from_a_sort_under_a_filter()
    {
        var filterFirst = Orders.Where(o => o.Amount > 10).OrderBy(o => o.PlacedAt).ToQueryPlan();
        var sortFirst = Orders.OrderBy(o => o.PlacedAt).Take(5).Where(o => o.Amount > 10).ToQueryPlan();

        Assert.Multiple(() =>
        {
            Assert.That(filterFirst.RunsBefore<Filter, Sort>(), Is.True);
            Assert.That(filterFirst.RunsBefore<Sort, Filter>(), Is.False);
            Assert.That(sortFirst.RunsBefore<Sort, Filter>(), Is.True);
            Assert.That(sortFirst.RunsBefore<Filter, Sort>(), Is.False);
            Assert.That(filterFirst.RunsBefore<Filter, Join>(), Is.False, "no join at all");
        });
    }

    [Test]
    public void Pipeline_lists_the_operators_from_the_source_to_the_root()
    {
        var plan = Orders.Where(o => o.Amount > 10).OrderByDescending(o => o.PlacedAt).Select(o => new { o.Id, o.Region }).Take(10).ToQueryPlan();

        Assert.That(plan.Pipeline, Is.EqualTo(new[] { "Read", "Filter", "Sort", "Project", "Limit" }));
        Assert.That(plan.Root.Kind, Is.EqualTo("Limit"));
        Assert.That(plan.Root.Inputs.Single().Parent, Is.SameAs(plan.Root));
        Assert.That(plan.Nodes.Select(n => n.Depth), Is.EqualTo(new[] { 0, 1, 2, 3, 4 }));
    }

    [Test]
    public void Functions_and_column_references_are_listed_once_each_in_plan_order()
    {
        var plan = Orders.Where(o => o.Region.ToUpper() == "EU" && o.Amount > 1 && o.Amount < 100).Select(o => new { o.Id, Name = o.Region.ToUpper() }).ToQueryPlan();

        Assert.That(plan.Functions, Does.Contain("upper"));
        Assert.That(plan.Functions.Count(f => f == "upper"), Is.EqualTo(1));
        Assert.That(plan.Functions, Does.Contain("and").And.Contain(">").And.Contain("<"));
        Assert.That(plan.ColumnReferences, Is.EqualTo(new[] { "Id", "Region", "Amount" }));
    }

    [Test]
    public void Nodes_are_numbered_from_the_root_and_describe_themselves_as_their_snapshot_line()
    {
        var plan = Orders.Where(o => o.Amount > 10).Take(3).ToQueryPlan();

        Assert.That(plan.Nodes.Select(n => n.Id), Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(plan.Nodes.Select(n => n.Description), Is.EqualTo(new[] { "Limit 3", "Filter (Amount > 10d (double))", "Read sales.orders" }));
        Assert.That(plan.Root.Descendants().Select(n => n.Kind), Is.EqualTo(new[] { "Filter", "Read" }));
    }

    [Test]
    public void A_query_of_another_provider_is_refused_by_name()
    {
        var local = new[] { 1, 2 }.AsQueryable();

        Assert.That(() => local.ToQueryPlan(), Throws.ArgumentException.With.Message.Contains("not a Spark.Linq query"));
    }

    [Test]
    public void Inspecting_a_plan_contacts_no_server()
    {
        // The session's transport fails any call (NoNetworkTransport): reaching this line proves nothing was sent.
        var plan = Orders.Where(o => o.Amount > 10).ToQueryPlan();

        Assert.That(plan.ToPlanString(), Does.StartWith("Filter"));
    }
}
