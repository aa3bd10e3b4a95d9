namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>
/// Window rules Spark applies beyond frame types: ordered-set aggregates (<c>percentile_cont … WITHIN GROUP</c>) and
/// <c>median</c> over whole partitions only, frame offsets that must be literals, and no FILTER on a window aggregate.
/// </summary>
public sealed class SparkSqlWindowSpecRuleTests : SparkSqlTestBase
{
    private const string Salaries = "VALUES (1, 10), (1, 20), (1, 30), (1, 40), (2, 5) t(k, v)";

    [Test]
    public void PercentileContWithinGroupIsAWindowFunctionOverAWholePartition()
    {
        Assert.That(Query($"SELECT k, v, percentile_cont(0.25) WITHIN GROUP (ORDER BY v) OVER (PARTITION BY k), percentile_cont(0.25) WITHIN GROUP (ORDER BY v DESC) OVER (PARTITION BY k) FROM {Salaries} ORDER BY k, v"),
            Is.EqualTo(new[] { "1|10|17.5|32.5", "1|20|17.5|32.5", "1|30|17.5|32.5", "1|40|17.5|32.5", "2|5|5.0|5.0" }));
        Assert.That(Query($"SELECT v, percentile_cont(0.5) WITHIN GROUP (ORDER BY v) OVER w FROM {Salaries} WINDOW w AS (PARTITION BY k ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) ORDER BY v"),
            Is.EqualTo(new[] { "5|5.0", "10|25.0", "20|25.0", "30|25.0", "40|25.0" }));
        Assert.That(Query("SELECT v, mode() WITHIN GROUP (ORDER BY v) OVER (PARTITION BY k) FROM VALUES (1, 3), (1, 2), (1, 2), (2, 7) t(k, v) ORDER BY v"),
            Is.EqualTo(new[] { "2|2", "2|2", "3|2", "7|7" }));
        Assert.That(Schema($"SELECT percentile_cont(0.25) WITHIN GROUP (ORDER BY v DESC) OVER (PARTITION BY k) FROM {Salaries}"),
            Is.EqualTo(new[] { "percentile_cont(0.25) WITHIN GROUP (ORDER BY v DESC) OVER (PARTITION BY k ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING):double" }));
    }

    [Test]
    public void PercentileDiscWithinGroupIsAWindowFunctionOverAWholePartition()
    {
        // Partition 1 holds 10, 20, 30, 40: ⌈4 × 0.25⌉ = 1st value ascending (10) and descending (40).
        Assert.That(Query($"SELECT k, v, percentile_disc(0.25) WITHIN GROUP (ORDER BY v) OVER (PARTITION BY k), percentile_disc(0.25) WITHIN GROUP (ORDER BY v DESC) OVER (PARTITION BY k) FROM {Salaries} ORDER BY k, v"),
            Is.EqualTo(new[] { "1|10|10.0|40.0", "1|20|10.0|40.0", "1|30|10.0|40.0", "1|40|10.0|40.0", "2|5|5.0|5.0" }));
        Assert.That(Schema($"SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY v) OVER (PARTITION BY k) FROM {Salaries}"),
            Is.EqualTo(new[] { "percentile_disc(0.5) WITHIN GROUP (ORDER BY v) OVER (PARTITION BY k ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING):double" }));
    }

    [TestCase("percentile_cont(0.25) WITHIN GROUP (ORDER BY v) OVER (PARTITION BY k ORDER BY v)")]
    [TestCase("percentile_cont(0.25) WITHIN GROUP (ORDER BY v) OVER (PARTITION BY k ROWS BETWEEN UNBOUNDED PRECEDING AND 1 FOLLOWING)")]
    [TestCase("percentile_cont(0.25) WITHIN GROUP (ORDER BY v) OVER (PARTITION BY k RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)")]
    [TestCase("percentile_disc(0.25) WITHIN GROUP (ORDER BY v DESC) OVER (PARTITION BY k ORDER BY v)")]
    [TestCase("median(v) OVER (ORDER BY v)")]
    public void OrderedSetAggregatesRefuseAnOrderOrAFrame(string column)
    {
        var error = QueryError($"SELECT {column} FROM {Salaries}");
        Assert.That(error.ErrorClass, Is.EqualTo("INVALID_WINDOW_SPEC_FOR_AGGREGATION_FUNC"));
        Assert.That(error.Message, Does.Contain(column[..column.IndexOf('(', StringComparison.Ordinal)]));
    }

    [Test]
    public void ANamedWindowIsCheckedOnceItIsFilledIn()
    {
        Assert.That(QueryError($"SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY v) OVER w FROM {Salaries} WINDOW w AS (PARTITION BY k ORDER BY v)").ErrorClass,
            Is.EqualTo("INVALID_WINDOW_SPEC_FOR_AGGREGATION_FUNC"));
        // median over a whole partition is an ordinary window aggregate.
        Assert.That(Query($"SELECT v, median(v) OVER w FROM {Salaries} WINDOW w AS (PARTITION BY k) ORDER BY v"),
            Is.EqualTo(new[] { "5|5.0", "10|25.0", "20|25.0", "30|25.0", "40|25.0" }));
    }

    [Test]
    public void AnOrderedSetAggregateTheEngineLacksIsRefusedAsUnsupported() =>
        Assert.That(QueryError($"SELECT mode() WITHIN GROUP (ORDER BY v DESC) OVER (PARTITION BY k) FROM {Salaries}").ErrorClass,
            Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));

    [TestCase("RANGE BETWEEN CURRENT ROW AND current_date PRECEDING")]
    [TestCase("ROWS BETWEEN k PRECEDING AND CURRENT ROW")]
    [TestCase("ROWS abs(-1) PRECEDING")]
    public void AFrameOffsetMustBeALiteral(string frame) =>
        Assert.That(QueryError($"SELECT count(v) OVER (ORDER BY v {frame}) FROM {Salaries}").ErrorClass, Is.EqualTo("_LEGACY_ERROR_TEMP_0064"));

    [Test]
    public void LiteralFrameOffsetsStillCount() =>
        Assert.That(Query($"SELECT v, count(v) OVER (ORDER BY v ROWS BETWEEN -1 FOLLOWING AND 1 FOLLOWING) FROM {Salaries} ORDER BY v"),
            Is.EqualTo(new[] { "5|2", "10|3", "20|3", "30|3", "40|2" }));

    [Test]
    public void AFilteredAggregateIsNotAWindowFunction() =>
        Assert.That(QueryError($"SELECT count(v) FILTER (WHERE v > 1) OVER (PARTITION BY k) FROM {Salaries}").ErrorClass,
            Is.EqualTo("_LEGACY_ERROR_TEMP_1030"));
}
