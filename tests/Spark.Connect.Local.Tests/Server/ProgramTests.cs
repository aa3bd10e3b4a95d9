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
