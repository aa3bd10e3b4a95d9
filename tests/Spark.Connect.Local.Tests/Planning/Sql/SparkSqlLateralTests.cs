namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>LATERAL subqueries: a subquery in FROM that reads the columns joined to its left, and Spark's errors around it.</summary>
public sealed class SparkSqlLateralTests : SparkSqlTestBase
{
    private const string T1 = "VALUES (0, 1), (1, 2) AS t1(c1, c2)";
    private const string T2 = "VALUES (0, 2), (0, 3) AS t2(c1, c2)";

    [Test]
    public void CommaLateralReadsTheLeftRow()
    {
        Assert.That(Query($"SELECT * FROM {T1}, LATERAL (SELECT c1 + c2 AS c3) ORDER BY c1"), Is.EqualTo(new[] { "0|1|1", "1|2|3" }));
        Assert.That(Schema($"SELECT * FROM {T1}, LATERAL (SELECT t1.c1 + t1.c2 AS c3) s"), Is.EqualTo(new[] { "c1:int", "c2:int", "c3:int" }));
    }

    [Test]
    public void LateralSubqueryFiltersAnotherTableByTheLeftRow() =>
        Assert.That(Query($"SELECT t1.c1, s.c2 FROM {T1}, LATERAL (SELECT c2 FROM {T2} WHERE t2.c1 = t1.c1) s ORDER BY s.c2"),
            Is.EqualTo(new[] { "0|2", "0|3" }));

    [Test]
    public void JoinLateralWithConditionAndLeftJoinLateral()
    {
        Assert.That(Query($"SELECT t1.c1, s.m FROM {T1} JOIN LATERAL (SELECT max(c2) AS m FROM {T2} WHERE t2.c1 = t1.c1) s ON s.m > 2"),
            Is.EqualTo(new[] { "0|3" }));
        Assert.That(Query($"SELECT t1.c1, s.c2 FROM {T1} LEFT JOIN LATERAL (SELECT c2 FROM {T2} WHERE t2.c1 = t1.c1) s ON true ORDER BY t1.c1, s.c2"),
            Is.EqualTo(new[] { "0|2", "0|3", "1|∅" }));
        // A left row whose first column is null still finds its lateral rows.
        Assert.That(Query("SELECT t.a, s.x FROM VALUES (NULL, 0), (1, 0) AS t(a, b) LEFT JOIN LATERAL (SELECT b + 5 AS x) s ON s.x > 0 ORDER BY t.a"),
            Is.EqualTo(new[] { "∅|5", "1|5" }));
    }

    [TestCase("RIGHT")]
    [TestCase("FULL")]
    [TestCase("LEFT SEMI")]
    [TestCase("LEFT ANTI")]
    public void OtherJoinTypesAreSparksError(string join) =>
        Assert.That(QueryError($"SELECT * FROM {T1} {join} JOIN LATERAL (SELECT c1 + c2 AS c3) ON c2 = c3").ErrorClass, Is.EqualTo("INVALID_LATERAL_JOIN_TYPE"));

    [TestCase("SELECT * FROM VALUES (0, 1) AS t1(c1, c2) NATURAL JOIN LATERAL (SELECT c1 + c2 AS c2)", "UNSUPPORTED_FEATURE.LATERAL_NATURAL_JOIN")]
    [TestCase("SELECT * FROM VALUES (0, 1) AS t1(c1, c2) JOIN LATERAL (SELECT c1 + c2 AS c2) USING (c2)", "UNSUPPORTED_FEATURE.LATERAL_JOIN_USING")]
    [TestCase("SELECT * FROM VALUES (0, 1) AS t1(c1, c2), LATERAL t2", "INVALID_SQL_SYNTAX.LATERAL_WITHOUT_SUBQUERY_OR_TABLE_VALUED_FUNC")]
    public void UnsupportedLateralShapesAreSparksErrors(string query, string errorClass) =>
        Assert.That(QueryError(query).ErrorClass, Is.EqualTo(errorClass));

    [Test]
    public void NonDeterministicLateralSubqueriesAreSparksErrorsOverSeveralRows()
    {
        Assert.That(QueryError($"SELECT * FROM {T1}, LATERAL (SELECT c1 + c2 + rand(0) AS c3)").ErrorClass,
            Is.EqualTo("INVALID_SUBQUERY_EXPRESSION.NON_DETERMINISTIC_LATERAL_SUBQUERIES"));
        Assert.That(QueryError($"SELECT * FROM {T1} JOIN LATERAL (SELECT * FROM {T2}) s ON t1.c1 + rand(0) = s.c1").ErrorClass,
            Is.EqualTo("INVALID_SUBQUERY_EXPRESSION.LATERAL_JOIN_CONDITION_NON_DETERMINISTIC"));
        // Over one row (a global aggregate) Spark runs it.
        Assert.That(Query($"SELECT x FROM (SELECT sum(c1) AS x FROM {T1}), LATERAL (SELECT x + rand(0) AS y)"), Is.EqualTo(new[] { "1" }));
    }
}
