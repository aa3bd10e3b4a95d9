namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>Spark SQL queries: GROUP BY and HAVING, joins, set operations, CTEs, subqueries, windows, VALUES.</summary>
public sealed class SparkSqlQueryTests : SparkSqlTestBase
{
    [Test]
    public void GroupByWithAggregatesHavingAndOrderBy()
    {
        Assert.That(Query("SELECT dept, count(*) AS n, sum(salary) FROM people GROUP BY dept ORDER BY dept NULLS LAST"),
            Is.EqualTo(new[] { "10|2|300.0", "20|1|300.0", "∅|1|400.0" }));
        Assert.That(Query("SELECT dept FROM people GROUP BY dept HAVING count(*) > 1"), Is.EqualTo(new[] { "10" }));
        Assert.That(Query("SELECT dept, sum(salary) AS total FROM people GROUP BY 1 HAVING total >= 300 ORDER BY max(id) DESC"),
            Is.EqualTo(new[] { "∅|400.0", "20|300.0", "10|300.0" }));
        Assert.That(Query("SELECT dept * 2 AS d2 FROM people WHERE dept IS NOT NULL GROUP BY dept * 2 ORDER BY 1"), Is.EqualTo(new[] { "20", "40" }));
        Assert.That(Schema("SELECT dept, count(*) FROM people GROUP BY dept"), Is.EqualTo(new[] { "dept:int", "count(1):bigint" }));
    }

    [Test]
    public void WindowsOverAggregatesAndQualifiedGroupingColumns()
    {
        Assert.That(Query("SELECT dept, sum(salary), rank() OVER (ORDER BY sum(salary) DESC) FROM people WHERE dept IS NOT NULL GROUP BY dept ORDER BY dept"),
            Is.EqualTo(new[] { "10|300.0|1", "20|300.0|1" }));
        Assert.That(Query("SELECT p.dept, count(*) FROM people p GROUP BY dept HAVING p.dept > 10"), Is.EqualTo(new[] { "20|1" }));
        Assert.That(Query("SELECT count(k) FROM (SELECT id AS k, dept AS v FROM people) GROUP BY v + 1 HAVING v + 1 = 11"), Is.EqualTo(new[] { "2" }));
        // HAVING prefers the grouping column to the select alias of the same name, as Spark does.
        Assert.That(Query("SELECT sum(id) AS dept FROM people GROUP BY dept HAVING dept > 10"), Is.EqualTo(new[] { "3" }));
    }

    [Test]
    public void GroupByASelectAliasOnlyWhenTheInputHasNoSuchColumn()
    {
        Assert.That(Query("SELECT dept * 10 AS d, count(*) FROM people WHERE dept IS NOT NULL GROUP BY d ORDER BY d"), Is.EqualTo(new[] { "100|2", "200|1" }));
        // name is an input column: it groups by the column, not by the alias of the same name.
        Assert.That(Query("SELECT upper(name) AS name FROM people GROUP BY name ORDER BY 1"), Is.EqualTo(new[] { "ANN", "BOB", "CID", "DEE" }));
        Assert.That(Query("SELECT id % 2 AS parity, count(*) AS n FROM people GROUP BY parity, dept IS NULL ORDER BY parity, n"),
            Is.EqualTo(new[] { "0|1", "0|1", "1|2" }));
        Assert.That(QueryError("SELECT count(*) AS c FROM people GROUP BY c").ErrorClass, Does.StartWith("UNRESOLVED_COLUMN"));
    }

    [Test]
    public void GroupByErrorsAreSparks()
    {
        Assert.That(QueryError("SELECT name, count(*) FROM people GROUP BY dept").ErrorClass, Is.EqualTo("MISSING_AGGREGATION"));
        Assert.That(QueryError("SELECT dept, count(*) FROM people GROUP BY 3").ErrorClass, Is.EqualTo("GROUP_BY_POS_OUT_OF_RANGE"));
        Assert.That(QueryError("SELECT dept, count(*) FROM people GROUP BY 2").ErrorClass, Is.EqualTo("GROUP_BY_POS_AGGREGATE"));
    }

