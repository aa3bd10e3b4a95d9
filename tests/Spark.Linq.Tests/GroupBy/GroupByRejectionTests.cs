using Spark.Linq.Tests.Untranslatable;

namespace Spark.Linq.Tests.GroupBy;

public class GroupByRejectionTests : UntranslatableTestBase
{
    [Test]
    public void Reading_the_groups_themselves() =>
        Rejects(Orders.GroupBy(o => o.Region), "GroupBy(", "GroupBy", "Select over the groups");

    [Test]
    public void Taking_the_first_group() =>
        RejectsTerminal(() => Orders.GroupBy(o => o.Region).First(), "GroupBy(", "GroupBy", "Select over the groups");

    [Test]
    public void A_comparer() =>
        Rejects(Orders.GroupBy(o => o.Region, StringComparer.OrdinalIgnoreCase).Select(g => g.Key), "GroupBy(", "GroupBy", "ToLower()");

    [Test]
    public void An_object_as_key_member() =>
        Rejects(Orders.GroupBy(o => new { o.ShipTo }).Select(g => g.Key), "o.ShipTo", "GroupBy", "Group by the object's members");

    [Test]
    public void An_operator_without_an_aggregate_over_the_elements() =>
        Rejects(Orders.GroupBy(o => o.Region).Select(g => g.Skip(1).First().Amount), "Skip(1)", "Select", "Count, LongCount, Sum");

    [Test]
    public void Select_after_Distinct_inside_a_group() =>
        Rejects(Orders.GroupBy(o => o.Region).Select(g => g.Distinct().Select(o => o.Id).Count()), "Select", "Select", "Move Distinct() after Select");

    [Test]
    public void A_group_as_a_member() =>
        Rejects(Orders.GroupBy(o => o.Region).Select(g => new { g.Key, Items = g }), "g", "Select", "g.ToList()");
}
