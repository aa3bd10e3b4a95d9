namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>LIKE / ILIKE with ANY, SOME and ALL: Spark's answers (three-valued with null patterns), NOT placement, names and errors.</summary>
public sealed class SparkSqlLikeQuantifierTests : SparkSqlTestBase
{
    [TestCase("'google' LIKE ANY ('%oo%', 'x')", "true")]
    [TestCase("'google' LIKE SOME ('x', 'y')", "false")]
    [TestCase("'google' LIKE ANY ('x', NULL)", "∅")]
    [TestCase("'google' LIKE ANY ('%g%', NULL)", "true")]
    [TestCase("'google' LIKE ALL ('%oo%', 'g%')", "true")]
    [TestCase("'google' LIKE ALL ('%oo%', NULL)", "∅")]
    [TestCase("'google' LIKE ALL ('x', NULL)", "false")]
    [TestCase("'google' NOT LIKE ANY ('%oo%', 'x')", "true")]
    [TestCase("'google' NOT LIKE ALL ('%oo%', 'x')", "false")]
    [TestCase("NOT 'google' LIKE ALL ('%oo%', 'x')", "true")]
    [TestCase("'GOOGLE' ILIKE ANY ('%oo%', 'x')", "true")]
    [TestCase("'GOOGLE' NOT ILIKE ALL ('%oo%', 'x')", "false")]
    [TestCase("CAST(NULL AS STRING) LIKE ANY ('%', 'x')", "∅")]
    public void QuantifiedLikeAnswersAsSpark(string predicate, string expected) =>
        Assert.That(Query($"SELECT {predicate}"), Is.EqualTo(new[] { expected }));

    [Test]
    public void PatternsMayBeColumns() =>
        Assert.That(Query("SELECT name FROM people WHERE name LIKE ANY ('A%', concat(substr(name, 1, 1), 'o%')) ORDER BY name"),
            Is.EqualTo(new[] { "Ann", "Bob" }));

    [Test]
    public void LiteralPatternsNameTheColumnAsSparksMultiLike() =>
        Assert.That(Schema("SELECT name LIKE ANY ('A%', 'B%'), name NOT LIKE ALL ('A%'), name ILIKE SOME ('a%') FROM people"),
            Is.EqualTo(new[] { "likeany(name):boolean", "notlikeall(name):boolean", "likeany(lower(name)):boolean" }));

    [Test]
    public void AnEmptyListIsSparksParseError() =>
        Assert.That(QueryError("SELECT 'a' LIKE ANY ()").ErrorClass, Is.EqualTo("_LEGACY_ERROR_TEMP_0064"));

    [Test]
    public void AnyWithoutAListIsAnOrdinaryPattern() =>
        Assert.That(Query("SELECT 'any' LIKE any FROM (SELECT 'a%' AS any)"), Is.EqualTo(new[] { "true" }));
}
