namespace Spark.Connect.Local.Tests.Server;

/// <summary><c>spark.sql("CREATE [OR REPLACE] [GLOBAL] TEMP VIEW …")</c> in Spark SQL: a session (or global) view, as createOrReplaceTempView makes.</summary>
public sealed class SqlTempViewStatementTests : LocalServerTestBase
{
    private static async Task RunAsync(SparkConnectClient client, string sql) => await CollectAsync(client.ExecutePlanAsync(SqlCommandTests.SqlCommand(sql)));

    [Test]
    public async Task A_view_of_spark_sql_is_read_by_later_queries_of_the_session_only()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE OR REPLACE TEMPORARY VIEW hav AS SELECT * FROM VALUES (\"one\", 1), (\"two\", 2), (\"one\", 5) AS hav(k, v)");
        var rows = await RowsAsync(client, Sql("SELECT k, sum(v) FROM hav GROUP BY k ORDER BY k"));
        Assert.That(rows, Is.EqualTo(new[] { new object?[] { "one", 6L }, new object?[] { "two", 2L } }));

        var other = NewClient();
        var error = await Assert.ThrowsAsync<SparkException>(() => RowsAsync(other, Sql("SELECT * FROM hav")));
        Assert.That(error!.ErrorClass, Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
    }

    [Test]
    public async Task Column_names_replace_and_global_views_follow_spark()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TEMP VIEW v (a COMMENT 'first', b) AS SELECT 1, 'x'");
        Assert.That(await RowsAsync(client, Sql("SELECT b, a FROM v")), Is.EqualTo(new[] { new object?[] { "x", 1 } }));

        var again = await Assert.ThrowsAsync<SparkException>(() => RunAsync(client, "CREATE TEMP VIEW v AS SELECT 2 AS a"));
        Assert.That(again!.ErrorClass, Is.EqualTo("TEMP_TABLE_OR_VIEW_ALREADY_EXISTS"));
        await RunAsync(client, "CREATE OR REPLACE TEMP VIEW v AS SELECT 2 AS a");
        Assert.That(await RowsAsync(client, Sql("SELECT a FROM v")), Is.EqualTo(new[] { new object?[] { 2 } }));

        await RunAsync(client, "CREATE GLOBAL TEMPORARY VIEW g AS SELECT 'shared' AS s");
        Assert.That(await RowsAsync(NewClient(), Sql("SELECT s FROM global_temp.g")), Is.EqualTo(new[] { new object?[] { "shared" } }));
    }

    [Test]
    public async Task A_view_over_a_missing_table_fails_when_created()
    {
        var error = await Assert.ThrowsAsync<SparkException>(() => RunAsync(NewClient(), "CREATE TEMP VIEW broken AS SELECT * FROM nowhere"));
        Assert.That(error!.ErrorClass, Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
    }
}
