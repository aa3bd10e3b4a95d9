namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary><c>corr</c> where Spark's formula divides by zero: null, where DuckDB's corr gives NaN.</summary>
public sealed class SparkSqlCorrelationTests : SparkSqlTestBase
{
    [Test]
    public void CorrIsNullForOnePairOrAConstantSide()
    {
        Assert.That(Query("SELECT corr(x, y) FROM VALUES (1, 5) t(x, y)"), Is.EqualTo(new[] { "∅" }));
        Assert.That(Query("SELECT corr(x, y) FROM VALUES (1, 1), (1, 2), (1, 4) t(x, y)"), Is.EqualTo(new[] { "∅" }));
        // Spark's streaming co-moment update gives the same last digit here.
        Assert.That(Query("SELECT corr(x, y) FROM VALUES (1, 2), (2, 4), (3, 7) t(x, y)"), Is.EqualTo(new[] { "0.9933992677987827" }));
        // Pairs with a null side don't count: one full pair is left.
        Assert.That(Query("SELECT corr(x, y) FROM VALUES (1, 2), (2, NULL) t(x, y)"), Is.EqualTo(new[] { "∅" }));
    }

    [Test]
    public void WindowedCorrFollowsTheSameRule() =>
        Assert.That(Query("SELECT x, corr(x, y) OVER (ORDER BY x) FROM VALUES (1, 2), (2, 4), (3, 3) t(x, y) ORDER BY x"),
            Is.EqualTo(new[] { "1|∅", "2|1.0", "3|0.5" }));
}
