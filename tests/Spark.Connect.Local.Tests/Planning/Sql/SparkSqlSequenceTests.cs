namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>
/// <c>sequence(start, stop[, step])</c> over integers: inclusive bounds, the default step's sign, the wider integral
/// element type, and Spark's failure for a step that never reaches stop.
/// </summary>
public sealed class SparkSqlSequenceTests : SparkSqlTestBase
{
    [Test]
    public void SequenceCountsFromStartToStopInclusive()
    {
        Assert.That(Query("SELECT sequence(1, 5), sequence(5, 1), sequence(1, 9, 3), sequence(9, 0, -4), sequence(3, 3, 0), sequence(2, 2)"),
            Is.EqualTo(new[] { "[1, 2, 3, 4, 5]|[5, 4, 3, 2, 1]|[1, 4, 7]|[9, 5, 1]|[3]|[2]" }));
        Assert.That(Query("SELECT sequence(1, CAST(NULL AS INT)) IS NULL, sequence(1, 3, CAST(NULL AS INT)) IS NULL"), Is.EqualTo(new[] { "true|true" }));
        Assert.That(Schema("SELECT sequence(1, 3), sequence(1, 3L), sequence(CAST(1 AS SMALLINT), CAST(4 AS TINYINT))"),
            Is.EqualTo(new[] { "sequence(1, 3):array<int>", "sequence(1, 3):array<bigint>", "sequence(CAST(1 AS SMALLINT), CAST(4 AS TINYINT)):array<smallint>" }));
    }

    [TestCase("sequence(1, 3, 0)", "1 to 3 by 0")]
    [TestCase("sequence(1, 3, -1)", "1 to 3 by -1")]
    [TestCase("sequence(3, 1, 2)", "3 to 1 by 2")]
    public void AStepThatNeverReachesStopFails(string call, string boundaries)
    {
        var error = RuntimeError($"SELECT {call}");
        Assert.That(error.ErrorClass, Is.EqualTo("INVALID_PARAMETER_VALUE"));
        Assert.That(error.Message, Does.Contain($"Illegal sequence boundaries: {boundaries}"));
    }

    [Test]
    public void AStepFromAColumnIsCheckedPerRow() =>
        Assert.That(RuntimeError("SELECT sequence(1, 4, s) FROM VALUES (1), (0) AS t(s)").Message, Does.Contain("Illegal sequence boundaries: 1 to 4 by 0"));

    [Test]
    public void MoreElementsThanSparksArrayLimitFail() =>
        Assert.That(RuntimeError("SELECT sequence(0L, 3000000000L)").ErrorClass, Is.EqualTo("COLLECTION_SIZE_LIMIT_EXCEEDED.PARAMETER"));

    [Test]
    public void NonIntegralBoundsAreTypeErrorsAndDatesAreUnsupported()
    {
        Assert.That(QueryError("SELECT sequence(1.5, 3)").ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.SEQUENCE_WRONG_INPUT_TYPES"));
        Assert.That(QueryError("SELECT sequence(DATE'2024-01-01', DATE'2024-01-03')").ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
    }

    /// <summary>The Spark error a query fails with while DuckDB runs it (raised in SQL, translated as the server does).</summary>
    private Spark.Connect.Local.Planning.LocalEngineException RuntimeError(string query)
    {
        var failure = Assert.Throws<Spark.Connect.Local.DuckDb.DuckDbException>(() => Query(query))!;
        return Spark.Connect.Local.Planning.Functions.SparkRuntimeErrors.TryTranslate(failure.Message) ?? throw new AssertionException(failure.Message);
    }
}
