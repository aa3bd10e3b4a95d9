namespace Spark.Connect.Local.Tests.Server;

/// <summary>INSERT statements that start like a query: <c>WITH … INSERT …</c> and the multi-insert <c>FROM src INSERT … INSERT …</c>.</summary>
public sealed class SqlStatementCteInsertTests : SqlStatementTestBase
{
    [Test]
    public async Task A_leading_with_clause_belongs_to_the_inserts_query()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TABLE t (a INT, b STRING)");

        await RunAsync(client, "WITH src AS (SELECT 1 AS a, 'x' AS b UNION ALL SELECT 2, 'y') INSERT INTO t SELECT a * 10, b FROM src WHERE a = 2");
        await RunAsync(client, "WITH v AS (SELECT 3 AS a) INSERT INTO t (a) VALUES (4)");

        Assert.That(await RunAsync(client, "SELECT * FROM t ORDER BY a"), Is.EqualTo(new[] { new object?[] { 4, null }, new object?[] { 20, "y" } }));
    }

    [Test]
    public async Task A_recursive_cte_feeds_an_insert_overwrite()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TABLE t (level INT)");
        await RunAsync(client, "INSERT INTO t VALUES (100)");

        await RunAsync(client, "WITH RECURSIVE r(level) AS (VALUES (0) UNION ALL SELECT level + 1 FROM r WHERE level < 4) INSERT OVERWRITE t SELECT * FROM r");

        Assert.That((await RunAsync(client, "SELECT level FROM t ORDER BY level")).Select(r => r[0]), Is.EqualTo(new object?[] { 0, 1, 2, 3, 4 }));
    }

    [Test]
    public async Task A_multi_insert_runs_each_body_over_the_shared_source()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TABLE small (v INT)");
        await RunAsync(client, "CREATE TABLE counts (k STRING, n BIGINT)");
        await RunAsync(client, "CREATE TEMP VIEW src AS SELECT * FROM VALUES (1, 'a'), (2, 'a'), (30, 'b') AS s(v, k)");

        await RunAsync(client, "FROM src s INSERT INTO small SELECT v WHERE v < 10 INSERT INTO counts SELECT k, count(*) GROUP BY k");

        Assert.That((await RunAsync(client, "SELECT v FROM small ORDER BY v")).Select(r => r[0]), Is.EqualTo(new object?[] { 1, 2 }));
        Assert.That(await RunAsync(client, "SELECT * FROM counts ORDER BY k"), Is.EqualTo(new[] { new object?[] { "a", 2L }, new object?[] { "b", 1L } }));
    }

    [Test]
    public async Task A_multi_insert_with_a_cte_inlines_it_and_refuses_a_recursive_one()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TABLE t (level INT)");

        await RunAsync(client, "WITH c AS (SELECT 7 AS level) FROM c INSERT INTO t SELECT level INSERT INTO t SELECT level + 1");
        Assert.That(await ErrorClassAsync(client,
            "WITH RECURSIVE r(level) AS (VALUES (0) UNION ALL SELECT level + 1 FROM r WHERE level < 9) FROM r INSERT INTO t SELECT * INSERT INTO t SELECT *"),
            Is.EqualTo("RECURSIVE_CTE_WHEN_INLINING_IS_FORCED"));

        Assert.That((await RunAsync(client, "SELECT level FROM t ORDER BY level")).Select(r => r[0]), Is.EqualTo(new object?[] { 7, 8 }));
    }

    [Test]
    public async Task A_multi_insert_checks_every_target_before_writing_any()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TABLE t (v INT)");

        Assert.That(await ErrorClassAsync(client, "FROM (SELECT 1 AS v) s INSERT INTO t SELECT v INSERT INTO missing SELECT v"), Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));

        Assert.That(await RunAsync(client, "SELECT * FROM t"), Is.Empty);
    }

    [Test]
    public async Task Queries_starting_with_with_or_from_stay_queries()
    {
        var client = NewClient();

        Assert.That(await RunAsync(client, "WITH c AS (SELECT 1 AS insert_count) SELECT insert_count FROM c"), Is.EqualTo(new[] { new object?[] { 1 } }));
        Assert.That(await ErrorClassAsync(client, "WITH c AS (SELECT 1 INSERT"), Is.EqualTo("PARSE_SYNTAX_ERROR"));
    }
    [Test]
    public async Task Parameters_stay_values_and_positional_ones_are_refused_in_a_multi_insert()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TABLE t (s STRING)");
        const string Hostile = "x'); DROP TABLE t; --";

        await RunAsync(client, "WITH c AS (SELECT ? AS s) INSERT INTO t SELECT s FROM c",
            sql => sql.PosArguments.Add(new Expression { Literal = new Expression.Types.Literal { String = Hostile } }));
        await RunAsync(client, "FROM (SELECT :v AS s) src INSERT INTO t SELECT s INSERT INTO t SELECT upper(s)",
            sql => sql.Args.Add("v", new Expression.Types.Literal { String = "a'b" }));
        var positional = await Assert.ThrowsAsync<SparkException>(async () => await RunAsync(client, "FROM (SELECT ? AS s) src INSERT INTO t SELECT s",
            sql => sql.PosArguments.Add(new Expression { Literal = new Expression.Types.Literal { String = "p" } })));

        Assert.That(positional!.ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
        Assert.That((await RunAsync(client, "SELECT s FROM t")).Select(r => r[0]), Is.EquivalentTo(new[] { Hostile, "a'b", "A'B" }));
    }
}
