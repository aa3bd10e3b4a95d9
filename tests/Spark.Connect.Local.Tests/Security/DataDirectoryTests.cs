using Spark.Connect.Local.Tests.Server;

namespace Spark.Connect.Local.Tests.Security;

/// <summary>
/// A loopback server whose host names one data directory: clients read and write below it, and nothing else —
/// not by a path outside, not by <c>..</c>, not through a symbolic link that leads out, and not by SQL, which DuckDB
/// itself holds to the same directory. The scratch directory of <see cref="WriteTestBase"/> is the outside.
/// </summary>
public sealed class DataDirectoryTests : WriteTestBase
{
    private string _data = null!;

    protected override LocalSparkServerOptions CreateOptions()
    {
        _data = Path.Combine(Path.GetTempPath(), "data dir " + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_data);
        // DuckDB's file functions in SQL are tested through the opt-in DuckDB dialect; Spark SQL has no way to name them.
        return new LocalSparkServerOptions { DataDirectories = [_data], SqlDialect = SqlDialect.DuckDb };
    }

    [TearDown]
    public void RemoveData() => Directory.Delete(_data, recursive: true);

    [Test]
    public async Task Files_below_the_data_directory_can_be_read_and_written()
    {
        var client = NewClient();
        var target = Path.Combine(_data, "out");

        await RunAsync(client, Command(ToPath("SELECT 7 AS a", target, "csv", options: new() { ["header"] = "true" })));

        Assert.That(await RowsAsync(client, ReadFiles("csv", target, new() { ["header"] = "true" })), Is.EqualTo(new[] { new object?[] { "7" } }));
        Assert.That(await RowsAsync(client, Sql($"SELECT count(*) FROM read_csv({Literal(target + "/*.csv")})")), Is.EqualTo(new[] { new object?[] { 1L } }));
    }

    [Test]
    public async Task Paths_outside_by_name_by_dot_dot_or_by_link_are_refused()
    {
        var outside = Path.Combine(Scratch, "secret.csv");
        await File.WriteAllTextAsync(outside, "a\nsecret\n");
        var link = Path.Combine(_data, "link");
        Directory.CreateSymbolicLink(link, Scratch);
        var client = NewClient();

        foreach (var path in new[] { outside, Path.Combine(_data, "..", Path.GetFileName(Scratch), "secret.csv"), Path.Combine(link, "secret.csv"), "file://" + outside })
        {
            var read = await FailsAsync(client, ReadFiles("csv", path));
            Assert.That(read.ErrorClass, Is.EqualTo("INSUFFICIENT_PERMISSIONS"), path);
            Assert.That(read.Message, Does.Contain("DataDirectories"), path);
            // SQL file functions never pass the planner's check: DuckDB refuses them itself.
            var sql = await FailsAsync(client, Sql($"SELECT * FROM read_csv({Literal(path)})"));
            Assert.That(sql.ErrorClass, Is.EqualTo("INSUFFICIENT_PERMISSIONS"), path);
        }
    }

    [Test]
    public async Task Writes_outside_or_over_the_data_directory_itself_are_refused()
    {
        var client = NewClient();
        var outside = Path.Combine(Scratch, "out");
        var throughLink = Path.Combine(_data, "link", "out");
        Directory.CreateSymbolicLink(Path.Combine(_data, "link"), Scratch);

        foreach (var path in new[] { outside, throughLink, _data })
        {
            var error = await FailsAsync(client, Command(ToPath("SELECT 1 AS a", path, mode: WriteOperation.Types.SaveMode.Overwrite)));
            Assert.That(error.ErrorClass, Is.EqualTo("INSUFFICIENT_PERMISSIONS"), path);
        }
        Assert.That(Directory.Exists(outside), Is.False);
        Assert.That(Directory.Exists(_data), Is.True);
    }

    [Test]
    public async Task The_host_registers_files_below_the_data_directory_but_not_elsewhere()
    {
        var inside = Path.Combine(_data, "inside.csv");
        var outside = Path.Combine(Scratch, "outside.csv");
        await File.WriteAllTextAsync(inside, "a\n5\n");
        await File.WriteAllTextAsync(outside, "a\n6\n");

        Server.RegisterFile("inside", inside);

        Assert.That(await RowsAsync(NewClient(), Sql("SELECT a FROM inside")), Is.EqualTo(new[] { new object?[] { 5L } }));
        Assert.Throws<UnauthorizedAccessException>(() => Server.RegisterFile("outside", outside));
    }

    [Test]
    public void A_data_directory_that_does_not_exist_is_refused_at_start()
    {
        var missing = Path.Combine(Path.GetTempPath(), "missing " + Guid.NewGuid().ToString("N"));

        Assert.ThrowsAsync<ArgumentException>(() => LocalSparkServer.StartAsync(new LocalSparkServerOptions { DataDirectories = [missing] }));
    }

    [Test]
    public void The_command_line_takes_data_directories()
    {
        var options = ServerCommandLine.Parse(["--data-dir", "/srv/a", "--data-dir", "/srv/b"], null, out var error);

        Assert.That(error, Is.Null);
        Assert.That(options!.DataDirectories, Is.EqualTo(new[] { "/srv/a", "/srv/b" }));
        Assert.That(ServerCommandLine.Parse(["--data-dir"], null, out _), Is.Null);
    }

    /// <summary>A path as a SQL string literal (the scratch directory's name has a quote).</summary>
    private static string Literal(string path) => "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";
}
