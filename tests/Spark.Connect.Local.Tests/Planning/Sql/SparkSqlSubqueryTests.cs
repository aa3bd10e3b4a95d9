using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>Scalar, EXISTS and IN subqueries in Spark SQL text: names, correlation and their errors.</summary>
public sealed class SparkSqlSubqueryTests : SparkSqlTestBase
{
    private const string Outer = "FROM VALUES (0, 1), (1, 2) AS t1(c1, c2)";

    [Test]
    public void ScalarSubqueryIsNamedByTheOuterColumnsItUses()
    {
        Assert.That(Schema($"SELECT (SELECT min(c2) FROM VALUES (0, 2), (0, 3) AS t2(c1, c2) WHERE t1.c1 >= t2.c1 AND t1.c2 < t2.c2) {Outer}"),
            Is.EqualTo(new[] { "scalarsubquery(c1, c2):int" }));
        Assert.That(Schema($"SELECT c1, (SELECT c1 WHERE c1 = 1) {Outer}"), Is.EqualTo(new[] { "c1:int", "scalarsubquery(c1, c1):int" }));
        Assert.That(Schema($"SELECT (SELECT max(c) FROM VALUES (5) AS t(c)) {Outer}"), Is.EqualTo(new[] { "scalarsubquery():int" }));
    }

    [Test]
    public void SubqueryWithoutFromReadsTheOuterRow() =>
        Assert.That(Query($"SELECT c1, (SELECT c1 WHERE c1 = 1), (SELECT c1 + c2) {Outer} ORDER BY c1"), Is.EqualTo(new[] { "0|∅|1", "1|1|3" }));

    [Test]
    public void ScalarSubqueryWithSeveralRowsFailsAsSpark()
    {
        var failure = Assert.Throws<DuckDbException>(() => Query("SELECT (SELECT a FROM (SELECT 1 AS a UNION ALL SELECT 2 AS a) t) AS b"))!;
        Assert.That(SparkRuntimeErrors.TryTranslate(failure.Message, failure)?.ErrorClass, Is.EqualTo("SCALAR_SUBQUERY_TOO_MANY_ROWS"));
    }

