using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Statements;
using Spark.Connect.Local.Tests.DuckDb;

namespace Spark.Connect.Local.Tests.Security;

/// <summary>
/// The allow-list of statements a client's SQL may run, checked on a real DuckDB connection: refused kinds raise
/// INSUFFICIENT_PERMISSIONS and leave no trace, allowed kinds pass with the kind their keywords and DuckDB agree on.
/// </summary>
public sealed class SqlStatementGuardTests : DuckDbTestBase
{
    [SetUp]
    public void CreateTable() => Connection.ExecuteNonQuery("CREATE TABLE t (a INTEGER); CREATE VIEW v AS SELECT 1 AS x");

    [TestCase("SELECT 1", "Query")]
    [TestCase("  (SELECT a FROM t) UNION ALL (SELECT 2)", "Query")]
    [TestCase("FROM t", "Query")]
    [TestCase("WITH x AS (SELECT 1 AS a) SELECT * FROM x", "Query")]
    [TestCase("VALUES (1), (2)", "Query")]
    [TestCase("TABLE t", "Query")]
    [TestCase("/* leading */ -- comment\nSELECT 1", "Query")]
    [TestCase("EXPLAIN SELECT * FROM t", "Explain")]
    [TestCase("DESCRIBE t", "Describe")]
    [TestCase("SHOW TABLES", "Show")]
    [TestCase("CREATE TABLE u (b VARCHAR)", "Create")]
    [TestCase("CREATE OR REPLACE TEMP TABLE u AS SELECT 1 AS b", "Create")]
    [TestCase("CREATE TEMPORARY VIEW w AS SELECT * FROM t", "Create")]
    [TestCase("CREATE TABLE IF NOT EXISTS t (a INTEGER)", "Create")]
    [TestCase("INSERT INTO t VALUES (1)", "Insert")]
    [TestCase("UPDATE t SET a = 2", "Update")]
    [TestCase("DELETE FROM t WHERE a = 1", "Delete")]
    [TestCase("TRUNCATE t", "Truncate")]
    [TestCase("MERGE INTO t USING (SELECT 1 AS a) s ON t.a = s.a WHEN MATCHED THEN DELETE", "Merge")]
    [TestCase("ALTER TABLE t ADD COLUMN b INTEGER", "Alter")]
    [TestCase("ALTER VIEW v RENAME TO w", "Alter")]
    [TestCase("COMMENT ON TABLE t IS 'x'", "Comment")]
    [TestCase("DROP TABLE t", "Drop")]
    [TestCase("DROP VIEW IF EXISTS nothing_here", "Drop")]
    [TestCase("INSERT INTO t SELECT length('checkpoint(')", "Insert")]
    public void Allowed_statements_pass_with_their_kind(string sql, string kind) =>
        Assert.That(SqlStatementGuard.Check(Connection, sql).ToString(), Is.EqualTo(kind));

