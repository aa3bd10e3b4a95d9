using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Spark.Connect.Local.Tests.Server;

public sealed class ProgramTests
{
    [Test]
    public void Port_and_host_are_parsed_and_the_token_comes_only_from_the_environment()
    {
        var options = ServerCommandLine.Parse(["--port", "0", "--host", "127.0.0.1"], "tok", out var error);
        Assert.That(error, Is.Null);
        Assert.That((options!.Port, options.Host, options.Token), Is.EqualTo((0, "127.0.0.1", "tok")));

        var defaults = ServerCommandLine.Parse([], null, out _);
        Assert.That((defaults!.Port, defaults.Token), Is.EqualTo((ServerCommandLine.DefaultPort, (string?)null)));
    }

    [Test]
    public void Database_and_tables_are_parsed_in_order()
    {
        var options = ServerCommandLine.Parse(["--database", "shop.duckdb", "--table", "orders=/data/orders.parquet", "--table", "events=/data/ev=1/"],
            null, out var error, out var tables);
        Assert.That(error, Is.Null);
        Assert.That(options!.DatabasePath, Is.EqualTo("shop.duckdb"));
        Assert.That(tables, Is.EqualTo(new[] { new TableArgument("orders", "/data/orders.parquet"), new TableArgument("events", "/data/ev=1/") }));
    }

    [TestCase("--table")]
    [TestCase("--table", "orders")]
    [TestCase("--table", "=orders.parquet")]
    [TestCase("--table", "orders=")]
    [TestCase("--database")]
    [TestCase("--bogus")]
    [TestCase("--port")]
    [TestCase("--port", "70000")]
    [TestCase("--host", "not an ip")]
    [TestCase("--token", "abc")]
    public void Bad_arguments_are_reported(params string[] args)
    {
        Assert.That(ServerCommandLine.Parse(args, null, out var error), Is.Null);
        Assert.That(error, Does.Contain(args[0]));
    }

    [Test]
    public async Task An_unknown_argument_exits_with_code_2_and_usage()
    {
        using var process = Start("--nope");
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.That(process.ExitCode, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("Usage"));
    }

    [Test]
    public async Task A_taken_port_is_reported_with_exit_code_1()
    {
        await using var occupying = await LocalSparkServer.StartAsync();
        using var process = Start("--port", occupying.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var stderr = await process.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.That(process.ExitCode, Is.EqualTo(1));
        Assert.That(stderr, Does.Contain("could not start"));
    }

    [Test]
    public async Task The_process_serves_spark_connect_clients()
    {
        using var process = Start("--port", "0");
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            var match = Regex.Match(line ?? "", @"sc://127\.0\.0\.1:(\d+)");
            Assert.That(match.Success, Is.True, $"unexpected first line: {line}");

            await using var client = SparkConnectClient.Create($"sc://127.0.0.1:{match.Groups[1].Value}");
            var rows = await LocalServerTestBase.RowsAsync(client, LocalServerTestBase.Sql("SELECT 40 + 2 AS answer"));
            Assert.That(rows.Single()[0], Is.EqualTo(42));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Test]
    public async Task The_process_serves_a_database_file_and_registered_files()
    {
        var directory = Directory.CreateTempSubdirectory("spark-local-cli-").FullName;
        try
        {
            var databaseFile = Path.Combine(directory, "shop.duckdb");
            var parquet = Path.Combine(directory, "regions.parquet");
            using (var database = Spark.Connect.Local.DuckDb.DuckDbDatabase.Open(databaseFile))
            using (var connection = database.Connect())
            {
                connection.ExecuteNonQuery("CREATE TABLE orders AS SELECT range::INTEGER AS id, range * 10 AS amount FROM range(4)");
                connection.ExecuteNonQuery($"COPY (SELECT 'eu' AS region UNION ALL SELECT 'us') TO '{parquet}' (FORMAT parquet)");
            }

            using var process = Start("--port", "0", "--database", databaseFile, "--table", $"regions={parquet}");
            try
            {
                var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
                var port = Regex.Match(line ?? "", @"sc://127\.0\.0\.1:(\d+)").Groups[1].Value;
                Assert.That(port, Is.Not.Empty, $"unexpected first line: {line}");

                await using var client = SparkConnectClient.Create($"sc://127.0.0.1:{port}");
                var rows = await LocalServerTestBase.RowsAsync(client,
                    LocalServerTestBase.Sql("SELECT (SELECT CAST(sum(amount) AS BIGINT) FROM orders), (SELECT count(*) FROM regions)"));
                Assert.That(rows.Single(), Is.EqualTo(new object?[] { 60L, 2L }));
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public async Task A_table_whose_file_is_missing_is_reported_with_exit_code_1()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.parquet");
        using var process = Start("--port", "0", "--table", $"orders={missing}");
        var stderr = await process.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.That(process.ExitCode, Is.EqualTo(1));
        Assert.That(stderr, Does.Contain("--table orders=").And.Contain(missing));
    }

    [TestCase(15, TestName = "SIGTERM stops the process cleanly with exit code 0 and frees the port")]
    [TestCase(2, TestName = "SIGINT stops the process cleanly with exit code 0 and frees the port")]
    public async Task A_stop_signal_ends_the_process_cleanly(int signal)
    {
        using var process = Start("--port", "0");
        try
        {
            await StopWithSignalAsync(process, signal);
        }
        finally
        {
            // A process that ignored the signal must not outlive the test.
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
    }

    private static async Task StopWithSignalAsync(Process process, int signal)
    {
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var port = int.Parse(Regex.Match(line ?? "", @"sc://127\.0\.0\.1:(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await using (var client = SparkConnectClient.Create($"sc://127.0.0.1:{port}"))
            Assert.That(await LocalServerTestBase.RowsAsync(client, LocalServerTestBase.Sql("SELECT 1 AS one")), Has.Count.EqualTo(1));

        Assert.That(SendSignal(process.Id, signal), Is.Zero, "kill(2) failed");
        var rest = await process.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.That(process.ExitCode, Is.Zero);
        Assert.That(rest, Does.Contain("Stopped."));
        // The port is free again: something else can listen on it.
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
        Assert.DoesNotThrow(() => listener.Start());
        listener.Stop();
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    private static Process Start(params string[] args)
    {
        var assembly = typeof(LocalSparkServer).Assembly.Location;
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(assembly);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        info.Environment.Remove("SPARK_LOCAL_TOKEN");
        return Process.Start(info) ?? throw new InvalidOperationException("Could not start the server process.");
    }
}
