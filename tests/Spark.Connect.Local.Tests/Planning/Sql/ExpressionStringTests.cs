namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary><c>selectExpr</c>, <c>expr</c> and <c>filter("…")</c>: ExpressionString expressions parsed as Spark SQL against the input.</summary>
public sealed class ExpressionStringTests : SparkSqlTestBase
{
    private static Expression Text(string sql) => new() { ExpressionString = new Expression.Types.ExpressionString { Expression = sql } };

    [Test]
    public void SelectExprComputesAndNamesLikeSpark()
    {
        var plan = Project(Table("people"), Text("id + 1"), Text("upper(name) AS who"), Text("salary > 150"));
        Assert.That(Columns(plan), Is.EqualTo(new[] { "(id + 1)", "who", "(salary > 150)" }));
        Assert.That(Lines(SortBy(plan, "who")), Is.EqualTo(new[] { "2|ANN|false", "3|BOB|true", "4|CID|true", "5|DEE|true" }));
    }

    [Test]
    public void SelectExprStarExpandsTheInput() =>
        Assert.That(Columns(Project(Table("depts"), Text("*"), Text("dept * 2 d2"))), Is.EqualTo(new[] { "dept", "title", "d2" }));

    [Test]
    public void FilterStringIsACondition() =>
        Assert.That(Lines(Project(Filter(Table("people"), Text("dept = 10 AND name LIKE 'B%'")), Col("name"))), Is.EqualTo(new[] { "Bob" }));

    [Test]
    public void ExpressionStringsNestInsideOtherExpressions() =>
        Assert.That(Lines(Project(Table("people"), Fn("+", Text("id * 10"), Lit(1)))).Order().ToList(), Is.EqualTo(new[] { "11", "21", "31", "41" }));

    [Test]
    public void SubqueriesInsideExpressionStringsResolve() =>
        Assert.That(Lines(Project(Filter(Table("people"), Text("dept IN (SELECT dept FROM depts WHERE title = 'Ops')")), Col("name"))),
            Is.EqualTo(new[] { "Cid" }));

    [Test]
    public void BadExpressionStringIsASyntaxError()
    {
        var error = PlanError(Project(Table("people"), Text("id +")));
        Assert.That(error.ErrorClass, Is.EqualTo("PARSE_SYNTAX_ERROR"));
        Assert.That(error.MessageParameters["error"], Is.EqualTo("end of input"));
    }

    [Test]
    public void ValuesInExpressionStringsStayValues() =>
        Assert.That(Lines(Project(Table("people"), Text("'x'' OR 1=1 --'"))).Distinct().Single(), Is.EqualTo("x OR 1=1 --"));
}
