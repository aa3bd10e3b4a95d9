using Spark.Connect.Local.Tests.Server;
using Spark.Linq.Testing;

namespace Spark.Connect.Local.Tests.Security;

/// <summary>
/// Attacks one client could make on the others through spark.sql and the SQL relation, each run over gRPC against
/// a loopback server with two sessions: session A attempts it, and session B's answers stay what they were. Refused
/// statements get INSUFFICIENT_PERMISSIONS (42501); SET is the session's own Spark configuration; catalog tables
/// stay shared, as in Spark.
/// </summary>
public sealed class SessionIsolationTests : LocalServerTestBase
{
    private SparkConnectClient _a = null!;
    private SparkConnectClient _b = null!;

    // The attacks are DuckDB SQL: they need the opt-in DuckDB dialect to reach DuckDB at all (under Spark SQL, the
    // default, DuckDB's table functions are not even parsed: SparkDialectIsolationTests).
    protected override LocalSparkServerOptions CreateOptions() => new() { MaxRowsPerBatch = 1000, SqlDialect = SqlDialect.DuckDb };

    [SetUp]
    public void TwoSessions()
    {
        _a = NewClient();
        _b = NewClient();
    }

    [Test]
    public async Task Attaching_a_database_is_refused_and_no_session_sees_one()
    {
        var file = Path.Combine(Path.GetTempPath(), $"attach-attack-{Guid.NewGuid():N}.duckdb");
        var before = await Scalar(_b, "SELECT count(*) FROM duckdb_databases()");

        await Refused(_a, "ATTACH ':memory:' AS other");
        await Refused(_a, $"ATTACH '{file}' AS other");
        await Refused(_a, $"/* comment */ ATTACH DATABASE IF NOT EXISTS '{file}' AS other");

        Assert.That(await Scalar(_b, "SELECT count(*) FROM duckdb_databases()"), Is.EqualTo(before));
        Assert.That(await Scalar(_a, "SELECT count(*) FROM duckdb_databases() WHERE database_name = 'other'"), Is.EqualTo(0L));
        Assert.That(File.Exists(file), Is.False);
    }

    [Test]
    public async Task Detaching_is_refused() => await Refused(_a, "DETACH memory");

    [Test]
    public async Task Copy_to_a_file_is_refused_and_writes_nothing()
    {
        var target = Path.Combine(Path.GetTempPath(), $"copy-attack-{Guid.NewGuid():N}.csv");

        await Refused(_a, $"COPY (SELECT 42 AS answer) TO '{target}'");
        await Refused(_a, $"EXPORT DATABASE '{target}'");

        Assert.That(File.Exists(target) || Directory.Exists(target), Is.False);
    }

    [TestCase("CREATE MACRO lower(x) AS 'hacked'")]
    [TestCase("CREATE OR REPLACE TEMP MACRO lower(x) AS 'hacked'")]
    [TestCase("CREATE FUNCTION lower(x) AS 'hacked'")]
    [TestCase("CREATE /* /* a nested comment */ TABLE */ MACRO lower(x) AS 'hacked'")]
    public async Task A_built_in_function_cannot_be_redefined_for_any_session(string sql)
    {
        await Refused(_a, sql);

        Assert.That(await Scalar(_b, "SELECT lower('ABC')"), Is.EqualTo("abc"));
        Assert.That(await Scalar(_a, "SELECT lower('ABC')"), Is.EqualTo("abc"));
        // What ToLower() becomes in a DataFrame plan: the function catalog's lower, in another session.
        Assert.That(await RowsAsync(_b, LowerOf("ABC")), Is.EqualTo(new[] { new object?[] { "abc" } }));
    }

    [Test]
    public async Task Global_settings_stay_the_hosts_whatever_a_session_sets()
    {
        var threads = await Scalar(_b, "SELECT current_setting('threads')");
        var memory = await Scalar(_b, "SELECT current_setting('memory_limit')");

        var syntax = await Assert.ThrowsAsync<SparkException>(() => Command(_a, "SET GLOBAL threads = 1"));
        Assert.That(syntax!.ErrorClass, Is.EqualTo("INVALID_SET_SYNTAX"));
        await Command(_a, "SET threads = 1");
        await Command(_a, "SET memory_limit = '1MB'");
        await Refused(_a, "PRAGMA threads = 1");
        await Refused(_a, "SELECT * FROM enable_peg_parser()");

        Assert.That(await Scalar(_b, "SELECT current_setting('threads')"), Is.EqualTo(threads));
        Assert.That(await Scalar(_a, "SELECT current_setting('threads')"), Is.EqualTo(threads));
        Assert.That(await Scalar(_b, "SELECT current_setting('memory_limit')"), Is.EqualTo(memory));
        Assert.That(await Scalar(_b, "SELECT current_setting('allow_parser_override_extension')"), Is.EqualTo("DEFAULT"));
    }

