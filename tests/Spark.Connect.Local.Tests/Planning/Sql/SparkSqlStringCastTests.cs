using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>Casts from strings as ANSI Spark reads the text: trimmed, integral text without a fraction, Spark's boolean words.</summary>
public sealed class SparkSqlStringCastTests : SparkSqlTestBase
{
    [Test]
    public void IntegralCastsTrimAndReadSignedDigits() =>
        Assert.That(Query("SELECT CAST(' 1\t' AS tinyint), CAST('+7' AS int), CAST('-9223372036854775808' AS bigint), CAST(NULL AS string) IS NULL"),
            Is.EqualTo(new[] { "1|7|-9223372036854775808|true" }));

    [TestCase("SELECT CAST('1.23' AS int)")]
    [TestCase("SELECT CAST('-4.56' AS bigint)")]
    [TestCase("SELECT CAST('1e2' AS int)")]
    [TestCase("SELECT CAST('' AS smallint)")]
    [TestCase("SELECT CAST('1中文' AS tinyint)")]
    [TestCase("SELECT CAST('2147483648' AS int)")]
    [TestCase("SELECT CAST('\t\n xyz \t\r' AS boolean)")]
    public void MalformedTextIsCastInvalidInput(string query) => Assert.That(RunError(query).ErrorClass, Is.EqualTo("CAST_INVALID_INPUT"));

    [Test]
    public void TryCastGivesNullForMalformedText() =>
        Assert.That(Query("SELECT TRY_CAST('1.23' AS int), TRY_CAST('x' AS boolean), TRY_CAST(' 12 ' AS bigint)"), Is.EqualTo(new[] { "∅|∅|12" }));

    [Test]
    public void BooleanCastReadsSparksWords() =>
        Assert.That(Query("SELECT CAST('\t\t true \n\r ' AS boolean), CAST(' F ' AS boolean), CAST('yes' AS boolean), CAST('n' AS boolean), CAST('1' AS boolean), CAST('0' AS boolean)"),
            Is.EqualTo(new[] { "true|false|true|false|true|false" }));

    private LocalEngineException RunError(string query)
    {
        var failure = Assert.Throws<DuckDbException>(() => Query(query))!;
        return SparkRuntimeErrors.TryTranslate(failure.Message, failure)
            ?? throw new AssertionException($"DuckDB failed with an error that maps to no Spark error: {failure.Message}");
    }
}
