namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>
/// An IN / NOT IN subquery in the ON condition of an outer, semi or anti join (DuckDB refuses a subquery there; the engine
/// computes the one-sided conjunct on its side first): Spark's rows, NULL semantics of IN included.
/// </summary>
public sealed class SparkSqlJoinConditionSubqueryTests : SparkSqlTestBase
{
    private const string S1 = "VALUES (1), (3), (5), (7), (9) AS s1(id)";
    private const string S2 = "VALUES (1), (3), (4), (6), (9) AS s2(id)";
    private const string S3 = "(SELECT * FROM VALUES (3), (4), (6), (9) AS s3(id))";

    [Test]
    public void LeftJoinWithAnInSubqueryOnTheLeftSide() =>
        Assert.That(Query($"SELECT s1.id, s2.id AS id2 FROM {S1} LEFT OUTER JOIN {S2} ON s1.id = s2.id AND s1.id IN (SELECT id FROM {S3}) ORDER BY s1.id"),
            Is.EqualTo(new[] { "1|∅", "3|3", "5|∅", "7|∅", "9|9" }));

    [Test]
    public void RightAndFullJoinsWithNotIn()
    {
        Assert.That(Query($"SELECT s1.id, s2.id AS id2 FROM {S1} RIGHT OUTER JOIN {S2} ON s1.id = s2.id AND s1.id NOT IN (SELECT id FROM {S3}) ORDER BY s2.id"),
            Is.EqualTo(new[] { "1|1", "∅|3", "∅|4", "∅|6", "∅|9" }));
        Assert.That(Query($"SELECT s1.id, s2.id AS id2 FROM {S1} FULL OUTER JOIN {S2} ON s1.id = s2.id AND s1.id NOT IN (SELECT id FROM {S3})"),
            Is.EquivalentTo(new[] { "1|1", "3|∅", "5|∅", "7|∅", "9|∅", "∅|3", "∅|4", "∅|6", "∅|9" }));
    }

    [Test]
    public void SemiAndAntiJoins()
    {
        Assert.That(Query($"SELECT s1.id FROM {S1} LEFT SEMI JOIN {S2} ON s1.id = s2.id AND s1.id IN (SELECT id FROM {S3}) ORDER BY s1.id"),
            Is.EqualTo(new[] { "3", "9" }));
        Assert.That(Query($"SELECT s1.id FROM {S1} LEFT ANTI JOIN {S2} ON s1.id = s2.id AND s1.id IN (SELECT id FROM {S3}) ORDER BY s1.id"),
            Is.EqualTo(new[] { "1", "5", "7" }));
    }

    [Test]
    public void ASubqueryOnTheRightSideAndNullsInTheList()
    {
        // s2.id NOT IN (NULL, 3): never true, so no right row matches.
        Assert.That(Query($"SELECT s1.id, s2.id AS id2 FROM {S1} LEFT JOIN {S2} ON s1.id = s2.id AND s2.id NOT IN (SELECT * FROM VALUES (NULL), (3) AS n(x)) ORDER BY s1.id"),
            Is.EqualTo(new[] { "1|∅", "3|∅", "5|∅", "7|∅", "9|∅" }));
        Assert.That(Query($"SELECT s1.id, s2.id AS id2 FROM {S1} LEFT JOIN {S2} ON s1.id = s2.id AND s2.id IN (SELECT id FROM {S3}) ORDER BY s1.id"),
            Is.EqualTo(new[] { "1|∅", "3|3", "5|∅", "7|∅", "9|9" }));
    }
}
