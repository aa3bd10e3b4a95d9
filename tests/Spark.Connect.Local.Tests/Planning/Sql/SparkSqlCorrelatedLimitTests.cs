namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>
/// Correlated scalar subqueries with ORDER BY … LIMIT whose correlated predicate reads only outer columns. Spark before
/// SPARK-58411 dropped the ORDER BY of this shape while decorrelating (an arbitrary row; the corpus file
/// scalar-subquery-predicate records one such answer); Spark since then, like the engine, keeps it: the first row in
/// the ORDER BY's order, so an ascending key puts nulls first.
/// </summary>
public sealed class SparkSqlCorrelatedLimitTests : SparkSqlTestBase
{
    // The inner table's first row is not its smallest key, and a null key comes after it: a plan that dropped the
    // ORDER BY would answer 12 where the ordered answer is null.
    private const string Inner = "VALUES (12, 1), (NULL, 2), (16, 3), (5, 4) AS t2(t2c, t2d)";
    private const string Outer = "FROM VALUES (1, 5, 12), (2, 9, 5), (7, 3, 16) AS t1(t1a, t1b, t1c)";

    [Test]
    public void AscendingOrderPutsNullsFirstSoTheSubqueryIsNull() =>
        Assert.That(Query($"SELECT t1a, (SELECT t2c FROM {Inner} WHERE t1a < t1b ORDER BY t2c LIMIT 1) {Outer} ORDER BY t1a"),
            Is.EqualTo(new[] { "1|∅", "2|∅", "7|∅" }));

    [Test]
    public void NullFirstValueMatchesNoOuterRowInAPredicate()
    {
        Assert.That(Query($"SELECT t1a {Outer} WHERE t1c = (SELECT t2c FROM {Inner} WHERE t1a < t1b ORDER BY t2c LIMIT 1)"), Is.Empty);
        Assert.That(Query($"SELECT t1a {Outer} WHERE t1c = (SELECT DISTINCT t2c FROM {Inner} WHERE t1a < t1b ORDER BY t2c LIMIT 1)"), Is.Empty);
    }

    [Test]
    public void NullsLastAndDescendingOrdersAreKept()
    {
        // The predicate is false for t1a = 7: no inner row, so null; the others take the ordered first row.
        Assert.That(Query($"SELECT t1a, (SELECT t2c FROM {Inner} WHERE t1a < t1b ORDER BY t2c NULLS LAST LIMIT 1) {Outer} ORDER BY t1a"),
            Is.EqualTo(new[] { "1|5", "2|5", "7|∅" }));
        // Descending is NULLS LAST in Spark.
        Assert.That(Query($"SELECT t1a, (SELECT DISTINCT t2c FROM {Inner} WHERE t1a < t1b ORDER BY t2c DESC LIMIT 1) {Outer} ORDER BY t1a"),
            Is.EqualTo(new[] { "1|16", "2|16", "7|∅" }));
        Assert.That(Query($"SELECT t1a {Outer} WHERE t1c = (SELECT t2c FROM {Inner} WHERE t1a < t1b ORDER BY t2d DESC LIMIT 1) ORDER BY t1a"),
            Is.EqualTo(new[] { "2" }));
    }

    [Test]
    public void OrderByAnotherInnerColumnPicksItsFirstRow() =>
        Assert.That(Query($"SELECT t1a, (SELECT t2c FROM {Inner} WHERE t1a < t1b ORDER BY t2d LIMIT 1) {Outer} ORDER BY t1a"),
            Is.EqualTo(new[] { "1|12", "2|12", "7|∅" }));
}
