using Spark.Connect.Local.Tests.Server;
using Spark.Linq.Testing;

namespace Spark.Connect.Local.Tests.CaseMapping;

/// <summary>Spark's case functions as a Spark Connect client calls them: a plan over a table, through the server.</summary>
public sealed class CaseMappingConnectTests : LocalServerTestBase
{
    /// <summary>A row of the test table.</summary>
    public sealed record Row(int Id, string? Text);

    [Test]
    public async Task Upper_lower_and_initcap_answer_as_Spark()
    {
        var cases = SparkCaseCases.All().ToList();
        Server.CreateTable("texts", cases.Select((c, i) => new Row(i, c.Text)).Append(new Row(cases.Count, null)));
        var plan = Project(Table("texts").Root, Col("Id"),
            Fn("upper", Col("Text")), Fn("lower", Col("Text")), Fn("initcap", Col("Text")), Fn("ucase", Col("Text")), Fn("lcase", Col("Text")));

        var rows = (await RowsAsync(NewClient(), plan)).OrderBy(r => (int)r[0]!).ToList();

        Assert.That(rows, Has.Count.EqualTo(cases.Count + 1));
        for (var i = 0; i < cases.Count; i++)
            Assert.That(rows[i][1..], Is.EqualTo(new object?[] { cases[i].Upper, cases[i].Lower, cases[i].InitCap, cases[i].Upper, cases[i].Lower }), cases[i].Name);
        Assert.That(rows[^1][1..], Is.All.Null);
    }

    [Test]
    public async Task Ilike_compares_Sparks_lowercase_of_both_sides()
    {
        Server.CreateTable("words", new[] { new Row(1, "ας"), new Row(2, "ΑΣΑ"), new Row(3, "İstanbul"), new Row(4, "straße") });
        var plan = Project(Table("words").Root, Col("Id"),
            Fn("ilike", Col("Text"), Lit("ΑΣ")), Fn("ilike", Col("Text"), Lit("ΑΣ%")), Fn("ilike", Col("Text"), Lit("i\u0307stanbul")), Fn("ilike", Col("Text"), Lit("STRASSE")));

        var rows = (await RowsAsync(NewClient(), plan)).OrderBy(r => (int)r[0]!).Select(r => r[1..]).ToList();

        Assert.That(rows, Is.EqualTo(new[]
        {
            new object?[] { true, true, false, false },   // lower: ας = ας, and ας LIKE ας%
            new object?[] { false, false, false, false }, // lower: ασα; the pattern ΑΣ% lowers to ας%
            new object?[] { false, false, true, false },  // lower(İ) = i̇
            new object?[] { false, false, false, false }, // ß stays ß in lower-case
        }));
    }

    private static Expression Col(string name) => new() { UnresolvedAttribute = new Expression.Types.UnresolvedAttribute { UnparsedIdentifier = name } };

    private static Expression Lit(string value) => new() { Literal = new Expression.Types.Literal { String = value } };

    private static Expression Fn(string name, params Expression[] arguments)
    {
        var function = new Expression.Types.UnresolvedFunction { FunctionName = name };
        function.Arguments.AddRange(arguments);
        return new Expression { UnresolvedFunction = function };
    }

    private static Plan Project(Relation input, params Expression[] expressions)
    {
        var project = new Project { Input = input };
        project.Expressions.AddRange(expressions);
        return new Plan { Root = new Relation { Project = project } };
    }
}
