using Spark.Connect.Local.Tests.Planning.Sql;

namespace Spark.Connect.Local.Tests.Planning.Library;

/// <summary>
/// <c>regexp_count</c>, <c>regexp_substr</c> and <c>regexp_extract_all</c>; the texts and answers are the examples of
/// Spark's <c>ExpressionDescription</c>s in regexpExpressions.scala.
/// </summary>
public sealed class RegexSearchFunctionTests : SparkSqlTestBase
{
    private const string Players = "'Steven Jones and Stephen Smith are the best players'";

    [Test]
    public void Regexp_count_counts_the_matches_as_an_int()
    {
        Assert.That(Query($"SELECT regexp_count({Players}, 'Ste(v|ph)en'), regexp_count({Players}, 'Jeck'), regexp_count(NULL, 'a')"),
            Is.EqualTo(new[] { "2|0|∅" }));
        Assert.That(Schema($"SELECT regexp_count({Players}, 'Ste(v|ph)en') AS n"), Is.EqualTo(new[] { "n:int" }));
    }

    [Test]
    public void Regexp_substr_is_the_first_match_or_null()
    {
        Assert.That(Query($"SELECT regexp_substr({Players}, 'Ste(v|ph)en'), regexp_substr({Players}, 'Jeck')"), Is.EqualTo(new[] { "Steven|∅" }));
        Assert.That(Schema($"SELECT regexp_substr({Players}, 'Jeck') AS s"), Is.EqualTo(new[] { "s:string" }));
    }

    [Test]
    public void Regexp_extract_all_takes_group_one_unless_told_otherwise()
    {
        Assert.That(Query(@"SELECT regexp_extract_all('100-200, 300-400', '(\\d+)-(\\d+)'), regexp_extract_all('100-200, 300-400', '(\\d+)-(\\d+)', 2), regexp_extract_all('100-200, 300-400', '(\\d+)-(\\d+)', 0)"),
            Is.EqualTo(new[] { "[100, 300]|[200, 400]|[100-200, 300-400]" }));
        Assert.That(Schema(@"SELECT regexp_extract_all('1a', '(\\d)') AS a"), Is.EqualTo(new[] { "a:array<string>" }));
        Assert.That(QueryError("SELECT regexp_extract_all('1a', '(\\\\d)', 12)").ErrorClass, Does.StartWith("INVALID_PARAMETER_VALUE"));
    }
}
