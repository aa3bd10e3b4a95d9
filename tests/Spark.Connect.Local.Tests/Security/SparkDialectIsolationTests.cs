using Spark.Connect.Local.Tests.Server;

namespace Spark.Connect.Local.Tests.Security;

/// <summary>
/// By default a client's queries are Spark SQL, parsed by the engine: DuckDB's own table functions, settings and file
/// readers can't be named at all, through the SQL relation or spark.sql, so none of them reaches DuckDB.
/// </summary>
public sealed class SparkDialectIsolationTests : LocalServerTestBase
{
    [TestCase("SELECT * FROM duckdb_databases()", "UNSUPPORTED_FEATURE.LOCAL_ENGINE")]
    [TestCase("SELECT * FROM query('SELECT 1')", "UNSUPPORTED_FEATURE.LOCAL_ENGINE")]
    [TestCase("SELECT * FROM read_text('/etc/hostname')", "UNSUPPORTED_FEATURE.LOCAL_ENGINE")]
    [TestCase("SELECT * FROM '/etc/hostname'", "PARSE_SYNTAX_ERROR")]
    [TestCase("SELECT current_setting('TimeZone')", "UNRESOLVED_ROUTINE")]
    [TestCase("SELECT $$x$$", "PARSE_SYNTAX_ERROR")]
    public async Task DuckDb_only_sql_is_refused_in_the_default_dialect(string sql, string errorClass)
    {
        var client = NewClient();
        var relation = await Assert.ThrowsAsync<SparkException>(() => RowsAsync(client, Sql(sql)));
        Assert.That(relation!.ErrorClass, Is.EqualTo(errorClass));
        var command = await Assert.ThrowsAsync<SparkException>(async () => await CollectAsync(client.ExecutePlanAsync(SqlCommandTests.SqlCommand(sql))));
        Assert.That(command!.ErrorClass, Is.EqualTo(errorClass));
    }

    [Test]
    public async Task The_duckdb_dialect_is_an_explicit_option()
    {
        Assert.That(new LocalSparkServerOptions().SqlDialect, Is.EqualTo(SqlDialect.Spark));
        var duck = await DuckDbDialectClientAsync();
        Assert.That((await RowsAsync(duck, Sql("SELECT count(*) AS n FROM duckdb_databases() WHERE database_name = 'memory'"))).Single()[0], Is.EqualTo(1L));
    }
}
