using Spark.Connect;
using GroupType = Spark.Connect.Protocol.Aggregate.Types.GroupType;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Connect.Local.Tests.Planning;

/// <summary>Rollup, cube, grouping sets and pivot over the people table (dept 10, 10, 20 and a null dept).</summary>
public sealed class GroupingSetsTests : PlannerTestBase
{
    [SetUp]
    public void UseCatalog() => Functions = null;

    private Relation Grouped(GroupType type, Expression[] grouping, Expression[] aggregates, Action<Aggregate>? more = null)
    {
        var aggregate = new Aggregate { Input = Table("people"), GroupType = type };
        aggregate.GroupingExpressions.AddRange(grouping);
        aggregate.AggregateExpressions.AddRange(aggregates);
        more?.Invoke(aggregate);
        return New(r => r.Aggregate = aggregate);
    }

    private List<string> Sorted(Relation relation) => Lines(relation).Order(StringComparer.Ordinal).ToList();

    private static Expression Parity => Alias(Fn("%", Col("id"), Lit(2)), "parity");

    [Test]
    public void Rollup_adds_a_subtotal_per_prefix_and_a_grand_total()
    {
        var rollup = Grouped(GroupType.Rollup, [Col("dept"), Parity], [Alias(Fn("sum", Col("salary")), "s")]);
        Assert.That(Columns(rollup), Is.EqualTo(new[] { "dept", "parity", "s" }));
        Assert.That(Sorted(rollup), Is.EqualTo(new[]
        {
            "10|0|200.0", "10|1|100.0", "10|∅|300.0", "20|1|300.0", "20|∅|300.0", "∅|0|400.0", "∅|∅|1000.0", "∅|∅|400.0",
        }));
    }

    [Test]
    public void Cube_groups_by_every_subset()
    {
        var cube = Grouped(GroupType.Cube, [Col("dept"), Parity], [Alias(Fn("count", Lit(1)), "n")]);
        var expected = new[] { "10|0|1", "10|1|1", "10|∅|2", "20|1|1", "20|∅|1", "∅|0|1", "∅|0|2", "∅|1|2", "∅|∅|1", "∅|∅|4" };
        Assert.That(Sorted(cube), Is.EqualTo(expected.Order(StringComparer.Ordinal)));
    }

    [Test]
    public void Grouping_sets_group_by_exactly_the_sets_given()
    {
        var sets = Grouped(GroupType.GroupingSets, [Col("dept"), Parity], [Alias(Fn("max", Col("salary")), "m")], a =>
        {
            a.GroupingSets.Add(new Aggregate.Types.GroupingSets { GroupingSet = { Col("dept") } });
            a.GroupingSets.Add(new Aggregate.Types.GroupingSets());
        });
        Assert.That(Sorted(sets), Is.EqualTo(new[] { "10|∅|200.0", "20|∅|300.0", "∅|∅|400.0", "∅|∅|400.0" }));
    }

    [Test]
    public void Grouping_sets_given_without_grouping_expressions_group_but_are_not_output()
    {
        // Some clients send only the sets: Spark groups by them and outputs only the aggregates.
        var sets = Grouped(GroupType.GroupingSets, [], [Alias(Fn("count", Lit(1)), "n")], a =>
        {
            a.GroupingSets.Add(new Aggregate.Types.GroupingSets { GroupingSet = { Col("dept") } });
            a.GroupingSets.Add(new Aggregate.Types.GroupingSets());
        });
        Assert.That(Columns(sets), Is.EqualTo(new[] { "n" }));
        Assert.That(Sorted(sets), Is.EqualTo(new[] { "1", "1", "2", "4" }));
    }

    [Test]
    public void Pivot_makes_one_column_per_value_and_matches_null_safely()
    {
        var values = new[] { new Literal { Integer = 10 }, new Literal { Integer = 20 }, new Literal { Null = new DataType { Integer = new() } } };
        var pivot = Grouped(GroupType.Pivot, [], [Fn("sum", Col("salary"))], a => a.Pivot = new Aggregate.Types.Pivot { Col = Col("dept"), Values = { values } });
        Assert.That(Columns(pivot), Is.EqualTo(new[] { "10", "20", "null" }));
        Assert.That(Lines(pivot), Is.EqualTo(new[] { "300.0|300.0|400.0" }));
    }

    [Test]
    public void Pivot_without_values_pivots_on_the_distinct_values_sorted_nulls_first_as_spark()
    {
        var pivot = Grouped(GroupType.Pivot, [Parity], [Fn("max", Col("salary"))], a => a.Pivot = new Aggregate.Types.Pivot { Col = Col("dept") });
        Assert.That(Columns(pivot), Is.EqualTo(new[] { "parity", "null", "10", "20" }));
        Assert.That(Sorted(pivot), Is.EqualTo(new[] { "0|400.0|200.0|∅", "1|∅|100.0|300.0" }));
        // The values are read over the input as it is: a filter below the pivot leaves fewer columns.
        var filtered = New(r => r.Aggregate = new Aggregate
        {
            Input = Filter(Table("people"), Fn(">", Col("salary"), Lit(150.0))), GroupType = GroupType.Pivot,
            AggregateExpressions = { Fn("count", Lit(1)) }, Pivot = new Aggregate.Types.Pivot { Col = Col("name") },
        });
        Assert.That(Columns(filtered), Is.EqualTo(new[] { "Bob", "Cid", "Dee" }));
    }

    [Test]
    public void Pivot_with_several_aggregates_names_columns_value_then_aggregate()
    {
        var values = new[] { new Literal { Integer = 10 }, new Literal { Integer = 30 } };
        var pivot = Grouped(GroupType.Pivot, [Parity], [Fn("count", Lit(1)), Alias(Fn("min", Col("name")), "first")],
            a => a.Pivot = new Aggregate.Types.Pivot { Col = Col("dept"), Values = { values } });
        Assert.That(Columns(pivot), Is.EqualTo(new[] { "parity", "10_count(1)", "10_first", "30_count(1)", "30_first" }));
        // No row has dept 30: counts are 0 and the minimum is null, as Spark gives.
        Assert.That(Sorted(pivot), Is.EqualTo(new[] { "0|1|Bob|0|∅", "1|1|Ann|0|∅" }));
    }
}
