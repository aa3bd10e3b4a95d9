namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>
/// A merge lambda of aggregate/reduce nested in another lambda, over several rows (higher-order-functions.sql.out's
/// <c>nested</c> view). DuckDB reads a captured outer variable from the wrong row inside list_reduce, so a merge that
/// reads one is refused; merges that read only their own variables give Spark's answer on every row.
/// </summary>
public sealed class NestedLambdaCaptureTests : SparkSqlTestBase
{
    private const string NestedRows = " FROM VALUES (1, array(array(12, 99), array(123, 42), array(1))), (2, array(array(6, 96, 65), array(-1, -2))), (3, array(array(17))) AS t(x, zs)";

    [TestCase("aggregate")]
    [TestCase("reduce")]
    public void A_merge_reading_an_enclosing_lambda_variable_is_refused_instead_of_answered_wrongly(string function)
    {
        var error = QueryError($"SELECT transform(zs, z -> {function}(z, 1, (acc, val) -> acc * val * size(z))) AS v" + NestedRows);

        Assert.That(error.ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
        Assert.That(error.Message, Does.Contain("enclosing lambda"));
    }

    [Test]
    public void Nested_merges_over_their_own_variables_answer_every_row() =>
        Assert.That(Query("SELECT transform(zs, z -> aggregate(z, 1, (acc, val) -> acc * val)) AS v" + NestedRows),
            Is.EqualTo(new[] { "[1188, 5166, 1]", "[37440, 2]", "[17]" }));
}
