namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>
/// <c>WITH RECURSIVE</c> as Spark 4.1 runs it (UnionLoop): level by level until a level is empty, bounded by the
/// level and row limits, a LIMIT over the CTE stopping the run early, and Spark's errors for definitions it refuses.
/// </summary>
public sealed class SparkSqlRecursiveCteTests : SparkSqlTestBase
{
    [Test]
    public void RecursionRunsUntilALevelIsEmpty()
    {
        Assert.That(Query("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT * FROM r ORDER BY n"),
            Is.EqualTo(new[] { "1", "2", "3", "4", "5" }));
        Assert.That(Schema("WITH RECURSIVE r AS (SELECT 0 AS level UNION ALL SELECT level + 1 FROM r WHERE level < 3) SELECT * FROM r"),
            Is.EqualTo(new[] { "level:int" }));
        // Each level reads only the previous level's rows: the join with the table fans out per level.
        Assert.That(Query("""
            WITH RECURSIVE chain(dept, depth) AS (
              SELECT 10, 0
              UNION ALL
              SELECT d.dept, c.depth + 1 FROM chain c JOIN depts d ON d.dept = c.dept + 10 WHERE c.depth < 5)
            SELECT dept, depth FROM chain ORDER BY depth
            """), Is.EqualTo(new[] { "10|0", "20|1", "30|2" }));
    }

