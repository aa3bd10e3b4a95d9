namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>NATURAL joins, and what qualified names see after a USING or NATURAL join (the keys it leaves out).</summary>
public sealed class SparkSqlJoinTests : SparkSqlTestBase
{
    [Test]
    public void NaturalJoinsUseTheColumnsBothSidesHave()
    {
        Assert.That(Schema("SELECT * FROM people NATURAL JOIN depts"),
            Is.EqualTo(new[] { "dept:int", "id:int", "name:string", "salary:double", "title:string" }));
        Assert.That(Query("SELECT name, title FROM people NATURAL JOIN depts ORDER BY id"), Is.EqualTo(new[] { "Ann|Eng", "Bob|Eng", "Cid|Ops" }));
        Assert.That(Query("SELECT name, title FROM people NATURAL LEFT JOIN depts ORDER BY id"), Has.Member("Dee|∅"));
        Assert.That(Query("SELECT dept, name FROM people NATURAL RIGHT OUTER JOIN depts WHERE name IS NULL"), Is.EqualTo(new[] { "30|∅" }));
        // The full join's key is the coalesce of both sides' keys.
        Assert.That(Query("SELECT dept FROM people NATURAL FULL JOIN depts ORDER BY dept NULLS FIRST"), Is.EqualTo(new[] { "∅", "10", "10", "20", "30" }));
        Assert.That(Query("SELECT title FROM depts NATURAL LEFT SEMI JOIN people ORDER BY title"), Is.EqualTo(new[] { "Eng", "Ops" }));
    }

    [Test]
    public void NaturalJoinWithoutCommonColumnsIsACrossJoin()
    {
        Assert.That(Query("SELECT count(*) FROM (SELECT id FROM people) NATURAL JOIN (SELECT title FROM depts)"), Is.EqualTo(new[] { "12" }));
    }

    [Test]
    public void NaturalJoinErrorsAreSparks()
    {
        Assert.That(QueryError("SELECT * FROM people NATURAL CROSS JOIN depts").ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.NATURAL_CROSS_JOIN"));
        Assert.That(QueryError("SELECT * FROM people NATURAL JOIN depts ON true").ErrorClass, Is.EqualTo("PARSE_SYNTAX_ERROR"));
    }

    [Test]
    public void QualifiedNamesReachTheKeyAUsingJoinLeavesOut()
    {
        Assert.That(Query("SELECT people.dept, depts.dept FROM people LEFT JOIN depts USING (dept) ORDER BY id"),
            Is.EqualTo(new[] { "10|10", "10|10", "20|20", "∅|∅" }));
        Assert.That(Query("SELECT dept, people.dept FROM people RIGHT JOIN depts USING (dept) WHERE depts.dept = 30"), Is.EqualTo(new[] { "30|∅" }));
        Assert.That(Schema("SELECT depts.* FROM people JOIN depts USING (dept)"), Is.EqualTo(new[] { "dept:int", "title:string" }));
        Assert.That(Schema("SELECT people.*, depts.* FROM people FULL JOIN depts USING (dept)"),
            Is.EqualTo(new[] { "id:int", "name:string", "dept:int", "salary:double", "dept:int", "title:string" }));
        // A plain * still sees the key once; an unqualified name means the output's key.
        Assert.That(Schema("SELECT * FROM people JOIN depts USING (dept)"), Is.EqualTo(new[] { "dept:int", "id:int", "name:string", "salary:double", "title:string" }));
    }

    [Test]
    public void HiddenKeysPassThroughFiltersAndNestedJoinsButNotSubqueries()
    {
        Assert.That(Query("SELECT p.name, d2.title FROM people p NATURAL JOIN depts d JOIN depts d2 ON d.dept = d2.dept ORDER BY p.id"),
            Is.EqualTo(new[] { "Ann|Eng", "Bob|Eng", "Cid|Ops" }));
        Assert.That(QueryError("SELECT depts.dept FROM (SELECT * FROM people JOIN depts USING (dept))").ErrorClass, Does.StartWith("UNRESOLVED_COLUMN"));
        // DISTINCT compares the output's columns only, not a hidden key read below it.
        Assert.That(Query("SELECT DISTINCT dept FROM people LEFT JOIN depts USING (dept) WHERE depts.dept IS NOT NULL ORDER BY dept"),
            Is.EqualTo(new[] { "10", "20" }));
    }
}
