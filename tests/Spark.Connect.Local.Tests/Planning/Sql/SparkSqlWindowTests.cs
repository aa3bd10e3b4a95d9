namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>Window expressions: Spark's column names (with the frame Spark fills in), RANGE offsets, and the frames Spark refuses.</summary>
public sealed class SparkSqlWindowTests : SparkSqlTestBase
{
    [Test]
    public void WindowColumnsAreNamedWithTheirSpecificationAndFrame()
    {
        Assert.That(Schema("SELECT count(id) OVER (PARTITION BY dept ORDER BY id ROWS CURRENT ROW) FROM people"),
            Is.EqualTo(new[] { "count(id) OVER (PARTITION BY dept ORDER BY id ASC NULLS FIRST ROWS BETWEEN CURRENT ROW AND CURRENT ROW):bigint" }));
        Assert.That(Schema("SELECT sum(id) OVER () FROM people"),
            Is.EqualTo(new[] { "sum(id) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING):bigint" }));
        Assert.That(Schema("SELECT sum(id) OVER (ORDER BY id DESC RANGE 1 PRECEDING) FROM people"),
            Is.EqualTo(new[] { "sum(id) OVER (ORDER BY id DESC NULLS LAST RANGE BETWEEN 1 PRECEDING AND CURRENT ROW):bigint" }));
        Assert.That(Schema("SELECT max(id) OVER w FROM people WINDOW w AS (PARTITION BY dept ORDER BY name)"),
            Is.EqualTo(new[] { "max(id) OVER (PARTITION BY dept ORDER BY name ASC NULLS FIRST RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW):int" }));
        Assert.That(Schema("SELECT row_number() OVER (ORDER BY id), cume_dist() OVER (ORDER BY id) FROM people"), Is.EqualTo(new[]
        {
            "row_number() OVER (ORDER BY id ASC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW):int",
            "cume_dist() OVER (ORDER BY id ASC NULLS FIRST RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW):double",
        }));
    }

    [Test]
    public void RangeFramesStepByDecimalsAndDateDays()
    {
        Assert.That(Query("SELECT id, sum(salary) OVER (ORDER BY salary RANGE BETWEEN CURRENT ROW AND 150.5 FOLLOWING) FROM people ORDER BY id"),
            Is.EqualTo(new[] { "1|300.0", "2|500.0", "3|700.0", "4|400.0" }));
        Assert.That(Query("SELECT d, count(*) OVER (ORDER BY d RANGE BETWEEN CURRENT ROW AND 2 FOLLOWING) FROM VALUES (DATE'2024-01-01'), (DATE'2024-01-03'), (DATE'2024-01-04') t(d) ORDER BY d"),
            Is.EqualTo(new[] { "2024-01-01|2", "2024-01-03|2", "2024-01-04|1" }));
    }

    [Test]
    public void FramesSparkRefusesAreRefusedWithItsErrorClasses()
    {
        Assert.That(QueryError("SELECT count(id) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED FOLLOWING AND 1 FOLLOWING) FROM people").ErrorClass,
            Is.EqualTo("DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_INVALID_BOUND"));
        Assert.That(QueryError("SELECT count(id) OVER (ORDER BY id ROWS BETWEEN CURRENT ROW AND UNBOUNDED PRECEDING) FROM people").ErrorClass,
            Is.EqualTo("DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_INVALID_BOUND"));
        Assert.That(QueryError("SELECT count(id) OVER (ORDER BY id ROWS BETWEEN CURRENT ROW AND 2147483648 FOLLOWING) FROM people").ErrorClass,
            Is.EqualTo("DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_UNACCEPTED_TYPE"));
        Assert.That(QueryError("SELECT count(id) OVER (ORDER BY id RANGE BETWEEN 1 FOLLOWING AND 1 PRECEDING) FROM people").ErrorClass,
            Is.EqualTo("DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_WRONG_COMPARISON"));
        Assert.That(QueryError("SELECT count(id) OVER (PARTITION BY dept RANGE BETWEEN CURRENT ROW AND 1 FOLLOWING) FROM people").ErrorClass,
            Is.EqualTo("DATATYPE_MISMATCH.RANGE_FRAME_WITHOUT_ORDER"));
        Assert.That(QueryError("SELECT count(id) OVER (ORDER BY id, dept RANGE BETWEEN CURRENT ROW AND 1 FOLLOWING) FROM people").ErrorClass,
            Is.EqualTo("DATATYPE_MISMATCH.RANGE_FRAME_MULTI_ORDER"));
        Assert.That(QueryError("SELECT count(id) OVER (ORDER BY name RANGE BETWEEN CURRENT ROW AND 1 FOLLOWING) FROM people").ErrorClass,
            Is.EqualTo("DATATYPE_MISMATCH.RANGE_FRAME_INVALID_TYPE"));
        Assert.That(QueryError("SELECT row_number() OVER (PARTITION BY dept) FROM people").ErrorClass, Is.EqualTo("_LEGACY_ERROR_TEMP_1037"));
        Assert.That(QueryError("SELECT max(id) OVER w FROM people WINDOW w AS (ORDER BY id), w AS (ORDER BY name)").ErrorClass,
            Is.EqualTo("INVALID_SQL_SYNTAX.REPETITIVE_WINDOW_DEFINITION"));
        // An unordered RANGE frame over every row is fine.
        Assert.That(Query("SELECT count(id) OVER (RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM people"), Is.EqualTo(new[] { "4", "4", "4", "4" }));
    }
}