    [Test]
    public void RollupCubeAndGroupingSets()
    {
        Assert.That(Query("SELECT dept, count(*) FROM people WHERE dept IS NOT NULL GROUP BY ROLLUP(dept) ORDER BY dept NULLS LAST"),
            Is.EqualTo(new[] { "10|2", "20|1", "∅|3" }));
        Assert.That(Query("SELECT dept, count(*) FROM people WHERE dept IS NOT NULL GROUP BY dept WITH CUBE ORDER BY dept NULLS FIRST"),
            Is.EqualTo(new[] { "∅|3", "10|2", "20|1" }));
        Assert.That(Query("SELECT dept, id, count(*) FROM people WHERE dept = 20 GROUP BY GROUPING SETS ((dept), (dept, id), ()) ORDER BY 1 NULLS FIRST, 2 NULLS FIRST"),
            Is.EqualTo(new[] { "∅|∅|1", "20|∅|1", "20|3|1" }));
        Assert.That(Query("SELECT dept, sum(id) FROM people GROUP BY ALL ORDER BY dept NULLS FIRST"), Is.EqualTo(new[] { "∅|4", "10|3", "20|3" }));
    }

    [Test]
    public void JoinsOfEveryKind()
    {
        Assert.That(Query("SELECT p.name, d.title FROM people p JOIN depts d ON p.dept = d.dept ORDER BY p.id"), Is.EqualTo(new[] { "Ann|Eng", "Bob|Eng", "Cid|Ops" }));
        Assert.That(Query("SELECT p.name, d.title FROM people p LEFT OUTER JOIN depts d ON p.dept = d.dept ORDER BY p.id"), Has.Member("Dee|∅"));
        Assert.That(Query("SELECT d.title FROM people p RIGHT JOIN depts d ON p.dept = d.dept WHERE p.id IS NULL"), Is.EqualTo(new[] { "Law" }));
        Assert.That(Query("SELECT count(*) FROM people p FULL JOIN depts d ON p.dept = d.dept"), Is.EqualTo(new[] { "5" }));
        Assert.That(Query("SELECT title FROM depts d LEFT SEMI JOIN people p ON p.dept = d.dept ORDER BY title"), Is.EqualTo(new[] { "Eng", "Ops" }));
        Assert.That(Query("SELECT title FROM depts d LEFT ANTI JOIN people p ON p.dept = d.dept"), Is.EqualTo(new[] { "Law" }));
        Assert.That(Query("SELECT count(*) FROM people CROSS JOIN depts"), Is.EqualTo(new[] { "12" }));
        Assert.That(Query("SELECT count(*) FROM people, depts WHERE people.dept = depts.dept"), Is.EqualTo(new[] { "3" }));
        Assert.That(Query("SELECT dept, name, title FROM people JOIN depts USING (dept) ORDER BY name"), Is.EqualTo(new[] { "10|Ann|Eng", "10|Bob|Eng", "20|Cid|Ops" }));
    }

    [Test]
    public void SetOperationsWithPrecedence()
    {
        Assert.That(Query("SELECT dept FROM people UNION SELECT dept FROM depts ORDER BY 1 NULLS LAST"), Is.EqualTo(new[] { "10", "20", "30", "∅" }));
        Assert.That(Query("SELECT dept FROM people UNION ALL SELECT dept FROM depts").Count, Is.EqualTo(7));
        Assert.That(Query("SELECT dept FROM depts EXCEPT SELECT dept FROM people"), Is.EqualTo(new[] { "30" }));
        Assert.That(Query("SELECT dept FROM depts MINUS SELECT dept FROM people"), Is.EqualTo(new[] { "30" }));
        // INTERSECT binds tighter: 30 ∪ ({10, 20} ∩ {10}) = {10, 30}.
        Assert.That(Query("SELECT 30 UNION SELECT dept FROM depts WHERE dept < 30 INTERSECT SELECT 10 ORDER BY 1"), Is.EqualTo(new[] { "10", "30" }));
        Assert.That(Query("SELECT dept FROM people INTERSECT ALL SELECT 10"), Is.EqualTo(new[] { "10" }));
    }

