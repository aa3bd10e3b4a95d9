using Spark.Connect.Protocol;
using static Spark.Linq.Tests.Golden.Goldens;

namespace Spark.Linq.Tests.Golden;

/// <summary>
/// DistinctBy, top rows per group, MaxBy/MinBy and FullJoin against the official client's <c>dropDuplicates(cols)</c>,
/// <c>drop(name)</c>, <c>row_number().over(…)</c>, <c>max_by</c>/<c>min_by</c> and <c>join(…, "full_outer")</c>.
/// </summary>
public class RowSelectionAlignmentTests : PlanTestBase
{
    private ISparkQueryable<Customer> Customers => Spark.Table<Customer>("crm.customers");

    [Test]
    public void DistinctBy_on_columns_is_the_official_dropDuplicates_of_those_columns()
    {
        var ours = Orders.DistinctBy(o => new { o.Region, o.CustomerId }).ToRelation().Deduplicate;
        var theirs = Load("dropDuplicates_names_seq").Deduplicate;
        Assert.Multiple(() =>
        {
            Assert.That(ours.ColumnNames, Is.EqualTo(new[] { "Region", "customer_id" }));
            Assert.That((ours.AllColumnsAsKeys, ours.HasAllColumnsAsKeys, ours.WithinWatermark, ours.HasWithinWatermark),
                Is.EqualTo((theirs.AllColumnsAsKeys, theirs.HasAllColumnsAsKeys, theirs.WithinWatermark, theirs.HasWithinWatermark)));
        });
    }

    [Test]
    public void The_row_number_helper_column_is_numbered_and_dropped_as_the_official_client_does()
    {
        var relation = Orders.OrderBy(o => o.Id).DistinctBy(o => o.Region).ToRelation();
        var drop = relation.Sort.Input.Drop;
        var theirsDrop = Load("drop_single_string").Drop;
        var window = drop.Input.Filter.Input.Project.Expressions[1].Alias.Expr.Window;
        var theirsWindow = Projected("function_row_number").Window;
        Assert.Multiple(() =>
        {
            Assert.That((drop.ColumnNames.Count, drop.Columns.Count), Is.EqualTo((theirsDrop.ColumnNames.Count, theirsDrop.Columns.Count)), "drop by name");
            Assert.That(window.WindowFunction, Is.EqualTo(theirsWindow.WindowFunction));
            Assert.That(window.PartitionSpec.Select(Signature), Is.EqualTo(theirsWindow.PartitionSpec.Select(Signature)));
            Assert.That(window.OrderSpec.Select(o => (Signature(o.Child), o.Direction, o.NullOrdering)),
                Is.EqualTo(theirsWindow.OrderSpec.Select(o => (Signature(o.Child), o.Direction, o.NullOrdering))));
        });
    }

    [TestCase("function_max_by")]
    [TestCase("function_min_by")]
    public void Members_of_a_groups_MaxBy_and_MinBy_are_the_official_functions(string golden)
    {
        var aggregate = Orders.GroupBy(o => o.Region).Select(g => new { A = g.MaxBy(o => o.Amount)!.CustomerId, B = g.MinBy(o => o.Amount)!.CustomerId })
            .ToRelation().Project.Input.Aggregate;
        var theirs = Projected(golden);
        Assert.That(aggregate.AggregateExpressions.Select(e => e.Alias.Expr), Has.Some.EqualTo(theirs).Using<Expression>((a, b) =>
            Signature(a) == Signature(b) && a.UnresolvedFunction.IsInternal == b.UnresolvedFunction.IsInternal));
    }

    [Test]
    public void FullJoin_is_the_official_full_outer_join_type()
    {
        var ours = Orders.FullJoin(Customers, o => o.CustomerId, c => c.Id, (o, c) => new { o, c }).ToRelation().Project.Input.Join;
        Assert.That(ours.JoinType, Is.EqualTo(Load("join_using_multiple_col_array").Join.JoinType));
    }
}