    [Test]
    public void ANonRecursiveDefinitionInAWithRecursiveIsAnOrdinaryCte()
    {
        Assert.That(Query("WITH RECURSIVE x(id) AS (SELECT 1 UNION SELECT 2) SELECT sum(id) FROM x"), Is.EqualTo(new[] { "3" }));
        // Without RECURSIVE the name is not in scope inside its own definition.
        Assert.That(QueryError("WITH r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT * FROM r").ErrorClass,
            Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
    }

    [Test]
    public void TheLevelLimitIsSparks()
    {
        Assert.That(QueryError("WITH RECURSIVE r(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM r) SELECT * FROM r").ErrorClass,
            Is.EqualTo("RECURSION_LEVEL_LIMIT_EXCEEDED"));
        // 100 levels: the anchor and 99 steps.
        Assert.That(Query("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 100) SELECT max(n) FROM r"), Is.EqualTo(new[] { "100" }));
        Assert.That(QueryError("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 101) SELECT max(n) FROM r").ErrorClass,
            Is.EqualTo("RECURSION_LEVEL_LIMIT_EXCEEDED"));
        Assert.That(Query("WITH RECURSIVE r(n) MAX RECURSION LEVEL 200 AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 150) SELECT max(n) FROM r"),
            Is.EqualTo(new[] { "150" }));
        Session.Settings["spark.sql.cteRecursionLevelLimit"] = "5";
        Assert.That(QueryError("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 6) SELECT * FROM r").ErrorClass,
            Is.EqualTo("RECURSION_LEVEL_LIMIT_EXCEEDED"));
    }

    [Test]
    public void TheRowLimitIsSparksUnlessALimitBoundsTheRun()
    {
        Session.Settings["spark.sql.cteRecursionRowLimit"] = "25";
        const string doubling = "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n FROM t CROSS JOIN (VALUES (1), (2)) v(x))";
        Assert.That(QueryError(doubling + " SELECT * FROM t").ErrorClass, Is.EqualTo("RECURSION_ROW_LIMIT_EXCEEDED"));
        // A LIMIT over the CTE (through projections) stops the run once that many rows exist.
        Assert.That(Query(doubling + " SELECT n FROM t LIMIT 30"), Has.Count.EqualTo(30));
        Session.Settings.Remove("spark.sql.cteRecursionRowLimit");
        Assert.That(Query("WITH RECURSIVE r(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM r) SELECT * FROM r LIMIT 10"),
            Is.EquivalentTo(new[] { "0", "1", "2", "3", "4", "5", "6", "7", "8", "9" }));
        // LIMIT 3 OFFSET 4 reads the first seven rows.
        Assert.That(Query("WITH RECURSIVE r(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM r) SELECT * FROM r LIMIT 3 OFFSET 4"), Has.Count.EqualTo(3));
        // A sort between the LIMIT and the CTE needs every row: the run is not bounded.
        Assert.That(QueryError("WITH RECURSIVE r(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM r) SELECT n FROM r ORDER BY n LIMIT 10").ErrorClass,
            Is.EqualTo("RECURSION_LEVEL_LIMIT_EXCEEDED"));
    }

    [Test]
    public void DefinitionsSparkRefusesRaiseItsErrors()
    {
        Assert.That(QueryError("WITH RECURSIVE r(n) AS (SELECT 0 UNION SELECT (n + 1) % 10 FROM r) SELECT * FROM r").ErrorClass,
            Is.EqualTo("UNION_NOT_SUPPORTED_IN_RECURSIVE_CTE"));
        Assert.That(QueryError("WITH RECURSIVE r(n) AS (SELECT n + 1 FROM r WHERE n < 9) SELECT * FROM r").ErrorClass, Is.EqualTo("INVALID_RECURSIVE_CTE"));
        Assert.That(QueryError("WITH RECURSIVE r(n) AS (SELECT 0 INTERSECT SELECT n + 1 FROM r) SELECT * FROM r").ErrorClass, Is.EqualTo("INVALID_RECURSIVE_CTE"));
        Assert.That(QueryError("WITH RECURSIVE r(a, b) AS (SELECT 0 UNION ALL SELECT a + 1 FROM r WHERE a < 3) SELECT * FROM r").ErrorClass,
            Is.EqualTo("ASSIGNMENT_ARITY_MISMATCH"));
        // The anchor can't read the CTE: its columns are not known yet.
        Assert.That(QueryError("WITH RECURSIVE r(n) AS (SELECT n + 1 FROM r UNION ALL SELECT 0) SELECT * FROM r").ErrorClass,
            Is.EqualTo("UNRESOLVED_COLUMN.WITHOUT_SUGGESTION"));
    }

    [TestCase("SELECT max(n) + 1 FROM r WHERE n < 9")]
    [TestCase("SELECT n + 1 FROM r GROUP BY n")]
    [TestCase("SELECT m + 1 FROM (SELECT max(n) AS m FROM r)")]
    [TestCase("SELECT r.n + 1 FROM depts LEFT JOIN r ON r.n = depts.dept WHERE r.n < 9")]
    [TestCase("SELECT r.n + 1 FROM r RIGHT JOIN depts ON r.n = depts.dept WHERE r.n < 9")]
    [TestCase("SELECT r.n + 1 FROM r FULL JOIN depts ON r.n = depts.dept WHERE r.n < 9")]
    [TestCase("SELECT dept FROM depts LEFT SEMI JOIN r ON r.n = depts.dept")]
    [TestCase("SELECT dept FROM depts LEFT ANTI JOIN r ON r.n = depts.dept")]
    public void AReferenceWhereALevelWouldDependOnLaterRowsIsRefused(string recursiveTerm)
    {
        Assert.That(QueryError($"WITH RECURSIVE r(n) AS (SELECT 10 UNION ALL {recursiveTerm}) SELECT * FROM r").ErrorClass,
            Is.EqualTo("INVALID_RECURSIVE_REFERENCE.PLACE"));
    }

    [Test]
    public void ReferencesOnTheKeptSideOfJoinsAndInSubqueryExpressionsRun()
    {
        Assert.That(Query("WITH RECURSIVE r(n) AS (SELECT 10 UNION ALL SELECT r.n + 10 FROM r LEFT JOIN depts ON depts.dept = r.n WHERE r.n < 30) SELECT * FROM r ORDER BY n"),
            Is.EqualTo(new[] { "10", "20", "30" }));
        Assert.That(Query("WITH RECURSIVE r(n) AS (SELECT 10 UNION ALL SELECT r.n + 10 FROM r LEFT SEMI JOIN depts ON depts.dept = r.n) SELECT * FROM r ORDER BY n"),
            Is.EqualTo(new[] { "10", "20", "30", "40" }));
        Assert.That(Query("WITH RECURSIVE t(c) AS (SELECT 1 UNION ALL SELECT (SELECT max(c) FROM t)) SELECT * FROM t LIMIT 5"),
            Is.EqualTo(new[] { "1", "1", "1", "1", "1" }));
        // Two references to the previous level.
        Assert.That(Query("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT a.n + 1 FROM r a JOIN r b ON a.n = b.n WHERE a.n < 3) SELECT * FROM r ORDER BY n"),
            Is.EqualTo(new[] { "1", "2", "3" }));
    }

    [Test]
    public void RecursiveTermsTakeTheAnchorsTypes()
    {
        Assert.That(Schema("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT CAST(n + 1 AS BIGINT) FROM r WHERE n < 3) SELECT * FROM r"),
            Is.EqualTo(new[] { "n:int" }));
        Assert.That(Query("WITH RECURSIVE r(s) AS (SELECT 'a' UNION ALL SELECT s || 'b' FROM r WHERE length(s) < 3) SELECT * FROM r ORDER BY s"),
            Is.EqualTo(new[] { "a", "ab", "abb" }));
    }
}
