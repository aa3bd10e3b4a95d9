namespace Spark.Connect.Local.Tests.Server;

/// <summary>SHOW, DESCRIBE, EXPLAIN and the cache statements in Spark SQL: Spark's columns and rows, and session isolation.</summary>
public sealed class SqlStatementShowTests : SqlStatementTestBase
{
    [Test]
    public async Task Show_tables_has_sparks_columns_and_lists_temporary_views_after_the_tables()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TABLE b_table (a INT)");
        await RunAsync(client, "CREATE TABLE a_table (a INT)");
        await RunAsync(client, "CREATE TEMP VIEW my_view AS SELECT 1 AS x");

        var (schema, rows) = await ResultAsync(client, "SHOW TABLES");

        Assert.That(schema.Fields.Select(f => (f.Name, f.Nullable)), Is.EqualTo(new[] { ("namespace", false), ("tableName", false), ("isTemporary", false) }));
        Assert.That(rows, Is.EqualTo(new[]
        {
            new object?[] { "default", "a_table", false }, new object?[] { "default", "b_table", false }, new object?[] { "", "my_view", true },
        }));
        Assert.That((await RunAsync(client, "SHOW TABLES LIKE 'a*|my*'")).Select(r => r[1]), Is.EqualTo(new[] { "a_table", "my_view" }));
        Assert.That((await RunAsync(client, "SHOW TABLES FROM default 'b_*'")).Select(r => r[1]), Is.EqualTo(new[] { "b_table" }));
    }

    [Test]
    public async Task One_sessions_temporary_views_are_not_visible_to_another_while_tables_are()
    {
        var first = NewClient();
        var second = NewClient();
        await RunAsync(first, "CREATE TEMP VIEW private_view AS SELECT 1 AS x");
        await RunAsync(first, "CREATE TABLE shared_table (a INT)");

        Assert.That(await RunAsync(second, "SHOW TABLES"), Is.EqualTo(new[] { new object?[] { "default", "shared_table", false } }));
        Assert.That(await ErrorClassAsync(second, "DESCRIBE private_view"), Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
        Assert.That(await ErrorClassAsync(second, "DROP VIEW private_view"), Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
        Assert.That(await RunAsync(first, "SELECT * FROM private_view"), Is.EqualTo(new[] { new object?[] { 1 } }), "the other session's DROP left it alone");
    }

    [Test]
    public async Task Show_views_lists_catalog_views_and_temporary_views()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TABLE t (a INT)");
        await RunAsync(client, "CREATE TEMP VIEW tv AS SELECT 1 AS x");
        await RunAsync(client, "CREATE GLOBAL TEMP VIEW gv AS SELECT 1 AS x");

        var (schema, rows) = await ResultAsync(client, "SHOW VIEWS");

        Assert.That(schema.Fields.Select(f => f.Name), Is.EqualTo(new[] { "namespace", "viewName", "isTemporary" }));
        Assert.That(rows, Is.EqualTo(new[] { new object?[] { "", "tv", true } }));
        Assert.That(await RunAsync(client, "SHOW TABLES IN global_temp"), Is.EqualTo(new[] { new object?[] { "global_temp", "gv", true }, new object?[] { "", "tv", true } }));
    }

    [Test]
    public async Task Describe_gives_each_column_its_spark_type()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TABLE t (id BIGINT, at TIMESTAMP, m MAP<STRING, INT>, s STRUCT<x: INT, y: STRING>)");
        await RunAsync(client, "CREATE TEMP VIEW v AS SELECT id, 1.5 AS d FROM t");

        var (schema, rows) = await ResultAsync(client, "DESCRIBE TABLE t");
        var (_, view) = await ResultAsync(client, "DESC v");
        var (_, extended) = await ResultAsync(client, "DESCRIBE EXTENDED t");

        Assert.That(schema.Fields.Select(f => (f.Name, f.Nullable)), Is.EqualTo(new[] { ("col_name", false), ("data_type", false), ("comment", true) }));
        Assert.That(rows, Is.EqualTo(new[]
        {
            new object?[] { "id", "bigint", null }, new object?[] { "at", "timestamp", null },
            new object?[] { "m", "map<string,int>", null }, new object?[] { "s", "struct<x:int,y:string>", null },
        }));
        Assert.That(view.Select(r => r[1]), Is.EqualTo(new[] { "bigint", "decimal(2,1)" }));
        Assert.That(extended.Skip(4).Select(r => r[0]), Is.EqualTo(new[] { "", "# Detailed Table Information", "Catalog", "Database", "Table", "Type" }));
        Assert.That(extended.Last()[1], Is.EqualTo("MANAGED"));
        Assert.That(await ErrorClassAsync(client, "DESCRIBE missing"), Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
    }

    [Test]
    public async Task Describe_query_and_show_columns_list_the_columns()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TABLE t (a INT, b STRING)");

        Assert.That(await RunAsync(client, "DESCRIBE QUERY SELECT a, b || 'x' AS c, a + 1L AS n FROM t"), Is.EqualTo(new[]
        {
            new object?[] { "a", "int", null }, new object?[] { "c", "string", null }, new object?[] { "n", "bigint", null },
        }));
        var (schema, columns) = await ResultAsync(client, "SHOW COLUMNS FROM t IN default");
        Assert.That(schema.Fields.Single().Name, Is.EqualTo("col_name"));
        Assert.That(columns.Select(r => r[0]), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public async Task Explain_answers_one_plan_row()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TABLE t AS SELECT * FROM VALUES (1), (2) AS v(a)");

        var (schema, rows) = await ResultAsync(client, "EXPLAIN SELECT a FROM t WHERE a > 1");
        var (_, extended) = await ResultAsync(client, "EXPLAIN EXTENDED SELECT a FROM t WHERE a > 1");

        Assert.That(schema.Fields.Select(f => (f.Name, f.Nullable)), Is.EqualTo(new[] { ("plan", false) }));
        Assert.That((string)rows.Single()[0]!, Does.StartWith("== Physical Plan ==").And.Contain("SCAN"));
        Assert.That((string)extended.Single()[0]!, Does.StartWith("== Analyzed Logical Plan ==").And.Contain("== Physical Plan =="));
        Assert.That(await ErrorClassAsync(client, "EXPLAIN SELECT * FROM missing"), Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
        Assert.That(await ErrorClassAsync(client, "EXPLAIN DROP TABLE t"), Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
    }

    [Test]
    public async Task Show_functions_lists_the_engines_functions_and_no_user_functions()
    {
        var client = NewClient();

        var (schema, rows) = await ResultAsync(client, "SHOW FUNCTIONS LIKE 'upp*|low*'");

        Assert.That(schema.Fields.Single().Name, Is.EqualTo("function"));
        Assert.That(rows.Select(r => r[0]), Is.EqualTo(new[] { "lower", "upper" }));
        Assert.That(await RunAsync(client, "SHOW USER FUNCTIONS"), Is.Empty);
        Assert.That((await RunAsync(client, "SHOW CATALOGS")).Select(r => r[0]), Is.EqualTo(new[] { "spark_catalog" }));
    }

    [Test]
    public async Task Cache_statements_check_the_table_and_mark_it_for_this_session()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TABLE t (a INT)");

        await RunAsync(client, "CACHE TABLE t");
        await RunAsync(client, "CACHE LAZY TABLE cached_view AS SELECT 42 AS answer");
        await RunAsync(client, "REFRESH TABLE t");
        await RunAsync(client, "UNCACHE TABLE t");

        Assert.That(await RunAsync(client, "SELECT * FROM cached_view"), Is.EqualTo(new[] { new object?[] { 42 } }));
        Assert.That(await ErrorClassAsync(client, "CACHE TABLE missing"), Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
        Assert.That(await RunAsync(client, "UNCACHE TABLE IF EXISTS missing"), Is.Empty);
        Assert.That(await RunAsync(client, "CLEAR CACHE"), Is.Empty);
    }

    [TestCase("ATTACH 'x.db' AS x", "PARSE_SYNTAX_ERROR")]
    [TestCase("PRAGMA database_list", "PARSE_SYNTAX_ERROR")]
    [TestCase("COPY t TO 'x.csv'", "PARSE_SYNTAX_ERROR")]
    [TestCase("INSTALL httpfs", "PARSE_SYNTAX_ERROR")]
    [TestCase("DROP TABLE", "PARSE_SYNTAX_ERROR")]
    [TestCase("SHOW TABLES; DROP TABLE t", "PARSE_SYNTAX_ERROR")]
    [TestCase("ALTER TABLE t ALTER COLUMN a COMMENT 'x'", "UNSUPPORTED_FEATURE.LOCAL_ENGINE")]
    [TestCase("UPDATE t SET a = 1", "UNSUPPORTED_FEATURE.LOCAL_ENGINE")]
    [TestCase("DELETE FROM t", "UNSUPPORTED_FEATURE.LOCAL_ENGINE")]
    [TestCase("CREATE FUNCTION f AS 'x'", "UNSUPPORTED_FEATURE.LOCAL_ENGINE")]
    [TestCase("SHOW CREATE TABLE t", "UNSUPPORTED_FEATURE.LOCAL_ENGINE")]
    public async Task Statements_outside_what_the_engine_runs_fail_with_sparks_classes_not_duckdbs(string statement, string errorClass)
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TABLE t (a INT)");

        Assert.That(await ErrorClassAsync(client, statement), Is.EqualTo(errorClass));
        Assert.That(await RunAsync(client, "SELECT count(*) FROM t"), Is.EqualTo(new[] { new object?[] { 0L } }), "the table is untouched");
    }
}
