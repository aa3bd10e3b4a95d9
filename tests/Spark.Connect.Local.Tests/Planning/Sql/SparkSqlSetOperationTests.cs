namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>Set operations' column types (Spark's widening across branches), VALUES with an alias as a whole query, cast aliases.</summary>
public sealed class SparkSqlSetOperationTests : SparkSqlTestBase
{
    [Test]
    public void BranchesWidenToACommonType()
    {
        Assert.That(Schema("SELECT 1 AS a UNION ALL SELECT 2.5"), Is.EqualTo(new[] { "a:decimal(11,1)" }));
        Assert.That(Schema("SELECT 1 AS a UNION ALL SELECT CAST(2 AS FLOAT)"), Is.EqualTo(new[] { "a:float" }));
        // ANSI: a string meeting an integer becomes bigint, so a numeric string casts and any other fails at run time.
        Assert.That(Schema("SELECT '7' AS a UNION ALL SELECT 1"), Is.EqualTo(new[] { "a:bigint" }));
        Assert.That(Query("SELECT '7' AS a UNION ALL SELECT 1 ORDER BY a"), Is.EqualTo(new[] { "1", "7" }));
        Assert.That(RuntimeErrorClass("SELECT dept FROM people UNION SELECT 'x'"), Is.EqualTo("CAST_INVALID_INPUT"));
    }

    [Test]
    public void NestedTypesWidenByElementAndMayHoldNullWhenEitherSideMay()
    {
        Assert.That(Schema("SELECT map(1, 2) AS m UNION ALL SELECT map(1, 2, 3, NULL)"), Is.EqualTo(new[] { "m:map<int,int>" }));
        Assert.That(Query("SELECT array(1, 2) AS a UNION ALL SELECT array(3, NULL) ORDER BY a"), Has.Count.EqualTo(2));
        Assert.That(Schema("SELECT array(1) AS a UNION ALL SELECT array(CAST(2 AS BIGINT))"), Is.EqualTo(new[] { "a:array<bigint>" }));
        Assert.That(Schema("SELECT named_struct('x', 1) AS s UNION ALL SELECT named_struct('x', 2.5)"), Is.EqualTo(new[] { "s:struct<x:decimal(11,1)>" }));
        Assert.That(QueryError("SELECT array(1) UNION ALL SELECT 2").ErrorClass, Is.EqualTo("INCOMPATIBLE_COLUMN_TYPE"));
        Assert.That(QueryError("SELECT named_struct('x', 1) UNION ALL SELECT named_struct('y', 1)").ErrorClass, Is.EqualTo("INCOMPATIBLE_COLUMN_TYPE"));
    }

    [Test]
    public void LegacyPrecedenceReadsSetOperationsLeftToRight()
    {
        const string query = "VALUES 1, 2 EXCEPT VALUES 2 UNION ALL VALUES 3 INTERSECT VALUES 3";
        // By default INTERSECT binds tighter: {1} ∪ ({3} ∩ {3}).
        Assert.That(Query(query + " ORDER BY 1"), Is.EqualTo(new[] { "1", "3" }));
        Session.Settings["spark.sql.legacy.setopsPrecedence.enabled"] = "true";
        // Left to right: (({1, 2} − {2}) ∪ {3}) ∩ {3}.
        Assert.That(Query(query + " ORDER BY 1"), Is.EqualTo(new[] { "3" }));
    }

    [Test]
    public void ValuesAsAWholeQueryTakesAnAlias()
    {
        Assert.That(Schema("VALUES (1, 'a'), (2, 'b') tbl(c1, c2)"), Is.EqualTo(new[] { "c1:int", "c2:string" }));
        Assert.That(Query("VALUES 3, 1, 2 AS t(v) ORDER BY 1"), Is.EqualTo(new[] { "1", "2", "3" }));
        Assert.That(Query("VALUES (1), (2) t(v) UNION ALL VALUES (3) ORDER BY v DESC"), Is.EqualTo(new[] { "3", "2", "1" }));
    }

    [Test]
    public void CastAliasesAreCasts()
    {
        Assert.That(Schema("SELECT decimal(1) AS a, int('7') AS b, string(2) AS c, bigint(1.9) AS d, double(1) AS e"),
            Is.EqualTo(new[] { "a:decimal(10,0)", "b:int", "c:string", "d:bigint", "e:double" }));
        Assert.That(Query("SELECT int('7') + 1, bigint(1.9), date('2024-02-29')"), Is.EqualTo(new[] { "8|1|2024-02-29" }));
        Assert.That(RuntimeErrorClass("SELECT int('x')"), Is.EqualTo("CAST_INVALID_INPUT"));
    }

    /// <summary>The Spark error class the failure running <paramref name="query"/> translates to.</summary>
    private string? RuntimeErrorClass(string query)
    {
        var failure = Assert.Throws<Spark.Connect.Local.DuckDb.DuckDbException>(() => Query(query))!;
        return Spark.Connect.Local.Planning.Functions.SparkRuntimeErrors.TryTranslate(failure.Message)?.ErrorClass;
    }
}