    [TestCase("ATTACH ':memory:' AS other")]
    [TestCase("DETACH memory")]
    [TestCase("COPY t TO 'out.csv'")]
    [TestCase("COPY t FROM 'in.csv'")]
    [TestCase("EXPORT DATABASE 'exported'")]
    [TestCase("IMPORT DATABASE 'exported'")]
    [TestCase("PRAGMA version")]
    [TestCase("PRAGMA threads = 1")]
    [TestCase("INSTALL httpfs")]
    [TestCase("LOAD httpfs")]
    [TestCase("CALL pragma_version()")]
    [TestCase("CHECKPOINT")]
    [TestCase("FORCE CHECKPOINT")]
    [TestCase("VACUUM")]
    [TestCase("ANALYZE")]
    [TestCase("BEGIN TRANSACTION")]
    [TestCase("COMMIT")]
    [TestCase("ROLLBACK")]
    [TestCase("PREPARE p AS SELECT 1")]
    [TestCase("EXECUTE p")]
    [TestCase("CREATE MACRO lower(x) AS 'hacked'")]
    [TestCase("CREATE OR REPLACE TEMP MACRO lower(x) AS 'hacked'")]
    [TestCase("CREATE FUNCTION f(x) AS x")]
    [TestCase("CREATE /* /* nested */ TABLE */ MACRO m(x) AS x")]
    [TestCase("CREATE SECRET (TYPE s3)")]
    [TestCase("CREATE PERSISTENT SECRET s (TYPE s3)")]
    [TestCase("CREATE SCHEMA s")]
    [TestCase("CREATE TYPE mood AS ENUM ('a')")]
    [TestCase("CREATE SEQUENCE seq")]
    [TestCase("CREATE INDEX i ON t (a)")]
    [TestCase("DROP MACRO lower")]
    [TestCase("DROP SCHEMA main")]
    [TestCase("ALTER SEQUENCE seq RESTART")]
    [TestCase("UPDATE EXTENSIONS")]
    [TestCase("EXPLAIN ANALYZE INSERT INTO t VALUES (1)")]
    [TestCase("SUMMARIZE t")]
    [TestCase("PIVOT t ON a")]
    [TestCase("SET threads = 1")]
    [TestCase("RESET threads")]
    [TestCase("USE memory")]
    [TestCase("SELECT * FROM enable_logging()")]
    [TestCase("SELECT * FROM \"enable_peg_parser\" /* comment */ ()")]
    [TestCase("SELECT * FROM system.main.checkpoint()")]
    [TestCase("SELECT * FROM query('SELECT * FROM enable_logging()')")]
    [TestCase("SELECT * FROM json_execute_serialized_sql('x')")]
    [TestCase("CREATE VIEW sneaky AS SELECT * FROM truncate_duckdb_logs()")]
    public void Refused_statements_raise_insufficient_permissions(string sql)
    {
        var error = Assert.Throws<LocalEngineException>(() => SqlStatementGuard.Check(Connection, sql));

        Assert.That(error!.ErrorClass, Is.EqualTo("INSUFFICIENT_PERMISSIONS"));
        Assert.That(error.SqlState, Is.EqualTo("42501"));
        Assert.That(error.MessageParameters, Contains.Key("report"));
    }

    [Test]
    public void A_refused_statement_never_runs()
    {
        Assert.Throws<LocalEngineException>(() => SqlStatementGuard.Check(Connection, "CREATE /* /* */ TABLE */ MACRO m1(x) AS x + 1"));
        Assert.Throws<LocalEngineException>(() => SqlStatementGuard.Check(Connection, "ATTACH ':memory:' AS other"));

        Assert.That(Scalar("SELECT count(*) FROM duckdb_functions() WHERE function_name = 'm1'"), Is.EqualTo("0"));
        Assert.That(Scalar("SELECT count(*) FROM duckdb_databases() WHERE database_name = 'other'"), Is.EqualTo("0"));
    }

    [TestCase("SELECT 1; SELECT 2")]
    [TestCase("SELECT 1; ATTACH ':memory:' AS other")]
    [TestCase("INSERT INTO t VALUES (1); DROP TABLE t")]
    [TestCase("-- nothing but a comment")]
    [TestCase("SELECT 'unterminated")]
    [TestCase("SELECT 1 /* unterminated")]
    public void Anything_but_one_statement_is_a_parse_error(string sql)
    {
        var error = Assert.Throws<LocalEngineException>(() => SqlStatementGuard.Check(Connection, sql));

        Assert.That(error!.ErrorClass, Is.EqualTo("PARSE_SYNTAX_ERROR"));
        Assert.That(Scalar("SELECT count(*) FROM duckdb_databases() WHERE database_name = 'other'"), Is.EqualTo("0"));
        Assert.That(Scalar("SELECT count(*) FROM t"), Is.EqualTo("0"));
    }

    [Test]
    public void A_statement_duckdb_cannot_bind_fails_with_duckdbs_error_not_a_refusal()
    {
        var error = Assert.Throws<DuckDbException>(() => SqlStatementGuard.Check(Connection, "DROP TABLE missing_table"));

        Assert.That(error!.Message, Does.Contain("missing_table"));
    }

    [TestCase("CREATE TABLE query (a INTEGER)")]
    [TestCase("INSERT INTO \"checkpoint\" (a) SELECT 1")]
    public void A_table_named_like_a_denied_function_is_not_a_call(string sql)
    {
        Connection.ExecuteNonQuery("CREATE TABLE \"checkpoint\" (a INTEGER)");

        Assert.That(() => SqlStatementGuard.Check(Connection, sql), Throws.Nothing);
    }

    private string Scalar(string sql)
    {
        using var result = Connection.Query($"SELECT CAST(({sql}) AS VARCHAR)");
        return ReadAll(result, (chunk, row) => chunk.GetVector(0).GetString(row)).Single();
    }
}
