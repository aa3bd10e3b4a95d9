namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>
/// Aggregate edge cases of Spark's group-by and cte corpus files: where aggregates may appear, HAVING without GROUP BY,
/// map grouping keys, the approximate aggregates, Spark's column names and unread or self-referencing CTEs.
/// </summary>
public sealed class SparkSqlAggregateEdgeTests : SparkSqlTestBase
{
    [Test]
    public void AnAggregateInWhereIsSparksInvalidWhereCondition()
    {
        Assert.That(QueryError("SELECT count(*) FROM people WHERE count(*) > 1").ErrorClass, Is.EqualTo("INVALID_WHERE_CONDITION"));
        Assert.That(QueryError("SELECT count(*) FROM people WHERE id = 1 OR max(id) + 1 > 1").ErrorClass, Is.EqualTo("INVALID_WHERE_CONDITION"));
        // An aggregate inside a subquery of WHERE is that subquery's own.
        Assert.That(Query("SELECT id FROM people WHERE id = (SELECT max(id) FROM people)"), Is.EqualTo(new[] { "4" }));
    }

    [Test]
    public void HavingWithoutGroupByIsAGlobalAggregate()
    {
        Assert.That(Query("SELECT 1 FROM people HAVING true"), Is.EqualTo(new[] { "1" }));
        Assert.That(Query("SELECT 1 FROM people HAVING false"), Is.Empty);
        Assert.That(Query("SELECT 1 FROM people HAVING max(id) > 3"), Is.EqualTo(new[] { "1" }));
        Assert.That(QueryError("SELECT id FROM people HAVING id > 0").ErrorClass, Is.EqualTo("MISSING_GROUP_BY"));
        Assert.That(QueryError("SELECT name, count(*) FROM people GROUP BY dept").ErrorClass, Is.EqualTo("MISSING_AGGREGATION"));
    }

    [Test]
    public void LegacyHavingWithoutGroupByFiltersRowsAsWhere()
    {
        Session.Settings["spark.sql.legacy.parser.havingWithoutGroupByAsWhere"] = "true";
        Assert.That(Query("SELECT id FROM people HAVING id > 2 ORDER BY id"), Is.EqualTo(new[] { "3", "4" }));
        Assert.That(Query("SELECT 1 FROM people WHERE id < 4 HAVING true"), Is.EqualTo(new[] { "1", "1", "1" }));
        Assert.That(QueryError("SELECT 1 FROM people HAVING max(id) > 0").ErrorClass, Is.EqualTo("INVALID_WHERE_CONDITION"));
        // With GROUP BY, HAVING still filters groups.
        Assert.That(Query("SELECT dept FROM people GROUP BY dept HAVING count(*) > 1"), Is.EqualTo(new[] { "10" }));
    }

    [Test]
    public void AnInlineTableCannotReadAColumn()
    {
        Assert.That(QueryError("SELECT (SELECT max(col1) FROM VALUES (id)) FROM people").ErrorClass,
            Is.EqualTo("INVALID_INLINE_TABLE.CANNOT_EVALUATE_EXPRESSION_IN_INLINE_TABLE"));
        Assert.That(Query("SELECT * FROM VALUES (transform(array(1), x -> x + 1)[0])"), Is.EqualTo(new[] { "2" }));
    }

