namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary><c>chr</c>/<c>char</c>: the character of a code modulo 256, empty for a negative code, with Spark's names.</summary>
public sealed class SparkSqlCharacterCodeTests : SparkSqlTestBase
{
    [Test]
    public void ChrTakesTheCodeModulo256AndIsEmptyForANegativeCode()
    {
        Assert.That(Query("SELECT chr(65), char(97), chr(321), chr(-1) = '', chr(233), chr(66.9), ascii(chr(256)), chr(CAST(NULL AS INT)) IS NULL"),
            Is.EqualTo(new[] { "A|a|A|true|é|B|0|true" }));
        Assert.That(Schema("SELECT chr(65), char(66)"), Is.EqualTo(new[] { "chr(65):string", "char(66):string" }));
    }

    [Test]
    public void ChrBuildsTextInARecursiveQuery() =>
        Assert.That(Query("WITH RECURSIVE r(c) AS (SELECT 'a' UNION ALL SELECT c || char(ascii(substr(c, -1)) + 1) FROM r WHERE length(c) < 4) SELECT c FROM r"),
            Is.EqualTo(new[] { "a", "ab", "abc", "abcd" }));

    [Test]
    public void ChrOfABooleanIsATypeMismatch() =>
        Assert.That(QueryError("SELECT chr(true)").ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE"));
}
