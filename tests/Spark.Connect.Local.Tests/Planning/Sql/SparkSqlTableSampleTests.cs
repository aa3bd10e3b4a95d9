namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>TABLESAMPLE after a table name: ROWS as a limit, PERCENT and BUCKET as a sample (REPEATABLE seeds it).</summary>
public sealed class SparkSqlTableSampleTests : SparkSqlTestBase
{
    [Test]
    public void RowsTakeThatManyRows()
    {
        Assert.That(Query("SELECT id FROM people TABLESAMPLE (2 ROWS)"), Has.Count.EqualTo(2));
        Assert.That(Query("SELECT count(*) FROM people TABLESAMPLE (10 ROWS) p"), Is.EqualTo(new[] { "4" }));
        Assert.That(QueryError("SELECT id FROM people TABLESAMPLE (-1 ROWS)").ErrorClass, Is.EqualTo("INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE"));
    }

    [Test]
    public void PercentAndBucketSampleAFraction()
    {
        Assert.That(Query("SELECT id FROM people TABLESAMPLE (100 PERCENT)"), Has.Count.EqualTo(4));
        Assert.That(Query("SELECT id FROM people TABLESAMPLE (0 PERCENT)"), Is.Empty);
        Assert.That(Query("SELECT id FROM people TABLESAMPLE (BUCKET 4 OUT OF 4) AS p"), Has.Count.EqualTo(4));
        // REPEATABLE fixes the seed, so the same sample comes back.
        var first = Query("SELECT id FROM people TABLESAMPLE (50 PERCENT) REPEATABLE (7) ORDER BY id");
        Assert.That(Query("SELECT id FROM people TABLESAMPLE (50 PERCENT) REPEATABLE (7) ORDER BY id"), Is.EqualTo(first));
        Assert.That(QueryError("SELECT id FROM people TABLESAMPLE (150 PERCENT)").ErrorClass, Is.EqualTo("INVALID_PARAMETER_VALUE"));
        Assert.That(QueryError("SELECT id FROM people TABLESAMPLE (100M)").ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
    }
}