    [Test]
    public void CommonTableExpressionsShadowTablesAndNest()
    {
        Assert.That(Query("WITH t AS (SELECT id FROM people WHERE id > 2) SELECT * FROM t ORDER BY id"), Is.EqualTo(new[] { "3", "4" }));
        Assert.That(Query("WITH depts AS (SELECT 1 AS x) SELECT x FROM depts"), Is.EqualTo(new[] { "1" }));
        Assert.That(Query("WITH a(v) AS (SELECT 1), b AS (SELECT v + 1 AS w FROM a) SELECT a.v, b.w FROM a, b"), Is.EqualTo(new[] { "1|2" }));
        Assert.That(Query("WITH a AS (SELECT 1 AS v) SELECT v FROM (WITH a AS (SELECT 2 AS v) SELECT v FROM a) UNION ALL SELECT v FROM a ORDER BY 1"),
            Is.EqualTo(new[] { "1", "2" }));
    }

    [Test]
    public void ScalarInAndExistsSubqueriesIncludingCorrelated()
    {
        Assert.That(Query("SELECT name FROM people WHERE salary = (SELECT max(salary) FROM people)"), Is.EqualTo(new[] { "Dee" }));
        Assert.That(Query("SELECT name FROM people WHERE dept IN (SELECT dept FROM depts WHERE title = 'Eng') ORDER BY id"), Is.EqualTo(new[] { "Ann", "Bob" }));
        Assert.That(Query("SELECT title FROM depts d WHERE NOT EXISTS (SELECT 1 FROM people p WHERE p.dept = d.dept)"), Is.EqualTo(new[] { "Law" }));
        Assert.That(Query("SELECT name, (SELECT title FROM depts d WHERE d.dept = p.dept) FROM people p ORDER BY id"),
            Is.EqualTo(new[] { "Ann|Eng", "Bob|Eng", "Cid|Ops", "Dee|∅" }));
        Assert.That(Query("SELECT name FROM people WHERE dept NOT IN (SELECT dept FROM depts WHERE dept > 10) AND dept IS NOT NULL ORDER BY id"),
            Is.EqualTo(new[] { "Ann", "Bob" }));
    }

    [Test]
    public void WindowFunctionsWithFramesAndNamedWindows()
    {
        Assert.That(Query("SELECT name, row_number() OVER (PARTITION BY dept ORDER BY salary DESC) FROM people WHERE dept = 10 ORDER BY 2"),
            Is.EqualTo(new[] { "Bob|1", "Ann|2" }));
        Assert.That(Query("SELECT id, sum(id) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM people ORDER BY id"),
            Is.EqualTo(new[] { "1|1", "2|3", "3|5", "4|7" }));
        Assert.That(Query("SELECT id, sum(id) OVER w, max(id) OVER w FROM people WINDOW w AS (ORDER BY id ROWS UNBOUNDED PRECEDING) ORDER BY id"),
            Is.EqualTo(new[] { "1|1|1", "2|3|2", "3|6|3", "4|10|4" }));
        Assert.That(QueryError("SELECT sum(id) OVER nowhere FROM people").ErrorClass, Is.EqualTo("MISSING_WINDOW_SPECIFICATION"));
    }

    [Test]
    public void ValuesAsQueryAndAsTable()
    {
        Assert.That(Query("VALUES (1, 'a'), (2, 'b')"), Is.EqualTo(new[] { "1|a", "2|b" }));
        Assert.That(Schema("VALUES (1, 'a'), (2.5, 'b')"), Is.EqualTo(new[] { "col1:decimal(11,1)", "col2:string" }));
        Assert.That(Query("SELECT x + y FROM VALUES (1, 2), (3, 4) AS t(x, y) ORDER BY 1"), Is.EqualTo(new[] { "3", "7" }));
        Assert.That(QueryError("VALUES (1), (1, 2)").ErrorClass, Is.EqualTo("INVALID_INLINE_TABLE.NUM_COLUMNS_MISMATCH"));
    }
}
