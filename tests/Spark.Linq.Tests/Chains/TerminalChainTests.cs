using System.Linq.Expressions;
using Spark.Linq.Query;
using Spark.Linq.Plans;

namespace Spark.Linq.Tests.Chains;

public class TerminalChainTests : PlanTestBase
{
    private string Plan<T>(Expression<Func<T>> query) =>
        PlanPrinter.Print(((SparkQueryProvider)Orders.Provider).Translate(query.Body).Relation);

    [Test]
    public void First_after_Where_after_Select() =>
        Assert.That(Plan(() => Orders.Select(o => new { o.Id, o.Amount }).Where(x => x.Amount > 5).First()), Is.EqualTo(
            "Limit 1\n  Filter (Amount > 5D)\n    Project [Id AS Id, Amount AS Amount]\n      Read sales.orders"));

    [Test]
    public void First_with_a_predicate_on_projected_members() =>
        Assert.That(Plan(() => Orders.Select(o => new { o.Id, o.Note }).FirstOrDefault(x => x.Note == null)), Is.EqualTo(
            "Limit 1\n  Filter isnull(Note)\n    Project [Id AS Id, Note AS Note]\n      Read sales.orders"));

    [Test]
    public void Last_after_an_ordering_carried_through_a_projection() =>
        Assert.That(Plan(() => Orders.OrderBy(o => o.Id).Select(o => new { Key = o.Id, o.Region }).Last()), Is.EqualTo(
            "Limit 1\n  Sort [Key DESC NULLS LAST]\n    Project [Id AS Key, Region AS Region]\n      Sort [Id ASC NULLS FIRST]\n        Read sales.orders"));

    [Test]
    public void Last_after_OrderBy_OrderBy_reverses_every_key() =>
        Assert.That(Plan(() => Orders.OrderBy(o => o.Id).OrderBy(o => o.Region).Last()), Is.EqualTo(
            "Limit 1\n  Sort [Region DESC NULLS LAST, Id DESC NULLS LAST]\n    Sort [Region ASC NULLS FIRST, Id ASC NULLS FIRST]\n      Read sales.orders"));

    [Test]
    public void Count_after_Skip_and_Take() =>
        Assert.That(Plan(() => Orders.Skip(5).Take(10).Count()), Does.StartWith("Aggregate").And.EndWith("Limit 10\n    Offset 5\n      Read sales.orders"));
}
