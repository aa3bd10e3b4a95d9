namespace Spark.Connect.Local.Tests.Server;

/// <summary>CREATE/DROP DATABASE (SCHEMA, NAMESPACE), tables inside a created database, and SHOW DATABASES.</summary>
public sealed class SqlStatementDatabaseTests : SqlStatementTestBase
{
    [Test]
    public async Task A_created_database_holds_tables_named_db_dot_t()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE DATABASE IF NOT EXISTS SalesDb");
        await RunAsync(client, "CREATE TABLE IF NOT EXISTS salesdb.orders (id INT, amount DOUBLE)");
        await RunAsync(client, "INSERT INTO salesdb.orders VALUES (1, 2.5)");

        Assert.That(await RunAsync(client, "SELECT * FROM salesdb.orders"), Is.EqualTo(new[] { new object?[] { 1, 2.5 } }));
        Assert.That(await RunAsync(client, "SHOW TABLES IN salesdb"), Is.EqualTo(new[] { new object?[] { "salesdb", "orders", false } }));
        Assert.That(await RunAsync(client, "SHOW TABLES"), Is.Empty, "default holds none of them");
        Assert.That((await RunAsync(client, "SHOW DATABASES")).Select(r => r[0]), Is.EqualTo(new[] { "default", "salesdb" }), "stored in lower case, as Spark does");
    }

    [Test]
    public async Task Creating_an_existing_database_fails_unless_if_not_exists_is_given()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE SCHEMA s1");

        Assert.That(await ErrorClassAsync(client, "CREATE DATABASE s1"), Is.EqualTo("SCHEMA_ALREADY_EXISTS"));
        Assert.That(await ErrorClassAsync(client, "CREATE DATABASE default"), Is.EqualTo("SCHEMA_ALREADY_EXISTS"));
        Assert.That(await RunAsync(client, "CREATE NAMESPACE IF NOT EXISTS S1 COMMENT 'c' WITH DBPROPERTIES ('k' = 'v')"), Is.Empty);
        Assert.That(await ErrorClassAsync(client, "CREATE DATABASE main"), Is.EqualTo("SCHEMA_ALREADY_EXISTS"), "main is default's DuckDB name");
        Assert.That(await ErrorClassAsync(client, "CREATE DATABASE information_schema"), Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
    }

    [Test]
    public async Task Drop_database_needs_cascade_for_a_database_with_tables()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE DATABASE d");
        await RunAsync(client, "CREATE TABLE d.t AS SELECT 1 AS a");

        Assert.That(await ErrorClassAsync(client, "DROP DATABASE d"), Is.EqualTo("SCHEMA_NOT_EMPTY"));
        await RunAsync(client, "DROP DATABASE d CASCADE");

        Assert.That(await ErrorClassAsync(client, "SELECT * FROM d.t"), Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
        Assert.That((await RunAsync(client, "SHOW SCHEMAS")).Select(r => r[0]), Is.EqualTo(new[] { "default" }));
        Assert.That(await ErrorClassAsync(client, "DROP DATABASE d"), Is.EqualTo("SCHEMA_NOT_FOUND"));
        Assert.That(await RunAsync(client, "DROP SCHEMA IF EXISTS d"), Is.Empty);
    }

    [Test]
    public async Task The_default_database_cannot_be_dropped_and_unknown_ones_are_not_found()
    {
        var client = NewClient();

        Assert.That(await ErrorClassAsync(client, "DROP DATABASE default"), Is.EqualTo("UNSUPPORTED_FEATURE.DROP_DATABASE"));
        Assert.That(await ErrorClassAsync(client, "CREATE TABLE nowhere.t (a INT)"), Is.EqualTo("SCHEMA_NOT_FOUND"));
        Assert.That(await ErrorClassAsync(client, "SHOW TABLES IN nowhere"), Is.EqualTo("SCHEMA_NOT_FOUND"));
        Assert.That(await ErrorClassAsync(client, "CREATE TABLE other_catalog.db.t (a INT)"), Is.EqualTo("CATALOG_NOT_FOUND"));
    }

    [Test]
    public async Task Spark_catalog_calls_know_the_created_databases()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE DATABASE reports");

        Assert.That(await RowsAsync(client, Catalog(c => c.DatabaseExists = new DatabaseExists { DbName = "Reports" })), Is.EqualTo(new[] { new object?[] { true } }));
        Assert.That(await RowsAsync(client, Catalog(c => c.DatabaseExists = new DatabaseExists { DbName = "nowhere" })), Is.EqualTo(new[] { new object?[] { false } }));
        Assert.That((await RowsAsync(client, Catalog(c => c.ListDatabases = new ListDatabases()))).Select(r => (r[0], r[1])),
            Is.EqualTo(new[] { ((object?)"default", (object?)"spark_catalog"), ("reports", "spark_catalog") }));
        Assert.That((await RowsAsync(client, Catalog(c => c.ListDatabases = new ListDatabases { Pattern = "rep*" }))).Select(r => r[0]), Is.EqualTo(new[] { "reports" }));
        Assert.That((await RowsAsync(client, Catalog(c => c.GetDatabase = new GetDatabase { DbName = "reports" }))).Single()[0], Is.EqualTo("reports"));
    }

    [Test]
    public async Task Save_as_table_and_write_to_reach_a_created_database()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE SCHEMA IF NOT EXISTS silver");

        await CollectAsync(client.ExecutePlanAsync(SaveAsTable("silver.orders", "SELECT 1 AS id, 'a' AS name", WriteOperation.Types.SaveMode.ErrorIfExists)));
        await CollectAsync(client.ExecutePlanAsync(SaveAsTable("silver.orders", "SELECT 'b' AS name, 2 AS id", WriteOperation.Types.SaveMode.Append)));

        Assert.That(await RunAsync(client, "SELECT * FROM silver.orders ORDER BY id"), Is.EqualTo(new[] { new object?[] { 1, "a" }, new object?[] { 2, "b" } }));
        Assert.That(await RunAsync(client, "SHOW TABLES IN silver"), Is.EqualTo(new[] { new object?[] { "silver", "orders", false } }));
        var exists = await Assert.ThrowsAsync<SparkException>(async () =>
            await CollectAsync(client.ExecutePlanAsync(SaveAsTable("silver.orders", "SELECT 3 AS id, 'c' AS name", WriteOperation.Types.SaveMode.ErrorIfExists))));
        Assert.That(exists!.ErrorClass, Is.EqualTo("TABLE_OR_VIEW_ALREADY_EXISTS"));
        Assert.That(exists.Message, Does.Contain("`silver`.`orders`"));
        var readsItself = SaveAsTable("silver.orders", "", WriteOperation.Types.SaveMode.Overwrite);
        readsItself.Command.WriteOperation.Input = Table("silver.orders").Root;
        var overwrite = await Assert.ThrowsAsync<SparkException>(async () => await CollectAsync(client.ExecutePlanAsync(readsItself)));
        Assert.That(overwrite!.ErrorClass, Is.EqualTo("UNSUPPORTED_OVERWRITE.TABLE"));
        var missing = await Assert.ThrowsAsync<SparkException>(async () =>
            await CollectAsync(client.ExecutePlanAsync(SaveAsTable("gold.orders", "SELECT 1 AS id", WriteOperation.Types.SaveMode.ErrorIfExists))));
        Assert.That(missing!.ErrorClass, Is.EqualTo("SCHEMA_NOT_FOUND"));
    }

    [Test]
    public async Task Databases_and_their_tables_are_shared_by_every_session()
    {
        var first = NewClient();
        var second = NewClient();
        await RunAsync(first, "CREATE DATABASE shared_db");
        await RunAsync(first, "CREATE TABLE shared_db.t AS SELECT 'from first' AS v");

        Assert.That(await RunAsync(second, "SELECT * FROM shared_db.t"), Is.EqualTo(new[] { new object?[] { "from first" } }));
        Assert.That((await RunAsync(second, "SHOW DATABASES LIKE 'shared*'")).Select(r => r[0]), Is.EqualTo(new[] { "shared_db" }));
    }

    [Test]
    public async Task A_hostile_database_name_stays_a_name()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE DATABASE `x\"; DROP SCHEMA main; --`");
        await RunAsync(client, "CREATE TABLE `x\"; DROP SCHEMA main; --`.t (a INT)");

        Assert.That((await RunAsync(client, "SHOW DATABASES")).Select(r => r[0]), Is.EqualTo(new[] { "default", "x\"; drop schema main; --" }));
        await RunAsync(client, "DROP DATABASE `x\"; DROP SCHEMA main; --` CASCADE");
        Assert.That((await RunAsync(client, "SHOW DATABASES")).Select(r => r[0]), Is.EqualTo(new[] { "default" }));
    }

    private static Plan Catalog(Action<Spark.Connect.Protocol.Catalog> fill)
    {
        var catalog = new Spark.Connect.Protocol.Catalog();
        fill(catalog);
        return new Plan { Root = new Relation { Catalog = catalog } };
    }

    private static Plan SaveAsTable(string table, string query, WriteOperation.Types.SaveMode mode) => new()
    {
        Command = new Command
        {
            WriteOperation = new WriteOperation
            {
                Input = new Relation { Sql = new SQL { Query = query } },
                Table = new WriteOperation.Types.SaveTable { TableName = table, SaveMethod = WriteOperation.Types.SaveTable.Types.TableSaveMethod.SaveAsTable },
                Mode = mode,
            },
        },
    };
}
