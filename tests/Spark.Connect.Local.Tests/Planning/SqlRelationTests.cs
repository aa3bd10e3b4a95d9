using Spark.Connect;
using Spark.Connect.Local.Planning;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Connect.Local.Tests.Planning;

public sealed class SqlRelationTests : PlannerTestBase
{
    private Relation Sql(string query, Dictionary<string, Literal>? args = null, Literal[]? positional = null)
    {
        var sql = new SQL { Query = query };
        foreach (var (name, value) in args ?? [])
            sql.Args[name] = value;
        sql.PosArgs.AddRange(positional ?? []);
        return New(r => r.Sql = sql);
    }

    [Test]
    public void PassesSqlWithoutArgumentsThrough() =>
        Assert.That(Lines(Sql("SELECT count(*) FROM people")), Is.EqualTo(new[] { "4" }));

    [Test]
    public void NamedArgumentsAreBoundOnlyWhereTheyAreMarkers()
    {
        // Spark SQL: '…' and "…" are both strings, back quotes name identifiers, comments are skipped.
        var query = """
            SELECT name, ':id' AS lit, ":id" AS dq, /* :id */ CAST(CAST(:id AS BIGINT) AS STRING) AS cast_twice -- :id
            FROM (SELECT 1 AS `:id`, name, id FROM people) AS t
            WHERE id = :id OR name = :name
            ORDER BY id
            """;
        var rows = Lines(Sql(query, new() { ["id"] = new Literal { Integer = 1 }, ["name"] = new Literal { String = "Cid" } }));
        Assert.That(rows, Is.EqualTo(new[] { "Ann|:id|:id|1", "Cid|:id|:id|1" }));
    }

    [Test]
    public void DuckDbDialectBindsNamedArgumentsOnlyWhereTheyAreMarkers()
    {
        Session.SqlDialect = SqlDialect.DuckDb;
        var query = """
            SELECT name, ':id' AS lit, ":id" AS quoted_ident, /* :id */ CAST(:id AS BIGINT)::VARCHAR AS cast_twice -- :id
            FROM (SELECT 1 AS ":id", name, id FROM people) AS t
            WHERE id = :id OR name = :name
            ORDER BY id
            """;
        var rows = Lines(Sql(query, new() { ["id"] = new Literal { Integer = 1 }, ["name"] = new Literal { String = "Cid" } }));
        Assert.That(rows, Is.EqualTo(new[] { "Ann|:id|1|1", "Cid|:id|1|1" }));
    }

    [Test]
    public void NamedArgumentsAcceptExpressions()
    {
        var sql = new SQL { Query = "SELECT :v AS v" };
        sql.NamedArguments["v"] = Fn("<", Lit(1), Lit(2));
        Assert.That(Lines(New(r => r.Sql = sql)), Is.EqualTo(new[] { "true" }));
    }

    [Test]
    public void PositionalArgumentsFillQuestionMarksInOrder()
    {
        var query = "SELECT '?' AS q, name FROM people WHERE id > ? AND name <> ? /* ? */ ORDER BY id";
        var rows = Lines(Sql(query, positional: [new Literal { Integer = 1 }, new Literal { String = "Cid" }]));
        Assert.That(rows, Is.EqualTo(new[] { "?|Bob", "?|Dee" }));
        var expressions = new SQL { Query = "SELECT ? + 0" };
        expressions.PosArguments.Add(Lit(41));
        Assert.That(Lines(New(r => r.Sql = expressions)), Is.EqualTo(new[] { "41" }));
    }

    [Test]
    public void DuckDbDialectLeavesDollarQuotedAndEscapedStringsAlone()
    {
        Session.SqlDialect = SqlDialect.DuckDb;
        var query = "SELECT $$ :x ? $$ AS a, $tag$ :x $tag$ AS b, E'it\\'s :x' AS c, :x AS d";
        Assert.That(Lines(Sql(query, new() { ["x"] = new Literal { Integer = 5 } })), Is.EqualTo(new[] { " :x ? | :x |it's :x|5" }));
    }

    [Test]
    public void MarkerWithoutArgumentIsSparksUnboundParameterError()
    {
        var error = PlanError(Sql("SELECT :missing, :id", new() { ["id"] = new Literal { Integer = 1 } }));
        Assert.That(error.ErrorClass, Is.EqualTo("UNBOUND_SQL_PARAMETER"));
        Assert.That(error.Message, Does.Contain("missing"));
        Assert.That(PlanError(Sql("SELECT ?, ?", positional: [new Literal { Integer = 1 }])).ErrorClass, Is.EqualTo("UNBOUND_SQL_PARAMETER"));
    }

    [Test]
    public void MixingNamedAndPositionalOrDuckDbMarkersIsRefused()
    {
        var mixed = PlanError(Sql("SELECT :a, ?", new() { ["a"] = new Literal { Integer = 1 } }, [new Literal { Integer = 2 }]));
        Assert.That(mixed.ErrorClass, Is.EqualTo("INVALID_QUERY_MIXED_QUERY_PARAMETERS"));
        // $1 is no Spark SQL; under the DuckDB dialect DuckDB's own markers are refused, as they would reach the planner's parameters.
        Assert.That(PlanError(Sql("SELECT $1, :a", new() { ["a"] = new Literal { Integer = 1 } })).ErrorClass, Is.EqualTo("PARSE_SYNTAX_ERROR"));
        Session.SqlDialect = SqlDialect.DuckDb;
        var dollar = PlanError(Sql("SELECT $1, :a", new() { ["a"] = new Literal { Integer = 1 } }));
        Assert.That(dollar.ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
    }

    [Test]
    public void SqlRelationCanBeTheInputOfOtherRelations()
    {
        var sql = Sql("SELECT * FROM people WHERE dept = :d", new() { ["d"] = new Literal { Integer = 10 } });
        var plan = Project(Filter(sql, Fn(">", Col(sql, "salary"), Lit(150.0))), Col("name"));
        Assert.That(Lines(plan), Is.EqualTo(new[] { "Bob" }));
    }

    [Test]
    public void TrailingSemicolonsDoNotBreakAParentRelation()
    {
        var sql = Sql("SELECT * FROM depts ; ");
        Assert.That(Rows(Filter(sql, Fn("==", Col("dept"), Lit(20)))).Single()[1], Is.EqualTo("Ops"));
    }

    [Test]
    public void PlannedParametersAreTheBoundValues()
    {
        var planned = Plan(Sql("SELECT :a AS a", new() { ["a"] = new Literal { String = "x' OR 1=1 --" } }));
        Assert.That(planned.Parameters, Has.Count.EqualTo(1));
        Assert.That(planned.Sql, Does.Not.Contain("OR 1=1"));
    }
}
