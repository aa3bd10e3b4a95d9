namespace Spark.Linq.Tests.Joins;

/// <summary>FullJoin run by LINQ-to-Objects: the answer the differential tests compare Spark's with.</summary>
public class FullJoinObjectsTests
{
    private static readonly (int? Key, string Name)[] Left = [(1, "a"), (2, "b"), (2, "b2"), (null, "n"), (4, "d")];
    private static readonly (int? Key, string Tag)[] Right = [(2, "x"), (3, "y"), (null, "z"), (2, "x2")];

    private static readonly string[] Expected = ["a-", "b-x", "b-x2", "b2-x", "b2-x2", "n-", "d-", "-y", "-z"];

    [Test]
    public void Enumerable_FullJoin_pairs_matches_then_adds_unmatched_inner_rows_and_null_keys_match_nothing()
    {
        var rows = Left.FullJoin(Right, l => l.Key, r => r.Key, (l, r) => $"{l.Name}-{r.Tag}").ToList();
        Assert.That(rows, Is.EqualTo(Expected));
    }

    [Test]
    public void Queryable_FullJoin_over_AsQueryable_runs_the_Enumerable_form()
    {
        var rows = Left.AsQueryable().FullJoin(Right, l => l.Key, r => r.Key, (l, r) => $"{l.Name}-{r.Tag}").ToList();
        Assert.That(rows, Is.EqualTo(Expected));
    }

    [Test]
    public void A_missing_reference_side_is_null()
    {
        string[] left = ["a", "b"];
        string[] right = ["b", "c"];
        var rows = left.FullJoin(right, l => l, r => r, (l, r) => (l, r)).ToList();
        Assert.That(rows, Is.EqualTo(new (string?, string?)[] { ("a", null), ("b", "b"), (null, "c") }));
    }
}
