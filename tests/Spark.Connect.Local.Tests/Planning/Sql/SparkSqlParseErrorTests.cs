namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>Syntax errors and budgets: Spark's PARSE_SYNTAX_ERROR with the position, FAILED_TO_PARSE_TOO_COMPLEX for deep text.</summary>
public sealed class SparkSqlParseErrorTests : SparkSqlTestBase
{
    [TestCase("SELECT FROM people", "'FROM'")]
    [TestCase("SELECT id FROM people WHERE", "end of input")]
    [TestCase("SELECT (1 + 2 FROM people", "'FROM'")]
    [TestCase("SELECT id FROM people people2 people3", "'people3'")]
    [TestCase("SELECT 'unclosed", "'''")]
    public void SyntaxErrorsNameTheToken(string query, string near)
    {
        var error = QueryError(query);
        Assert.That(error.ErrorClass, Is.EqualTo("PARSE_SYNTAX_ERROR"));
        Assert.That(error.SqlState, Is.EqualTo("42601"));
        Assert.That(error.MessageParameters["error"], Is.EqualTo(near));
        Assert.That(error.Message, Does.StartWith("Syntax error at or near " + near));
    }

    [Test]
    public void ErrorsCarryLineAndPosition() =>
        Assert.That(QueryError("SELECT id\nFROM people\nWHERE id = = 1").Message, Does.Contain("(line 3, pos 11)"));

    [Test]
    public void DeepNestingIsTooComplexNotAStackOverflow()
    {
        var deep = "SELECT " + new string('(', 5000) + "1" + new string(')', 5000);
        Assert.That(QueryError(deep).ErrorClass, Is.EqualTo("FAILED_TO_PARSE_TOO_COMPLEX"));
        var chain = "SELECT " + string.Join(" + ", Enumerable.Repeat("1", 20_000));
        Assert.That(QueryError(chain).ErrorClass, Is.EqualTo("FAILED_TO_PARSE_TOO_COMPLEX"));
    }

    [Test]
    public void LongAndChainsAreBalanced()
    {
        var conditions = string.Join(" OR ", Enumerable.Range(0, 3000).Select(i => $"id = {i}"));
        Assert.That(Query($"SELECT count(*) FROM people WHERE {conditions}"), Is.EqualTo(new[] { "4" }));
    }

    [Test]
    public void OnlyOneStatementIsAQuery() =>
        Assert.That(QueryError("SELECT 1; SELECT 2").ErrorClass, Is.EqualTo("PARSE_SYNTAX_ERROR"));
}
