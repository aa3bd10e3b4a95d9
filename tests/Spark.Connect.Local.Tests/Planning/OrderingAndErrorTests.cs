using Spark.Connect;
using Spark.Connect.Local.DuckDb;

namespace Spark.Connect.Local.Tests.Planning;

/// <summary>Order carried through wrapping relations on inputs large enough for DuckDB to use several chunks; errors left to DuckDB.</summary>
public sealed class OrderingAndErrorTests : PlannerTestBase
{
    private Relation BigDescending()
    {
        var range = New(r => r.Range = new Spark.Connect.Protocol.Range { Start = 0, End = 100_000, Step = 1 });
        return Sort(range, Desc(Col("id")));
    }

    [Test]
    public void ProjectAndLimitKeepTheOrderOfASortedInput()
    {
        var plan = New(r => r.Limit = new Limit { Input = Project(BigDescending(), Alias(Fn("*", Col("id"), Lit(2L)), "twice")), Limit_ = 3 });
        Assert.That(Lines(plan), Is.EqualTo(new[] { "199998", "199996", "199994" }));
        var all = Rows(Project(BigDescending(), Col("id"))).Select(r => long.Parse(r[0]!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.That(all, Is.Ordered.Descending);
        Assert.That(all, Has.Count.EqualTo(100_000));
    }

    [Test]
    public void TailOfALargeSortedInputIsItsLastRowsInOrder()
    {
        var tail = New(r => r.Tail = new Tail { Input = BigDescending(), Limit = 3 });
        Assert.That(Lines(tail), Is.EqualTo(new[] { "2", "1", "0" }));
    }

    [Test]
    public void UnknownColumnNamesAreSparksUnresolvedColumnWithSuggestions()
    {
        var error = PlanError(Project(Table("people"), Col("nmae")));
        Assert.That(error.ErrorClass, Is.EqualTo("UNRESOLVED_COLUMN.WITH_SUGGESTION"));
        Assert.That(error.SqlState, Is.EqualTo("42703"));
        Assert.That(error.MessageParameters["objectName"], Is.EqualTo("`nmae`"));
        // The closest name is proposed first.
        Assert.That(error.MessageParameters["proposal"], Does.StartWith("`people`.`name`"));
        var withColumns = New(r => r.WithColumns = new WithColumns { Input = Project(Table("people"), Col("nope")), Aliases = { Alias(Lit(1), "x").Alias } });
        Assert.That(PlanError(withColumns).ErrorClass, Is.EqualTo("UNRESOLVED_COLUMN.WITH_SUGGESTION"));
    }

    [Test]
    public void UnusedParametersAreDroppedAndPlaceholdersRenumbered()
    {
        // type_probe binds a new value and drops its argument (with its own literal) from the text.
        var planned = Plan(Project(Table("people"), Alias(Fn("type_probe", Fn("+", Col("id"), Lit(7L))), "t"), Alias(Lit("kept"), "k")));
        Assert.That(planned.Parameters.Select(p => p.String), Is.EqualTo(new[] { "BIGINT", "kept" }));
        Assert.That(planned.Sql, Does.Contain("$1").And.Contain("$2").And.Not.Contain("$3"));
    }

    [Test]
    public void MissingInputIsAClearError()
    {
        var filter = New(r => r.Filter = new Filter { Condition = Lit(1) });
        Assert.That(PlanError(filter).ErrorClass, Is.EqualTo("INVALID_PLAN"));
    }

    [Test]
    public void MalformedNamesAreParseErrors()
    {
        Assert.That(PlanError(Table("a..b")).ErrorClass, Is.EqualTo("PARSE_SYNTAX_ERROR"));
        Assert.That(PlanError(Project(Table("people"), Col("`unterminated"))).ErrorClass, Is.EqualTo("PARSE_SYNTAX_ERROR"));
    }
}
