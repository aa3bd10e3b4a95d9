namespace Spark.Connect.Local.Tests.Server;

/// <summary>ALTER TABLE/VIEW, CREATE TABLE … LIKE and CREATE TEMPORARY VIEW … USING in Spark SQL.</summary>
public sealed class SqlStatementAlterTests : SqlStatementTestBase
{
    [Test]
    public async Task Rename_moves_the_table_and_refuses_an_existing_target()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TABLE t AS SELECT 1 AS a");
        await RunAsync(client, "CREATE TABLE taken (x INT)");

        await RunAsync(client, "ALTER TABLE t RENAME TO Moved");

        Assert.That(await RunAsync(client, "SELECT * FROM moved"), Is.EqualTo(new[] { new object?[] { 1 } }));
        Assert.That(await ErrorClassAsync(client, "SELECT * FROM t"), Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
        Assert.That(await ErrorClassAsync(client, "ALTER TABLE moved RENAME TO taken"), Is.EqualTo("TABLE_OR_VIEW_ALREADY_EXISTS"));
        Assert.That(await ErrorClassAsync(client, "ALTER TABLE missing RENAME TO other"), Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
        Assert.That(await ErrorClassAsync(client, "ALTER VIEW moved RENAME TO other"), Is.EqualTo("EXPECT_VIEW_NOT_TABLE.USE_ALTER_TABLE"));
    }

    [Test]
    public async Task Rename_of_a_temporary_view_renames_it_in_the_session()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TEMP VIEW v AS SELECT 'v' AS source");

        await RunAsync(client, "ALTER VIEW v RENAME TO w");

        Assert.That(await RunAsync(client, "SELECT * FROM w"), Is.EqualTo(new[] { new object?[] { "v" } }));
        Assert.That(await ErrorClassAsync(client, "SELECT * FROM v"), Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
    }

    [Test]
    public async Task Add_columns_appends_nullable_columns()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TABLE t AS SELECT 1 AS a");

        await RunAsync(client, "ALTER TABLE t ADD COLUMNS (b STRING, c ARRAY<INT>)");
        await RunAsync(client, "ALTER TABLE t ADD COLUMN d DOUBLE");
        await RunAsync(client, "INSERT INTO t VALUES (2, 'x', array(1), 1.5)");

        Assert.That(await RunAsync(client, "SELECT a, b, d FROM t ORDER BY a"), Is.EqualTo(new[] { new object?[] { 1, null, null }, new object?[] { 2, "x", 1.5 } }));
        Assert.That(await ErrorClassAsync(client, "ALTER TABLE t ADD COLUMNS (A INT)"), Is.EqualTo("COLUMN_ALREADY_EXISTS"));
        Assert.That(await RunAsync(client, "ALTER TABLE t SET TBLPROPERTIES ('k' = 'v')"), Is.Empty);
        Assert.That(await ErrorClassAsync(client, "ALTER TABLE t DROP COLUMN a"), Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
    }

    [Test]
    public async Task Create_table_like_copies_the_columns_without_the_rows()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TABLE src (a BIGINT, b DECIMAL(4,1))");
        await RunAsync(client, "INSERT INTO src VALUES (1, 2.5)");

        await RunAsync(client, "CREATE TABLE copy LIKE src USING parquet");

        Assert.That(await RunAsync(client, "SELECT count(*) FROM copy"), Is.EqualTo(new[] { new object?[] { 0L } }));
        Assert.That((await RunAsync(client, "DESCRIBE copy")).Select(r => r[1]), Is.EqualTo(new[] { "bigint", "decimal(4,1)" }));
        Assert.That(await ErrorClassAsync(client, "CREATE TABLE copy LIKE src"), Is.EqualTo("TABLE_OR_VIEW_ALREADY_EXISTS"));
        Assert.That(await ErrorClassAsync(client, "CREATE TABLE other LIKE missing"), Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
    }

    [Test]
    public async Task A_temporary_view_using_a_format_reads_the_files_as_spark_read_does()
    {
        var client = NewClient();
        var path = Path.Combine(Path.GetTempPath(), $"stmt-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, "id,name\n1,a\n2,b\n");
        try
        {
            await RunAsync(client, $"CREATE OR REPLACE TEMPORARY VIEW people USING csv OPTIONS (path '{path}', header 'true', inferSchema true)");

            Assert.That(await RunAsync(client, "SELECT name FROM people WHERE id = 2"), Is.EqualTo(new[] { new object?[] { "b" } }));
            Assert.That(await RunAsync(client, "SHOW TABLES"), Is.EqualTo(new[] { new object?[] { "", "people", true } }));
            Assert.That(await ErrorClassAsync(client, "CREATE TEMPORARY VIEW nothing USING parquet"), Is.EqualTo("UNABLE_TO_INFER_SCHEMA"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public async Task Show_current_namespace_is_the_default_database()
    {
        var (schema, rows) = await ResultAsync(NewClient(), "SHOW CURRENT NAMESPACE");

        Assert.That(schema.Fields.Select(f => f.Name), Is.EqualTo(new[] { "catalog", "namespace" }));
        Assert.That(rows, Is.EqualTo(new[] { new object?[] { "spark_catalog", "default" } }));
    }
}
