namespace Spark.Connect.Local.Tests.Server;

/// <summary>CREATE TABLE (column list, AS query, OR REPLACE, REPLACE, IF NOT EXISTS), DROP TABLE/VIEW and TRUNCATE in Spark SQL.</summary>
public sealed class SqlStatementTableTests : SqlStatementTestBase
{
    [Test]
    public async Task Create_table_with_columns_makes_an_empty_table_of_those_spark_types()
    {
        var client = NewClient();
        Assert.That(await RunAsync(client, "CREATE TABLE people (name STRING, age INT, score DECIMAL(5,2), tags ARRAY<STRING>) USING parquet"), Is.Empty);

        Assert.That(await RunAsync(client, "SELECT count(*) FROM people"), Is.EqualTo(new[] { new object?[] { 0L } }));
        var (_, columns) = await ResultAsync(client, "DESCRIBE TABLE people");
        Assert.That(columns.Select(c => (c[0], c[1])), Is.EqualTo(new[] { ((object?)"name", (object?)"string"), ("age", "int"), ("score", "decimal(5,2)"), ("tags", "array<string>") }));
    }

    [Test]
    public async Task Creating_an_existing_table_fails_unless_if_not_exists_is_given()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TABLE t (a INT)");
        await RunAsync(client, "INSERT INTO t VALUES (1)");

