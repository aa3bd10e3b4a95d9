namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>LATERAL VIEW [OUTER] with explode, posexplode and inline after the FROM clause.</summary>
public sealed class SparkSqlLateralViewTests : SparkSqlTestBase
{
    [Test]
    public void LateralViewExplodesEachRow()
    {
        Assert.That(Query("SELECT id, x FROM people LATERAL VIEW explode(array(id, id * 10)) t AS x WHERE id <= 2 ORDER BY id, x"),
            Is.EqualTo(new[] { "1|1", "1|10", "2|2", "2|20" }));
        Assert.That(Schema("SELECT * FROM (SELECT 1 AS k) LATERAL VIEW posexplode(array('a', 'b')) t AS p, v"),
            Is.EqualTo(new[] { "k:int", "p:int", "v:string" }));
        Assert.That(Query("SELECT k, p, v FROM (SELECT 1 AS k) LATERAL VIEW posexplode(array('a', 'b')) t AS p, v ORDER BY p"),
            Is.EqualTo(new[] { "1|0|a", "1|1|b" }));
        // Without column names the generator's own (col).
        Assert.That(Schema("SELECT * FROM (SELECT 1 AS k) LATERAL VIEW explode(array(5)) t"), Is.EqualTo(new[] { "k:int", "col:int" }));
    }

    [Test]
    public void OuterKeepsRowsWithNothingToExplodeAndViewsChain()
    {
        Assert.That(Query("SELECT k, x FROM (SELECT 1 AS k, CAST(array() AS array<int>) AS a) LATERAL VIEW explode(a) t AS x"), Is.Empty);
        Assert.That(Query("SELECT k, x FROM (SELECT 1 AS k, CAST(array() AS array<int>) AS a) LATERAL VIEW OUTER explode(a) t AS x"),
            Is.EqualTo(new[] { "1|∅" }));
        Assert.That(Query("SELECT x, y FROM (SELECT 1 AS k) LATERAL VIEW explode(array(1, 2)) a AS x LATERAL VIEW explode(array(x * 10)) b AS y ORDER BY x"),
            Is.EqualTo(new[] { "1|10", "2|20" }));
        Assert.That(Query("SELECT a, b FROM (SELECT 1 AS k) LATERAL VIEW inline(array(named_struct('a', 1, 'b', 'z'))) t"),
            Is.EqualTo(new[] { "1|z" }));
        Assert.That(QueryError("SELECT * FROM people LATERAL VIEW OUTER stack(1, id) t AS x").ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
    }
}