    [Test]
    public async Task A_set_of_any_key_is_a_spark_conf_of_that_session_only()
    {
        var set = await Command(_a, "SET threads = 1");

        Assert.That(KeyValues(set), Is.EqualTo(new[] { ("threads", "1") }));
        Assert.That(KeyValues(await Command(_a, "SET threads")), Is.EqualTo(new[] { ("threads", "1") }));
        Assert.That(KeyValues(await Command(_b, "SET threads")), Is.EqualTo(new[] { ("threads", "<undefined>") }));
        var config = await _a.ConfigAsync(new ConfigRequest.Types.Operation { Get = new ConfigRequest.Types.Get { Keys = { "threads" } } });
        Assert.That(config.Pairs.Single().Value, Is.EqualTo("1"));
        var missing = await Assert.ThrowsAsync<SparkException>(() => _b.ConfigAsync(new ConfigRequest.Types.Operation { Get = new ConfigRequest.Types.Get { Keys = { "threads" } } }));
        Assert.That(missing!.ErrorClass, Is.EqualTo("SQL_CONF_NOT_FOUND"));
    }

    [Test]
    public async Task Turning_external_access_off_in_one_session_leaves_files_readable_for_the_others()
    {
        var file = Path.Combine(Path.GetTempPath(), $"readable-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, "still here");
        try
        {
            await Command(_a, "SET enable_external_access = false");
            await Refused(_a, "PRAGMA enable_external_access = false");

            Assert.That(await Scalar(_b, $"SELECT content FROM read_text('{file}')"), Is.EqualTo("still here"));
            Assert.That(await Scalar(_a, $"SELECT content FROM read_text('{file}')"), Is.EqualTo("still here"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task Reset_and_set_time_zone_act_on_the_sessions_spark_configuration()
    {
        await Command(_a, "SET TIME ZONE 'Europe/Paris'");
        await Command(_a, "SET `my key` = `a;b`");
        Assert.That(KeyValues(await Command(_a, "SET spark.sql.session.timeZone")), Is.EqualTo(new[] { ("spark.sql.session.timeZone", "Europe/Paris") }));
        Assert.That(KeyValues(await Command(_a, "SET `my key`")), Is.EqualTo(new[] { ("my key", "a;b") }));

        await Command(_a, "RESET");

        Assert.That(KeyValues(await Command(_a, "SET spark.sql.session.timeZone")), Is.EqualTo(new[] { ("spark.sql.session.timeZone", "UTC") }));
        Assert.That(KeyValues(await Command(_a, "SET `my key`")), Is.EqualTo(new[] { ("my key", "<undefined>") }));
        var listed = KeyValues(await Command(_b, "SET"));
        Assert.That(listed, Does.Contain(("spark.sql.session.timeZone", "UTC")));
    }

    [Test]
    public async Task Replacing_a_catalog_table_is_seen_by_every_session_as_in_spark_but_temp_tables_stay_private()
    {
        Server.CreateTable("orders", new[] { new Order(1, "first") });

        await Command(_a, "CREATE TEMP TABLE orders AS SELECT 99 AS id, 'a only' AS note");
        Assert.That(await Scalar(_b, "SELECT note FROM orders"), Is.EqualTo("first"));
        Assert.That(await Scalar(_a, "SELECT note FROM orders"), Is.EqualTo("a only"));

        await Command(_a, "CREATE OR REPLACE TABLE main.orders AS SELECT 2 AS id, 'replaced' AS note");
        Assert.That(await Scalar(_b, "SELECT note FROM orders"), Is.EqualTo("replaced"));
    }

    [TestCase("SELECT 1; ATTACH ':memory:' AS other")]
    [TestCase("CREATE TABLE t (a INTEGER); CREATE MACRO lower(x) AS 'hacked'")]
    public async Task More_than_one_statement_is_a_parse_error_and_runs_nothing(string sql)
    {
        var error = await Assert.ThrowsAsync<SparkException>(() => Command(_a, sql));

        Assert.That(error!.ErrorClass, Is.EqualTo("PARSE_SYNTAX_ERROR"));
        Assert.That(await Scalar(_b, "SELECT count(*) FROM duckdb_databases() WHERE database_name = 'other'"), Is.EqualTo(0L));
        Assert.That(await Scalar(_b, "SELECT count(*) FROM duckdb_tables() WHERE table_name = 't'"), Is.EqualTo(0L));
        Assert.That(await Scalar(_b, "SELECT lower('ABC')"), Is.EqualTo("abc"));
    }

    [TestCase("BEGIN TRANSACTION")]
    [TestCase("INSTALL httpfs")]
    [TestCase("LOAD httpfs")]
    [TestCase("CALL pragma_version()")]
    [TestCase("CHECKPOINT")]
    [TestCase("VACUUM")]
    [TestCase("CREATE SECRET (TYPE s3)")]
    [TestCase("CREATE SCHEMA other")]
    [TestCase("IMPORT DATABASE 'somewhere'")]
    [TestCase("SELECT * FROM query('SELECT 1')")]
    public async Task Statements_outside_the_allow_list_are_refused(string sql) => await Refused(_a, sql);

    [Test]
    public async Task The_sql_relation_path_is_held_to_the_same_allow_list()
    {
        foreach (var sql in new[] { "ATTACH ':memory:' AS other", "CREATE MACRO lower(x) AS 'hacked'", "SET threads = 1", "PRAGMA version" })
        {
            var error = await Assert.ThrowsAsync<SparkException>(() => RowsAsync(_a, Sql(sql)), sql);
            Assert.That(error!.ErrorClass, Is.EqualTo("INSUFFICIENT_PERMISSIONS"), sql);
        }
        Assert.That(await Scalar(_b, "SELECT count(*) FROM duckdb_databases() WHERE database_name = 'other'"), Is.EqualTo(0L));
    }

    [Test]
    public async Task Use_accepts_the_one_database_and_refuses_others_without_reaching_duckdb()
    {
        Assert.That(Rows(await Command(_a, "USE default")), Is.Empty);
        Assert.That(Rows(await Command(_a, "USE spark_catalog.default")), Is.Empty);

        var error = await Assert.ThrowsAsync<SparkException>(() => Command(_a, "USE temp"));

        Assert.That(error!.ErrorClass, Is.EqualTo("SCHEMA_NOT_FOUND"));
        await Command(_a, "CREATE TABLE shared_after_use (a INTEGER)");
        Assert.That(await Scalar(_b, "SELECT count(*) FROM shared_after_use"), Is.EqualTo(0L));
    }

    [Test]
    public async Task Allowed_statements_still_work()
    {
        await Command(_a, "CREATE TABLE items (id INTEGER, name VARCHAR)");
        await Command(_a, "INSERT INTO items VALUES (1, 'one'), (2, 'two'), (3, 'three')");
        await Command(_a, "UPDATE items SET name = 'uno' WHERE id = 1");
        await Command(_a, "DELETE FROM items WHERE id = 3");
        await Command(_a, "ALTER TABLE items ADD COLUMN price DOUBLE");
        await Command(_a, "COMMENT ON TABLE items IS 'for the test'");
        await Command(_a, "CREATE VIEW item_names AS SELECT name FROM items");
        await Command(_a, "CREATE TEMP VIEW mine AS SELECT id FROM items");

        Assert.That(await RowsAsync(_b, Sql("SELECT name FROM item_names ORDER BY name")), Is.EqualTo(new[] { new object?[] { "two" }, new object?[] { "uno" } }));
        Assert.That(Rows(await Command(_a, "DESCRIBE items")).Select(r => r[0]), Is.EqualTo(new[] { "id", "name", "price" }));
        Assert.That(Rows(await Command(_a, "SHOW TABLES")).Select(r => r[0]), Does.Contain("items"));
        Assert.That(Rows(await Command(_a, "EXPLAIN SELECT * FROM items")), Is.Not.Empty);

        await Command(_a, "TRUNCATE items");
        Assert.That(await Scalar(_b, "SELECT count(*) FROM items"), Is.EqualTo(0L));
        await Command(_a, "DROP VIEW item_names");
        await Command(_a, "DROP TABLE items");
        Assert.That(await Scalar(_b, "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'items'"), Is.EqualTo(0L));
    }

    private static async Task Refused(SparkConnectClient client, string sql)
    {
        var error = await Assert.ThrowsAsync<SparkException>(() => Command(client, sql), sql);
        Assert.That(error!.ErrorClass, Is.EqualTo("INSUFFICIENT_PERMISSIONS"), sql);
        Assert.That(error.SqlState, Is.EqualTo("42501"), sql);
    }

    /// <summary>spark.sql(text) to its end: a command's rows come back in the result's local relation.</summary>
    private static async Task<List<ExecutePlanResponse>> Command(SparkConnectClient client, string sql) =>
        await CollectAsync(client.ExecutePlanAsync(SqlCommandTests.SqlCommand(sql)));

    private static List<object?[]> Rows(List<ExecutePlanResponse> command)
    {
        var local = command[0].SqlCommandResult.Relation.LocalRelation;
        var rows = new List<object?[]>();
        foreach (var batch in new Arrow.ArrowStreamReader(local.Data.Memory).ReadAllBatches())
            for (var row = 0; row < batch.Length; row++)
                rows.Add(batch.Columns.Select(c => Value(c, row)).ToArray());
        return rows;
    }

    private static List<(string, string)> KeyValues(List<ExecutePlanResponse> command) =>
        Rows(command).Select(r => ((string)r[0]!, (string)r[1]!)).ToList();

    private static async Task<object?> Scalar(SparkConnectClient client, string sql) => (await RowsAsync(client, Sql(sql))).Single()[0];

    /// <summary>lower(literal) as a DataFrame projection, the way a LINQ ToLower() reaches the server.</summary>
    private static Plan LowerOf(string text)
    {
        var call = new Expression.Types.UnresolvedFunction { FunctionName = "lower" };
        call.Arguments.Add(new Expression { Literal = new Expression.Types.Literal { String = text } });
        var project = new Project { Input = new Relation { Range = new Spark.Connect.Protocol.Range { End = 1, Step = 1 } } };
        project.Expressions.Add(new Expression { UnresolvedFunction = call });
        return new Plan { Root = new Relation { Project = project } };
    }

    private sealed record Order(int Id, string Note);
}
