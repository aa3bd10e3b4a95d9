namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>
/// A common table expression that calls a nondeterministic function is computed once per query and shared by every
/// read, as Spark keeps such a CTE uninlined; a deterministic one is still substituted where it is read.
/// </summary>
public sealed class SparkSqlSharedCteTests : SparkSqlTestBase
{
    [Test]
    public void EveryReadOfANondeterministicCteSeesTheSameRows()
    {
        // Four random values read twice: the union of the two reads is the same four rows, not eight.
        Assert.That(Query("SELECT count(*) FROM (WITH q(x) AS (SELECT random() FROM range(1, 5)) SELECT * FROM q UNION SELECT * FROM q)"),
            Is.EqualTo(new[] { "4" }));
        Assert.That(Query("WITH q AS (SELECT id, rand() AS r FROM people) SELECT count(*) FROM q a JOIN q b ON a.id = b.id AND a.r = b.r"),
            Is.EqualTo(new[] { "4" }));
        Assert.That(Schema("WITH q(x) AS (SELECT random() FROM range(1, 5)) SELECT * FROM q"), Is.EqualTo(new[] { "x:double" }));
    }

    [Test]
    public void InsideARecursiveTermEachLevelComputesItsOwnRows()
    {
        Assert.That(Query("""
            WITH RECURSIVE r(n) AS (
              SELECT 1
              UNION ALL
              (WITH s AS (SELECT n + 1 AS m, rand() AS x FROM r) SELECT m FROM s WHERE m <= 3))
            SELECT * FROM r ORDER BY n
            """), Is.EqualTo(new[] { "1", "2", "3" }));
    }

    [Test]
    public void ADeterministicCteIsStillReadInPlace()
    {
        Assert.That(Query("WITH q AS (SELECT id FROM people WHERE dept = 10) SELECT count(*) FROM q a JOIN q b ON a.id <> b.id"),
            Is.EqualTo(new[] { "2" }));
    }
}
