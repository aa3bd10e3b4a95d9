using Spark.Connect.Local.Tests.Server;
using Spark.Linq.Testing;

namespace Spark.Connect.Local.Tests.Security;

/// <summary>
/// A server with a token reaches no file on a client's behalf unless the host names data directories: SQL file
/// functions (DuckDB's own check), spark.read and df.write (the planner's check, with a clear error) are all refused,
/// while tables keep working.
/// </summary>
public sealed class TokenFileAccessTests : WriteTestBase
{
    // DuckDB's file functions in SQL are tested through the opt-in DuckDB dialect; Spark SQL has no way to name them.
    protected override LocalSparkServerOptions CreateOptions() => new() { Token = "file-access-token", SqlDialect = SqlDialect.DuckDb };

    [Test]
    public async Task Sql_cannot_read_or_list_server_files()
    {
        var file = Path.Combine(Scratch, "secret.csv");
        await File.WriteAllTextAsync(file, "a\nsecret\n");
        var client = NewClient();

        foreach (var sql in new[] { $"SELECT content FROM read_text({Literal(file)})", $"SELECT file FROM glob({Literal(Scratch + "/*")})", $"SELECT * FROM {Literal(file)}" })
        {
            var error = await FailsAsync(client, Sql(sql));
            Assert.That(error.ErrorClass, Is.EqualTo("INSUFFICIENT_PERMISSIONS"), sql);
        }
    }

    [Test]
    public async Task Spark_read_and_df_write_are_refused_naming_the_option()
    {
        var client = NewClient();
        var target = Path.Combine(Scratch, "out");

        var read = await FailsAsync(client, ReadFiles("csv", Scratch));
        var write = await FailsAsync(client, Command(ToPath("SELECT 1 AS a", target)));

        foreach (var error in new[] { read, write })
        {
            Assert.That(error.ErrorClass, Is.EqualTo("INSUFFICIENT_PERMISSIONS"));
            Assert.That(error.SqlState, Is.EqualTo("42501"));
            Assert.That(error.Message, Does.Contain("DataDirectories"));
        }
        Assert.That(Directory.Exists(target), Is.False);
    }

    [Test]
    public async Task Tables_still_work_and_the_configuration_is_locked()
    {
        Server.CreateTable("numbers", new[] { new Number(1), new Number(2) });
        var client = NewClient();

        Assert.That(await RowsAsync(client, Sql("SELECT count(*) FROM numbers WHERE n > 1")), Is.EqualTo(new[] { new object?[] { 1L } }));
        Assert.That(await RowsAsync(client, Sql("SELECT CAST(current_setting('enable_external_access') AS VARCHAR), CAST(current_setting('lock_configuration') AS VARCHAR)")),
            Is.EqualTo(new[] { new object?[] { "false", "true" } }));
    }

    [Test]
    public void Registering_a_file_outside_any_data_directory_is_refused_at_once()
    {
        var file = Path.Combine(Scratch, "data.csv");
        File.WriteAllText(file, "a\n1\n");

        var error = Assert.Throws<UnauthorizedAccessException>(() => Server.RegisterFile("data", file));

        Assert.That(error!.Message, Does.Contain("DataDirectories"));
    }

    private sealed record Number(int N);

    /// <summary>A path as a SQL string literal (the scratch directory's name has a quote).</summary>
    private static string Literal(string path) => "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";
}