    [TestCase("SELECT 1 FROM VALUES (1, 1) AS a(a1, b1) WHERE (a1, b1) NOT IN (SELECT (a2, b2) FROM VALUES (1, 1) AS b(a2, b2))")]
    [TestCase("SELECT 1 FROM VALUES (1, 1) AS a(a1, b1) WHERE a1 IN (SELECT a2, b2 FROM VALUES (1, 1) AS b(a2, b2))")]
    public void InSubqueryNeedsAsManyColumnsOnBothSides(string query) =>
        Assert.That(QueryError(query).ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.IN_SUBQUERY_LENGTH_MISMATCH"));

    [Test]
    public void MultiColumnInSubqueryMatchesRowsAndStructs()
    {
        Assert.That(Query("SELECT a1 FROM VALUES (1, 1), (2, 5) AS a(a1, b1) WHERE (a1, b1) IN (SELECT a2, b2 FROM VALUES (1, 1) AS b(a2, b2))"), Is.EqualTo(new[] { "1" }));
        Assert.That(Query("SELECT count(*) FROM (SELECT struct(col1 AS a, col2 AS b) AS r FROM VALUES (1, 1), (1, 2)) WHERE r NOT IN (SELECT (a2 AS a, b2 AS b) FROM VALUES (1, 1) AS b(a2, b2))"),
            Is.EqualTo(new[] { "1" }));
    }

    [Test]
    public void ExistsAndInSubqueriesAreNamedAsSparkNamesThem()
    {
        Assert.That(Schema($"SELECT EXISTS (SELECT 1), NOT EXISTS (SELECT 1), c1 IN (SELECT 1) {Outer}"),
            Is.EqualTo(new[] { "exists():boolean", "(NOT exists()):boolean", "(c1 IN (listquery())):boolean" }));
        Assert.That(Schema($"SELECT EXISTS (SELECT 1 FROM VALUES (1) AS t2(x) WHERE x = c2) {Outer}"), Is.EqualTo(new[] { "exists(c2):boolean" }));
    }

    [Test]
    public void CorrelatedSubqueryInsideACallIsNamedByItsOuterColumns() =>
        Assert.That(Schema($"SELECT NOT EXISTS (SELECT 1 FROM VALUES (1) AS t2(x) WHERE x = c2), CAST((SELECT max(x) FROM VALUES (1) AS t2(x) WHERE x > c1) AS STRING) {Outer}"),
            Is.EqualTo(new[] { "(NOT exists(c2)):boolean", "CAST(scalarsubquery(c1) AS STRING):string" }));

    [Test]
    public void CorrelatedSubqueryInsideAnAggregateIsNamedByItsOuterColumns() =>
        Assert.That(Schema($"SELECT c1, sum(CASE WHEN EXISTS (SELECT 1 FROM VALUES (1) AS t2(x) WHERE x = c1) THEN 1 ELSE 0 END) {Outer} GROUP BY c1"),
            Is.EqualTo(new[] { "c1:int", "sum(CASE WHEN exists(c1) THEN 1 ELSE 0 END):bigint" }));

    [Test]
    public void CorrelatedSubqueryItemOfAnAggregateQueryIsNamedByItsOuterColumns() =>
        Assert.That(Schema($"SELECT c1, EXISTS (SELECT 1 FROM VALUES (1) AS t2(x) WHERE x = c1), NOT EXISTS (SELECT 1 FROM VALUES (1) AS t2(x) WHERE x = c1) {Outer} GROUP BY c1"),
            Is.EqualTo(new[] { "c1:int", "exists(c1):boolean", "(NOT exists(c1)):boolean" }));

    [Test]
    public void CaseInsideACallIsNamedByItsText() =>
        Assert.That(Schema($"SELECT sum(CASE WHEN c1 > 0 THEN 1 ELSE 0 END) {Outer}"), Is.EqualTo(new[] { "sum(CASE WHEN (c1 > 0) THEN 1 ELSE 0 END):bigint" }));

    [Test]
    public void GlobalAggregateOrderedByAnotherAggregate()
    {
        Assert.That(Query("SELECT max(x) FROM VALUES (1), (2) AS s(x) ORDER BY min(x)"), Is.EqualTo(new[] { "2" }));
        Assert.That(Query($"SELECT c1 {Outer} WHERE c2 = (SELECT max(x) FROM VALUES (1), (2) AS s(x) WHERE x <= c2 ORDER BY min(x) LIMIT 1) ORDER BY c1"),
            Is.EqualTo(new[] { "0", "1" }));
    }

    private const string Y = "VALUES (2, 0), (3, -1) AS y(y1, y2)";

    [TestCase("SELECT c1 {0} WHERE (SELECT count(*) FROM {1} WHERE y1 > c1 GROUP BY y1) = 1", "UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.NON_CORRELATED_COLUMNS_IN_GROUP_BY")]
    [TestCase("SELECT c1, (SELECT count(*) FROM {1} WHERE y1 + y2 = c1 GROUP BY y1) {0}", "UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.NON_CORRELATED_COLUMNS_IN_GROUP_BY")]
    [TestCase("SELECT c1 {0} WHERE (SELECT count(*) FROM {1} WHERE y1 = c1 GROUP BY c1) = 1", "UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.CORRELATED_REFERENCE")]
    public void CorrelatedScalarSubqueryGroupingMustBePinnedByEquality(string query, string errorClass) =>
        Assert.That(QueryError(string.Format(System.Globalization.CultureInfo.InvariantCulture, query, Outer, Y)).ErrorClass, Is.EqualTo(errorClass));

    [Test]
    public void CorrelatedScalarSubqueryGroupedByPinnedColumnsRuns() =>
        // y1 = c1 and y2 = 0 pin both grouping columns: at most one group per outer row (c1 = 2 has none here).
        Assert.That(Query($"SELECT c1, (SELECT count(*) FROM {Y} WHERE y1 = c1 + 2 AND y2 = 0 GROUP BY y1, y2) {Outer} ORDER BY c1"),
            Is.EqualTo(new[] { "0|1", "1|∅" }));

    [TestCase("SELECT c1 {0} WHERE c1 < (SELECT sum(c2) FROM {1})", "UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.CORRELATED_REFERENCE")]
    [TestCase("SELECT c1 {0} WHERE c1 < (SELECT sum(y1) + c2 FROM {1})", "UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.CORRELATED_REFERENCE")]
    [TestCase("SELECT c1 {0} WHERE EXISTS (SELECT max(c2) FROM {1} GROUP BY y1)", "UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.CORRELATED_REFERENCE")]
    [TestCase("SELECT c1 {0} WHERE c1 < (SELECT sum(y1 + c2) FROM {1})", "UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.AGGREGATE_FUNCTION_MIXED_OUTER_LOCAL_REFERENCES")]
    public void SubqueryAggregateMayNotReadOuterColumns(string query, string errorClass) =>
        Assert.That(QueryError(string.Format(System.Globalization.CultureInfo.InvariantCulture, query, Outer, Y)).ErrorClass, Is.EqualTo(errorClass));

    [Test]
    public void SubqueryAggregateOverAFilterReadingOuterColumnsRuns() =>
        // The outer column sits in the WHERE (a Filter may read it); the aggregate reads only its own columns.
        Assert.That(Query($"SELECT c1, (SELECT sum(y1) FROM {Y} WHERE y1 > c2) {Outer} ORDER BY c1"), Is.EqualTo(new[] { "0|5", "1|3" }));
}
