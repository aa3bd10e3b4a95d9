namespace Spark.Connect.Local.Tests.Server;

/// <summary>
/// A <c>SQL</c> relation whose text is a statement (what some clients send for <c>spark.sql("CREATE TABLE …")</c>): Spark's
/// planner runs the command when the relation is executed or analyzed and the relation is its result rows.
/// </summary>
public sealed class SqlStatementRelationTests : SqlStatementTestBase
{
    [Test]
    public async Task A_create_table_relation_runs_when_executed_and_returns_no_columns()
    {
        var client = NewClient();

        var responses = await CollectAsync(client.ExecutePlanAsync(Sql("CREATE TABLE made_by_relation (a INT, b STRING)")));

        Assert.That(Rows(responses), Is.Empty);
        Assert.That(SchemaOf(responses).Fields, Is.Empty, "DDL answers no columns, as Spark's command result");
        Assert.That(await RunAsync(client, "SHOW TABLES"), Is.EqualTo(new[] { new object?[] { "default", "made_by_relation", false } }));
        var again = await Assert.ThrowsAsync<SparkException>(async () => await RowsAsync(client, Sql("CREATE TABLE made_by_relation (a INT)")));
        Assert.That(again!.ErrorClass, Is.EqualTo("TABLE_OR_VIEW_ALREADY_EXISTS"), "each execution runs the command again");
    }

    [Test]
    public async Task An_insert_relation_runs_once_per_execution()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TABLE counted (a INT)");

        await RowsAsync(client, Sql("INSERT INTO counted VALUES (1), (2)"));
        await RowsAsync(client, Sql("INSERT INTO counted SELECT a + 10 FROM counted"));

        Assert.That(await RunAsync(client, "SELECT a FROM counted ORDER BY a"), Is.EqualTo(new[] { new object?[] { 1 }, new object?[] { 2 }, new object?[] { 11 }, new object?[] { 12 } }));
    }

    [Test]
    public async Task A_statement_with_rows_is_a_relation_the_plan_can_build_on()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TABLE t1 (a INT)");
        await RunAsync(client, "CREATE TABLE t2 (a INT)");
        var show = new Relation { Sql = new SQL { Query = "SHOW TABLES" } };

        var whole = await RowsAsync(client, new Plan { Root = show });
        var first = await RowsAsync(client, new Plan { Root = new Relation { Limit = new Limit { Input = show, Limit_ = 1 } } });

        Assert.That(whole, Is.EqualTo(new[] { new object?[] { "default", "t1", false }, new object?[] { "default", "t2", false } }));
        Assert.That(first, Is.EqualTo(new[] { new object?[] { "default", "t1", false } }));
    }

    [Test]
    public async Task Analyzing_a_statement_relation_reports_the_commands_columns()
    {
        var client = NewClient();
        var request = new AnalyzePlanRequest { Schema = new AnalyzePlanRequest.Types.Schema { Plan = Sql("SHOW TABLES") } };

        var schema = (await client.AnalyzePlanAsync(request)).Schema.Schema_.Struct;

        Assert.That(schema.Fields.Select(f => f.Name), Is.EqualTo(new[] { "namespace", "tableName", "isTemporary" }));
    }

    [Test]
    public async Task Set_and_temporary_views_work_inside_a_relation_and_bad_syntax_is_a_parse_error()
    {
        var client = NewClient();

        var set = await RowsAsync(client, Sql("SET spark.sql.shuffle.partitions = 7"));
        await RowsAsync(client, Sql("CREATE TEMPORARY VIEW seven AS SELECT 7 AS n"));

        Assert.That(set, Is.EqualTo(new[] { new object?[] { "spark.sql.shuffle.partitions", "7" } }));
        Assert.That(await RunAsync(client, "SELECT n FROM seven"), Is.EqualTo(new[] { new object?[] { 7 } }));
        var error = await Assert.ThrowsAsync<SparkException>(async () => await RowsAsync(client, Sql("CREATE TABLE (")));
        Assert.That(error!.ErrorClass, Is.EqualTo("PARSE_SYNTAX_ERROR"));
    }
}