        Assert.That(await ErrorClassAsync(client, "CREATE TABLE t (b STRING)"), Is.EqualTo("TABLE_OR_VIEW_ALREADY_EXISTS"));
        await RunAsync(client, "CREATE TABLE IF NOT EXISTS T (b STRING)");
        Assert.That(await RunAsync(client, "SELECT * FROM t"), Is.EqualTo(new[] { new object?[] { 1 } }), "IF NOT EXISTS leaves the table alone");
    }

    [Test]
    public async Task Create_table_as_select_stores_the_query_rows_and_reads_temporary_views()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TEMPORARY VIEW src AS SELECT * FROM VALUES (1, 'a'), (2, 'b') AS v(id, name)");
        await RunAsync(client, "CREATE TABLE copy USING parquet AS SELECT id * 10 AS id, upper(name) AS name FROM src WHERE id > 1");

        Assert.That(await RunAsync(client, "SELECT * FROM copy"), Is.EqualTo(new[] { new object?[] { 20, "B" } }));
        Assert.That(await ErrorClassAsync(client, "CREATE TABLE copy AS SELECT 1 AS x"), Is.EqualTo("TABLE_OR_VIEW_ALREADY_EXISTS"));
    }

    [Test]
    public async Task Create_or_replace_replaces_the_table_and_replace_needs_an_existing_one()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE OR REPLACE TABLE t AS SELECT 1 AS a");
        await RunAsync(client, "CREATE OR REPLACE TABLE t AS SELECT 'x' AS b, 2 AS c");
        Assert.That(await RunAsync(client, "SELECT * FROM t"), Is.EqualTo(new[] { new object?[] { "x", 2 } }));

        await RunAsync(client, "REPLACE TABLE t (z BIGINT)");
        Assert.That(await RunAsync(client, "SELECT count(*) FROM t"), Is.EqualTo(new[] { new object?[] { 0L } }));
        Assert.That(await ErrorClassAsync(client, "REPLACE TABLE missing AS SELECT 1 AS a"), Is.EqualTo("CANNOT_REPLACE_MISSING_TABLE"));
    }

    [Test]
    public async Task Partition_columns_move_last_as_spark_lays_out_a_data_source_table()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TABLE p (region STRING, amount INT, day DATE) USING parquet PARTITIONED BY (region)");
        await RunAsync(client, "CREATE TABLE q USING parquet PARTITIONED BY (k) AS SELECT 'x' AS k, 5 AS v");

        var (_, p) = await ResultAsync(client, "SHOW COLUMNS IN p");
        Assert.That(p.Select(r => r[0]), Is.EqualTo(new[] { "amount", "day", "region" }));
        Assert.That(await RunAsync(client, "SELECT * FROM q"), Is.EqualTo(new[] { new object?[] { 5, "x" } }));
        Assert.That(await ErrorClassAsync(client, "CREATE TABLE r (a INT) PARTITIONED BY (b)"), Is.EqualTo("COLUMN_NOT_DEFINED_IN_TABLE"));
        Assert.That(await ErrorClassAsync(client, "CREATE TABLE r (a INT) PARTITIONED BY (a)"), Is.EqualTo("ALL_PARTITION_COLUMNS_NOT_ALLOWED"));
    }

    [Test]
    public async Task Table_clauses_the_engine_cannot_honour_are_refused_by_name()
    {
        var client = NewClient();

        Assert.That(await ErrorClassAsync(client, "CREATE TABLE t (a INT) USING orc LOCATION '/tmp/x'"), Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
        Assert.That(await ErrorClassAsync(client, "CREATE TABLE t (a INT) USING com.example.nosuch"), Is.EqualTo("DATA_SOURCE_NOT_FOUND"));
        Assert.That(await ErrorClassAsync(client, "CREATE TABLE t (a NOSUCHTYPE)"), Is.EqualTo("UNSUPPORTED_DATATYPE"));
        Assert.That(await ErrorClassAsync(client, "CREATE TABLE t (a INT, A STRING)"), Is.EqualTo("COLUMN_ALREADY_EXISTS"));
        Assert.That(await ErrorClassAsync(client, "CREATE MATERIALIZED VIEW v AS SELECT 1"), Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
        Assert.That(await ErrorClassAsync(client, "CREATE TABLE t"), Is.EqualTo("PARSE_SYNTAX_ERROR"));
        Assert.That(await RunAsync(client, "SHOW TABLES"), Is.Empty, "nothing was created");
    }

    [Test]
    public async Task Options_comments_and_properties_of_a_managed_table_are_accepted()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TABLE t (a INT NOT NULL COMMENT 'id', b STRING) USING csv OPTIONS (header 'true', sep = ';') COMMENT 'c' TBLPROPERTIES ('k' = 'v')");
        await RunAsync(client, "INSERT INTO t VALUES (1, 'x')");

        Assert.That(await RunAsync(client, "SELECT * FROM t"), Is.EqualTo(new[] { new object?[] { 1, "x" } }));
    }

    [Test]
    public async Task Drop_table_removes_it_and_if_exists_tolerates_a_missing_one()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TABLE t (a INT)");
        await RunAsync(client, "DROP TABLE t");

        Assert.That(await ErrorClassAsync(client, "SELECT * FROM t"), Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
        Assert.That(await RunAsync(client, "DROP TABLE IF EXISTS t"), Is.Empty);
        Assert.That(await ErrorClassAsync(client, "DROP TABLE t"), Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
        Assert.That(await ErrorClassAsync(client, "DROP VIEW t"), Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
    }

    [Test]
    public async Task Drop_view_of_a_table_and_drop_table_of_a_view_name_the_right_command()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TABLE t (a INT)");
        Server.RegisterFile("files", WriteCsv());

        var wrongView = await FailureAsync(client, "DROP VIEW t");
        var wrongTable = await FailureAsync(client, "DROP TABLE files");

        Assert.That(wrongView.ErrorClass, Is.EqualTo("WRONG_COMMAND_FOR_OBJECT_TYPE"));
        Assert.That(wrongView.Message, Does.Contain("DROP TABLE"));
        Assert.That(wrongTable.ErrorClass, Is.EqualTo("WRONG_COMMAND_FOR_OBJECT_TYPE"));
        await RunAsync(client, "DROP VIEW files");
        Assert.That(await ErrorClassAsync(client, "SELECT * FROM files"), Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
    }

    [Test]
    public async Task Drop_of_a_one_part_name_drops_the_temporary_view_first()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TABLE t AS SELECT 'table' AS source");
        await RunAsync(client, "CREATE TEMP VIEW t AS SELECT 'view' AS source");

        await RunAsync(client, "DROP TABLE t");
        Assert.That(await RunAsync(client, "SELECT * FROM t"), Is.EqualTo(new[] { new object?[] { "table" } }), "the view went, the table stays");
        await RunAsync(client, "CREATE GLOBAL TEMP VIEW g AS SELECT 1 AS x");
        await RunAsync(client, "DROP VIEW global_temp.g");
        Assert.That(await ErrorClassAsync(client, "SELECT * FROM global_temp.g"), Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
    }

    [Test]
    public async Task Truncate_empties_a_table_and_refuses_views_and_missing_tables()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TABLE t AS SELECT * FROM VALUES (1), (2) AS v(a)");
        await RunAsync(client, "CREATE TEMP VIEW v AS SELECT 1 AS a");

        await RunAsync(client, "TRUNCATE TABLE t");
        Assert.That(await RunAsync(client, "SELECT count(*) FROM t"), Is.EqualTo(new[] { new object?[] { 0L } }));
        Assert.That(await ErrorClassAsync(client, "TRUNCATE TABLE v"), Is.EqualTo("EXPECT_TABLE_NOT_VIEW.NO_ALTERNATIVE"));
        Assert.That(await ErrorClassAsync(client, "TRUNCATE TABLE missing"), Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
    }

    [Test]
    public async Task Names_with_quotes_and_sql_in_them_stay_names()
    {
        var client = NewClient();
        const string Hostile = "`t\"; DROP TABLE keep; --`";
        await RunAsync(client, "CREATE TABLE keep (a INT)");
        await RunAsync(client, $"CREATE TABLE {Hostile} (`c\"ol'` STRING)");
        await RunAsync(client, $"INSERT INTO {Hostile} VALUES ('v')");

        Assert.That(await RunAsync(client, $"SELECT `c\"ol'` FROM {Hostile}"), Is.EqualTo(new[] { new object?[] { "v" } }));
        Assert.That(await RunAsync(client, "SELECT count(*) FROM keep"), Is.EqualTo(new[] { new object?[] { 0L } }), "keep is still there");
        await RunAsync(client, $"DROP TABLE {Hostile}");
        Assert.That((await RunAsync(client, "SHOW TABLES")).Select(r => r[1]), Is.EqualTo(new[] { "keep" }));
    }

    private static string WriteCsv()
    {
        var path = Path.Combine(Path.GetTempPath(), $"stmt-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "a\n1\n");
        return path;
    }
}