    [Test]
    public void AggregateFilterKeepsOnlyTheRowsItsConditionAccepts()
    {
        Assert.That(Query("SELECT count(*) FILTER (WHERE dept = 10), sum(salary) FILTER (WHERE id > 2), count(DISTINCT dept) FILTER (WHERE id < 4) FROM people"),
            Is.EqualTo(new[] { "2|700.0|2" }));
        // A null condition rejects the row; a group whose rows are all rejected counts 0 and sums to null.
        Assert.That(Query("SELECT dept, count(id) FILTER (WHERE dept > 10), max(name) FILTER (WHERE dept > 10) FROM people GROUP BY dept ORDER BY dept NULLS FIRST"),
            Is.EqualTo(new[] { "∅|0|∅", "10|0|∅", "20|1|Cid" }));
        Assert.That(Query("SELECT percentile_approx(id, 0.5) FILTER (WHERE id > 1), first(name) IGNORE NULLS FILTER (WHERE id > 2) FROM people"),
            Is.EqualTo(new[] { "3|Cid" }));
        Assert.That(Schema("SELECT count(*) FILTER (WHERE dept > 10), sum(id) FILTER (WHERE id > 1) AS s FROM people"),
            Is.EqualTo(new[] { "count(1) FILTER (WHERE (dept > 10)):bigint", "s:bigint" }));
        Assert.That(QueryError("SELECT first(name) FILTER (WHERE id > 2) FROM people").ErrorClass, Does.StartWith("UNSUPPORTED_FEATURE"));
        Assert.That(QueryError("SELECT upper(name) FILTER (WHERE id > 2) FROM people").ErrorClass, Does.StartWith("UNSUPPORTED_FEATURE"));
    }

    [Test]
    public void PlainExpressionsNextToRollupCubeAndGroupingSetsGroupByEveryCombination()
    {
        // dept, ROLLUP(name) = GROUPING SETS ((dept, name), (dept)).
        Assert.That(Query("SELECT dept, name, count(*) FROM people WHERE dept = 10 GROUP BY dept, ROLLUP(name) ORDER BY 1, 2 NULLS FIRST"),
            Is.EqualTo(new[] { "10|∅|2", "10|Ann|1", "10|Bob|1" }));
        // CUBE(dept), ROLLUP(id) over one row: sets (dept, id), (dept), (id), ().
        Assert.That(Query("SELECT dept, id, count(*) FROM people WHERE id = 3 GROUP BY CUBE(dept), ROLLUP(id) ORDER BY 1 NULLS FIRST, 2 NULLS FIRST"),
            Is.EqualTo(new[] { "∅|∅|1", "∅|3|1", "20|∅|1", "20|3|1" }));
        Assert.That(Query("SELECT dept, id, count(*) FROM people WHERE id = 3 GROUP BY dept, GROUPING SETS ((id), ()) ORDER BY 2 NULLS FIRST"),
            Is.EqualTo(new[] { "20|∅|1", "20|3|1" }));
        Assert.That(QueryError("SELECT dept FROM people GROUP BY dept, ROLLUP(id) WITH CUBE").ErrorClass, Does.StartWith("UNSUPPORTED_FEATURE"));
    }

    [Test]
    public void GroupingAndGroupingIdTellWhichColumnsARowAggregates()
    {
        Assert.That(Query("SELECT dept, id, grouping(dept), grouping(id), grouping_id(), grouping_id(id) FROM people WHERE id = 3 " +
                          "GROUP BY CUBE(dept, id) ORDER BY 5"),
            Is.EqualTo(new[] { "20|3|0|0|0|0", "20|∅|0|1|1|1", "∅|3|1|0|2|0", "∅|∅|1|1|3|1" }));
        Assert.That(Schema("SELECT grouping(dept), grouping_id(dept) FROM people GROUP BY ROLLUP(dept)"),
            Is.EqualTo(new[] { "grouping(dept):tinyint", "grouping_id(dept):bigint" }));
        Assert.That(QueryError("SELECT grouping(dept) FROM people GROUP BY dept").ErrorClass, Is.EqualTo("UNSUPPORTED_GROUPING_EXPRESSION"));
        Assert.That(QueryError("SELECT grouping(id) FROM people GROUP BY ROLLUP(dept)").ErrorClass, Is.EqualTo("GROUPING_COLUMN_MISMATCH"));
    }

    [Test]
    public void OrderedSetAggregatesWithinGroup()
    {
        // salary 100, 200, 300, 400: the 0.25 point interpolates at 175; descending reads 0.75 of the ascending order.
        Assert.That(Query("SELECT percentile_cont(0.25) WITHIN GROUP (ORDER BY salary), percentile_cont(0.25) WITHIN GROUP (ORDER BY salary DESC), " +
                          "mode() WITHIN GROUP (ORDER BY dept) FROM people"), Is.EqualTo(new[] { "175.0|325.0|10" }));
        Assert.That(Schema("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY id) FROM people"),
            Is.EqualTo(new[] { "percentile_cont(0.5) WITHIN GROUP (ORDER BY id):double" }));
    }

