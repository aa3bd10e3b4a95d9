using static Spark.Linq.Tests.Golden.Goldens;

namespace Spark.Linq.Tests.GroupBy;

/// <summary>Our grouped aggregates against the official client's groupBy/agg and aggregate functions.</summary>
public class GroupByAlignmentTests : PlanTestBase
{
    private global::Spark.Connect.Protocol.Aggregate Aggregate<T>(IQueryable<T> query) => query.ToRelation().Project.Input.Aggregate;

    [Test]
    public void Count_per_group_is_the_official_groupBy_count()
    {
        var ours = Aggregate(Orders.GroupBy(o => o.Id).Select(g => new { g.Key, N = g.Count() }));
        var theirs = Load("groupby_count").Aggregate;
        Assert.Multiple(() =>
        {
            Assert.That(ours.GroupType, Is.EqualTo(theirs.GroupType));
            Assert.That(ours.AggregateExpressions[0], Is.EqualTo(theirs.AggregateExpressions[0]), "count(1) AS count");
            Assert.That(Signature(ours.GroupingExpressions[0].Alias.Expr), Is.EqualTo(Signature(theirs.GroupingExpressions[0])));
        });
    }

    [Test]
    public void Max_and_sum_per_group_are_the_official_functions()
    {
        var ours = Aggregate(Orders.GroupBy(o => o.Id).Select(g => new { A = g.Max(o => o.CustomerId), B = g.Sum(o => o.Amount) }));
        var theirs = Load("groupby_agg_columns").Aggregate;
        Assert.That(ours.AggregateExpressions.Select(e => Signature(e.Alias.Expr)), Is.EqualTo(theirs.AggregateExpressions.Select(Signature)));
    }

    [TestCase("function_count_if")]
    [TestCase("function_collect_list")]
    [TestCase("function_collect_set")]
    [TestCase("function_bool_and")]
    public void Group_aggregates_use_the_official_function_names(string golden)
    {
        var ours = Aggregate(Orders.GroupBy(o => o.Region).Select(g => new
        {
            A = g.Count(o => o.Amount > 0),
            B = g.Select(o => o.Id).ToList(),
            C = g.Select(o => o.Id).ToHashSet(),
            D = g.All(o => o.Shipped),
        })).AggregateExpressions.Select(e => e.Alias.Expr).ToList();
        var name = Projected(golden).UnresolvedFunction.FunctionName;
        Assert.That(ours.Any(e => FindFunction(e, name) is { } call && call.UnresolvedFunction.Arguments.Count == Projected(golden).UnresolvedFunction.Arguments.Count), Is.True, name);
    }

    [TestCase("function_countDistinct", "count")]
    [TestCase("function_sum_distinct", "sum")]
    public void Distinct_aggregates_set_is_distinct_as_the_official_client(string golden, string function)
    {
        var ours = Aggregate(Orders.GroupBy(o => o.Region).Select(g => new { A = g.Select(o => o.Id).Distinct().Count(), B = g.Select(o => o.Id).Distinct().Sum() }));
        var call = ours.AggregateExpressions.Select(e => FindFunction(e.Alias.Expr, function)).First(c => c is not null)!;
        Assert.That((call.UnresolvedFunction.FunctionName, call.UnresolvedFunction.IsDistinct), Is.EqualTo((Projected(golden).UnresolvedFunction.FunctionName, Projected(golden).UnresolvedFunction.IsDistinct)));
    }
}
