namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary><c>approx_count_distinct(x, rsd)</c>: the count, and Spark's checks of the relative error argument.</summary>
public sealed class SparkSqlApproxCountDistinctTests : SparkSqlTestBase
{
    [Test]
    public void ARelativeErrorLiteralIsAccepted() =>
        Assert.That(Query("SELECT approx_count_distinct(x, 0.1), approx_count_distinct(x, 0.01D) FROM VALUES (1), (2), (2), (NULL) AS t(x)"),
            Is.EqualTo(new[] { "2|2" }));

    [TestCase("approx_count_distinct(x, 1)", "_LEGACY_ERROR_TEMP_1104")]
    [TestCase("approx_count_distinct(x, x)", "_LEGACY_ERROR_TEMP_1104")]
    [TestCase("approx_count_distinct(x, 0.4)", "INVALID_PARAMETER_VALUE")]
    public void ARelativeErrorSparkRefusesIsAnError(string call, string errorClass) =>
        Assert.That(QueryError($"SELECT {call} FROM VALUES (1), (2) AS t(x)").ErrorClass, Is.EqualTo(errorClass));
}