    [Test]
    public void PercentileDiscIsTheFirstValueWhoseCumulativeDistributionReachesP()
    {
        // 10 values 1..10 and a NULL: ⌈10 × 0.7⌉ = 7th, p = 0 the first value, descending ⌈2.5⌉ = 3rd from the top.
        const string ten = "FROM VALUES (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (NULL) AS t(x)";
        Assert.That(Query("SELECT percentile_disc(0.7) WITHIN GROUP (ORDER BY x), percentile_disc(0.0) WITHIN GROUP (ORDER BY x), " +
                          $"percentile_disc(0.25) WITHIN GROUP (ORDER BY x DESC), percentile_disc(1) WITHIN GROUP (ORDER BY x) {ten}"),
            Is.EqualTo(new[] { "7.0|1.0|8.0|10.0" }));
        // 100 × 0.07 is 7.000000000000001 in DOUBLE arithmetic, as Spark computes it, so Spark takes the 8th value.
        Assert.That(Query("SELECT percentile_disc(0.07) WITHIN GROUP (ORDER BY id) FROM range(1, 101)"), Is.EqualTo(new[] { "8.0" }));
        Assert.That(Query("SELECT k, percentile_disc(0.5) WITHIN GROUP (ORDER BY x) FROM VALUES (1, 2), (1, 8), (1, 8), (1, 40), (2, NULL) AS t(k, x) GROUP BY k ORDER BY k"),
            Is.EqualTo(new[] { "1|8.0", "2|∅" }));
        Assert.That(Schema("SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY id DESC) FROM people"),
            Is.EqualTo(new[] { "percentile_disc(0.5) WITHIN GROUP (ORDER BY id DESC):double" }));
    }

    [TestCase("SELECT percentile_disc(0.5) FROM people", "`percentile_disc`")]
    [TestCase("SELECT percentile_cont(0.5) FROM people", "`percentile_cont`")]
    [TestCase("SELECT percentile_disc(id, 0.5) OVER () FROM people", "`percentile_disc`")]
    public void InverseDistributionFunctionsNeedWithinGroup(string query, string function)
    {
        var error = QueryError(query);
        Assert.That(error.ErrorClass, Is.EqualTo("INVALID_INVERSE_DISTRIBUTION_FUNCTION.WITHIN_GROUP_MISSING"));
        Assert.That(error.Message, Does.Contain(function));
    }

