namespace Spark.Connect.Local.Tests.Server;

/// <summary>USE db: unqualified names resolve in the session's current database, which current_database() and SHOW report.</summary>
public sealed class SqlStatementUseTests : SqlStatementTestBase
{
    [Test]
    public async Task Use_makes_a_created_database_current_for_unqualified_names()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TABLE t (a INT)");
        await RunAsync(client, "INSERT INTO t VALUES (1)");
        await RunAsync(client, "CREATE DATABASE Sales");

        Assert.That(await RunAsync(client, "USE SCHEMA sales"), Is.Empty);
        await RunAsync(client, "CREATE TABLE t (b STRING)");
        await RunAsync(client, "INSERT INTO t VALUES ('in sales')");

        Assert.That(await RunAsync(client, "SELECT * FROM t"), Is.EqualTo(new[] { new object?[] { "in sales" } }));
        Assert.That(await RunAsync(client, "SELECT * FROM default.t"), Is.EqualTo(new[] { new object?[] { 1 } }));
        Assert.That(await RunAsync(client, "SELECT current_database(), current_schema()"), Is.EqualTo(new[] { new object?[] { "sales", "sales" } }));
        Assert.That(await RunAsync(client, "SHOW TABLES"), Is.EqualTo(new[] { new object?[] { "sales", "t", false } }));
        Assert.That(await RunAsync(client, "SHOW CURRENT NAMESPACE"), Is.EqualTo(new[] { new object?[] { "spark_catalog", "sales" } }));
        Assert.That(await RunAsync(client, "DESCRIBE TABLE t"), Is.EqualTo(new[] { new object?[] { "b", "string", null } }));

        await RunAsync(client, "USE spark_catalog.default");
        Assert.That(await RunAsync(client, "SELECT * FROM t"), Is.EqualTo(new[] { new object?[] { 1 } }));
        Assert.That(await RunAsync(client, "SELECT current_database()"), Is.EqualTo(new[] { new object?[] { "default" } }));
    }

    [Test]
    public async Task The_current_database_is_the_sessions_own()
    {
        var first = NewClient();
        var second = NewClient();
        await RunAsync(first, "CREATE DATABASE mine");
        await RunAsync(first, "CREATE TABLE mine.only_here (a INT)");
        await RunAsync(first, "USE mine");

        Assert.That(await RunAsync(first, "SELECT count(*) FROM only_here"), Is.EqualTo(new[] { new object?[] { 0L } }));
        Assert.That(await ErrorClassAsync(second, "SELECT * FROM only_here"), Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
        Assert.That(await RunAsync(second, "SELECT current_database()"), Is.EqualTo(new[] { new object?[] { "default" } }));
    }

    [Test]
    public async Task Use_of_an_unknown_database_fails_and_dropping_the_current_one_returns_to_default()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE DATABASE gone");
        await RunAsync(client, "USE gone");

        Assert.That(await ErrorClassAsync(client, "USE nowhere"), Is.EqualTo("SCHEMA_NOT_FOUND"));
        Assert.That(await RunAsync(client, "SELECT current_database()"), Is.EqualTo(new[] { new object?[] { "gone" } }), "a failed USE changes nothing");
        await RunAsync(client, "DROP DATABASE gone");
        Assert.That(await RunAsync(client, "SELECT current_database()"), Is.EqualTo(new[] { new object?[] { "default" } }));
    }

    [Test]
    public async Task The_catalogs_set_current_database_switches_as_use_does()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE DATABASE ledger");
        await RunAsync(client, "CREATE TABLE ledger.entries AS SELECT 42 AS amount");

        await RowsAsync(client, Catalog(c => c.SetCurrentDatabase = new SetCurrentDatabase { DbName = "Ledger" }));

        Assert.That(await RowsAsync(client, Catalog(c => c.CurrentDatabase = new CurrentDatabase())), Is.EqualTo(new[] { new object?[] { "ledger" } }));
        Assert.That(await RunAsync(client, "SELECT amount FROM entries"), Is.EqualTo(new[] { new object?[] { 42 } }));
        var missing = await Assert.ThrowsAsync<SparkException>(async () => await RowsAsync(client, Catalog(c => c.SetCurrentDatabase = new SetCurrentDatabase { DbName = "nowhere" })));
        Assert.That(missing!.ErrorClass, Is.EqualTo("SCHEMA_NOT_FOUND"));
        await RowsAsync(client, Catalog(c => c.SetCurrentDatabase = new SetCurrentDatabase { DbName = "default" }));
        Assert.That(await RunAsync(client, "SELECT current_database()"), Is.EqualTo(new[] { new object?[] { "default" } }));
    }

    private static Plan Catalog(Action<Spark.Connect.Protocol.Catalog> fill)
    {
        var catalog = new Spark.Connect.Protocol.Catalog();
        fill(catalog);
        return new Plan { Root = new Relation { Catalog = catalog } };
    }
}
