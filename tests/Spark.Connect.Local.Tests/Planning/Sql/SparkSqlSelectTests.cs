namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>SELECT lists, FROM, WHERE, ORDER BY, LIMIT/OFFSET and DISTINCT in Spark SQL text.</summary>
public sealed class SparkSqlSelectTests : SparkSqlTestBase
{
    [Test]
    public void SelectsColumnsWithAliasesAndStar()
    {
        Assert.That(Query("SELECT id, name AS who FROM people WHERE id <= 2 ORDER BY id"), Is.EqualTo(new[] { "1|Ann", "2|Bob" }));
        Assert.That(Schema("SELECT id, name who, id + 1 FROM people"), Is.EqualTo(new[] { "id:int", "who:string", "(id + 1):int" }));
        Assert.That(Query("SELECT * FROM depts ORDER BY dept DESC"), Is.EqualTo(new[] { "30|Law", "20|Ops", "10|Eng" }));
        Assert.That(Query("SELECT p.* FROM people p JOIN depts d ON p.dept = d.dept WHERE d.title = 'Ops'"), Is.EqualTo(new[] { "3|Cid|20|300.0" }));
    }

    [Test]
    public void SelectWithoutFromEvaluatesOnce() =>
        Assert.That(Query("SELECT 1 + 2 AS three, 'x' || 'y', NULL IS NULL"), Is.EqualTo(new[] { "3|xy|true" }));

    [Test]
    public void OrderByHonoursDirectionNullsAndOrdinals()
    {
        Assert.That(Query("SELECT dept FROM people ORDER BY dept"), Is.EqualTo(new[] { "∅", "10", "10", "20" }));
        Assert.That(Query("SELECT dept FROM people ORDER BY dept DESC"), Is.EqualTo(new[] { "20", "10", "10", "∅" }));
        Assert.That(Query("SELECT dept FROM people ORDER BY dept ASC NULLS LAST"), Is.EqualTo(new[] { "10", "10", "20", "∅" }));
        Assert.That(Query("SELECT name, salary FROM people ORDER BY 2 DESC LIMIT 2"), Is.EqualTo(new[] { "Dee|400.0", "Cid|300.0" }));
        Assert.That(Query("SELECT name FROM people ORDER BY salary DESC LIMIT 1"), Is.EqualTo(new[] { "Dee" }));
        // A select item under its own name shadows the input column; the dropped salary still orders.
        Assert.That(Query("SELECT id + 0 AS id, name FROM people ORDER BY salary DESC, id LIMIT 2"), Is.EqualTo(new[] { "4|Dee", "3|Cid" }));
    }

    [Test]
    public void LimitOffsetAndDistinct()
    {
        Assert.That(Query("SELECT id FROM people ORDER BY id LIMIT 2 OFFSET 1"), Is.EqualTo(new[] { "2", "3" }));
        Assert.That(Query("SELECT DISTINCT dept FROM people ORDER BY dept NULLS LAST"), Is.EqualTo(new[] { "10", "20", "∅" }));
        Assert.That(QueryError("SELECT id FROM people LIMIT -1").ErrorClass, Does.StartWith("INVALID_LIMIT_LIKE_EXPRESSION"));
    }

    [Test]
    public void SubqueriesInFromWithAliasesAndColumnNames()
    {
        Assert.That(Query("SELECT t.x FROM (SELECT id * 10 AS x FROM people) AS t WHERE t.x > 20 ORDER BY 1"), Is.EqualTo(new[] { "30", "40" }));
        Assert.That(Query("SELECT a, b FROM (SELECT id, name FROM people) t(a, b) WHERE a = 1"), Is.EqualTo(new[] { "1|Ann" }));
    }

    [Test]
    public void UnknownColumnIsSparksError()
    {
        Assert.That(QueryError("SELECT nope FROM people").ErrorClass, Is.EqualTo("UNRESOLVED_COLUMN.WITH_SUGGESTION"));
    }

    [Test]
    public void TemporaryViewsAndRangeAreReadable()
    {
        Session.Views["v"] = Filter(Table("people"), Fn("==", Col("id"), Lit(2)));
        Assert.That(Query("SELECT name FROM v"), Is.EqualTo(new[] { "Bob" }));
        Assert.That(Query("SELECT sum(id) FROM range(5)"), Is.EqualTo(new[] { "10" }));
        Assert.That(Query("TABLE depts").Count, Is.EqualTo(3));
    }

    [Test]
    public void After_AS_a_clause_keyword_is_a_name_but_a_join_word_is_not()
    {
        // GoEddie's lambda tests: SELECT 1 as key, array('bar') as values.
        Assert.That(Schema("SELECT 1 AS key, array('bar') AS values, 2 AS from"), Is.EqualTo(new[] { "key:int", "values:array<string>", "from:int" }));
        Assert.That(QueryError("SELECT 1 AS join").ErrorClass, Is.EqualTo("PARSE_SYNTAX_ERROR"));
    }

    [Test]
    public void VALUES_names_a_select_item_without_AS_but_FROM_still_ends_the_list()
    {
        // GoEddie's lambda tests: SELECT 1 id, array(20.0, 4.0) values.
        Assert.That(Schema("SELECT 1 id, array(20.0D, 4.0D) values"), Is.EqualTo(new[] { "id:int", "values:array<double>" }));
        Assert.That(Schema("SELECT 1 x FROM range(1)"), Is.EqualTo(new[] { "x:int" }));
    }
}