    [Test]
    public void PercentileDiscChecksItsPercentage() =>
        Assert.That(QueryError("SELECT percentile_disc(1.5) WITHIN GROUP (ORDER BY id) FROM people").ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE"));

    [Test]
    public void AnInlineTableKeepsItsRowOrder()
    {
        var values = string.Join(", ", Enumerable.Range(0, 40).Select(i => $"({(i * 7) % 40})"));
        var expected = "[" + string.Join(", ", Enumerable.Range(0, 40).Select(i => ((i * 7) % 40).ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]";
        Assert.That(Query($"SELECT collect_list(col1) FROM VALUES {values}"), Is.EqualTo(new[] { expected }));
        Assert.That(Schema("SELECT * FROM VALUES (1, 'a'), (2, 'b') AS t(x, y)"), Is.EqualTo(new[] { "x:int", "y:string" }));
    }

    [Test]
    public void MapsGroupByTheirEntriesInAnyOrder()
    {
        Assert.That(Query("SELECT count(*) FROM VALUES (map(1, 2, 2, 3)), (map(2, 3, 1, 2)), (map(1, 3)) AS t(m) GROUP BY m ORDER BY 1"),
            Is.EqualTo(new[] { "1", "2" }));
        Assert.That(Query("SELECT count(*) FROM VALUES (named_struct('b', array(map(1, 2, 2, 3)))), (named_struct('b', array(map(2, 3, 1, 2)))), " +
                          "(named_struct('b', array(map(2, 4)))) AS t(s) GROUP BY s ORDER BY 1"), Is.EqualTo(new[] { "1", "2" }));
        Assert.That(Query("SELECT count(*) FROM VALUES (map(1, map(1, 2, 2, 3))), (map(1, map(2, 3, 1, 2))) AS t(m) GROUP BY m"), Is.EqualTo(new[] { "2" }));
        // The group's key is the map with its entries in key order.
        Assert.That(Query("SELECT map_keys(m), count(*) FROM VALUES (map(2, 3, 1, 2)), (map(1, 2, 2, 3)) AS t(m) GROUP BY m"),
            Is.EqualTo(new[] { Query("SELECT array(1, 2)")[0] + "|2" }));
    }

    [Test]
    public void ApproxCountDistinctCountsExactly()
    {
        Assert.That(Query("SELECT approx_count_distinct(dept), approx_count_distinct(name, 0.01) FROM people"), Is.EqualTo(new[] { "2|4" }));
        Assert.That(Query("SELECT approx_count_distinct(id) FROM people WHERE id > 9"), Is.EqualTo(new[] { "0" }));
        Assert.That(Schema("SELECT approx_count_distinct(id) FROM people"), Is.EqualTo(new[] { "approx_count_distinct(id):bigint" }));
    }

    [Test]
    public void HistogramNumericGivesEachValueItsBinWhileThereAreEnoughBins()
    {
        Assert.That(Schema("SELECT histogram_numeric(id, 5) FROM people"), Is.EqualTo(new[] { "histogram_numeric(id, 5):array<struct<x:int,y:double>>" }));
        Assert.That(Query("SELECT size(histogram_numeric(id, 5)), histogram_numeric(id, 5)[0].x, histogram_numeric(salary, 2)[1].y FROM people"),
            Is.EqualTo(new[] { "4|1|1.0" }));
        Assert.That(Query("SELECT histogram_numeric(id, 3) FROM people WHERE id > 9"), Is.EqualTo(new[] { "∅" }));
        Assert.That(QueryError("SELECT histogram_numeric(id, 1) FROM people").ErrorClass, Does.StartWith("INVALID_PARAMETER_VALUE"));
        // A zoned timestamp's centre is the same instant (microseconds from the epoch in UTC), not shifted by the session zone.
        Assert.That(Query("SELECT histogram_numeric(t, 2)[0].x = t FROM VALUES (TIMESTAMP '2017-03-01 00:00:00') AS v(t) GROUP BY t"),
            Is.EqualTo(new[] { "true" }));
    }

    [Test]
    public void BoolAggregatesCastStringsAsSparkDoes()
    {
        Assert.That(Query("SELECT every('true'), bool_or(' No '), some(name) FROM people WHERE id = 1 AND name = 'Ann' AND 1 = 0"),
            Is.EqualTo(new[] { "∅|∅|∅" }));
        Assert.That(Query("SELECT every(x), bool_or(x) FROM VALUES ('true'), ('Y'), (' no ') AS t(x)"), Is.EqualTo(new[] { "false|true" }));
    }

    [Test]
    public void ColumnNamesFollowSpark()
    {
        Assert.That(Schema("SELECT dept IS NULL, isnotnull(dept), struct(id, name AS n) FROM people"),
            Is.EqualTo(new[] { "(dept IS NULL):boolean", "(dept IS NOT NULL):boolean", "struct(id, name AS n):struct<id:int,n:string>" }));
        Assert.That(Schema("SELECT array_agg(id) FROM people"), Is.EqualTo(new[] { "collect_list(id):array<int>" }));
    }

    [Test]
    public void CteErrorsAreSparks()
    {
        Assert.That(QueryError("WITH s AS (SELECT 1 FROM s) SELECT * FROM s").ErrorClass, Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
        // A definition nobody reads is still analyzed.
        Assert.That(QueryError("WITH t AS (SELECT 1 FROM no_such_table) SELECT 2").ErrorClass, Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
        Assert.That(QueryError("WITH r1 AS (SELECT * FROM r2), r2 AS (SELECT 1) SELECT 2").ErrorClass, Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
        Assert.That(Query("WITH t AS (SELECT 1 FROM people) SELECT 2"), Is.EqualTo(new[] { "2" }));
    }
}
