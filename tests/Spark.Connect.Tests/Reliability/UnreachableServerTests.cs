using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NUnit.Framework;
using Spark.Connect.TestServer;
using Spark.Connect.Transport;
using static Spark.Connect.Tests.Client.ClientTestKit;

namespace Spark.Connect.Tests.Reliability;

/// <summary>
/// A server that can't be reached (a closed loopback port): the failure comes within
/// <see cref="SparkConnectClientOptions.InitialConnectTimeout"/>, typed and naming host:port and the setting, and a
/// caller that cancels while the client retries learns what the retries were failing on.
/// </summary>
public class UnreachableServerTests
{
    private const string Setting = "SparkConnectClientOptions.InitialConnectTimeout";

    /// <summary>A loopback port nothing listens on: bound once to get a free number, then closed.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static SparkConnectClient Connect(int port, Action<SparkConnectClientOptions>? configure = null)
    {
        var options = new SparkConnectClientOptions { ConnectionString = $"sc://127.0.0.1:{port}" };
        configure?.Invoke(options);
        return SparkConnectClient.Create(options);
    }

    [Test]
    public async Task A_unary_call_to_a_closed_port_fails_within_the_initial_connect_timeout_naming_the_address_and_the_setting()
    {
        var port = ClosedPort();
        await using var client = Connect(port, o => o.InitialConnectTimeout = TimeSpan.FromSeconds(1.5));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<SparkConnectLimitException>(() => client.SparkVersionAsync());

        clock.Stop();
        Assert.That(error!.Setting, Is.EqualTo(Setting));
        Assert.That(error.StatusCode, Is.EqualTo(GrpcStatusCode.Unavailable));
        Assert.That(error.Message, Does.Contain($"127.0.0.1:{port}").And.Contain(Setting));
        Assert.That(error.InnerException, Is.InstanceOf<GrpcException>(), "the last connect failure is inside");
        Assert.That(clock.Elapsed, Is.GreaterThan(TimeSpan.FromSeconds(1.4)).And.LessThan(TimeSpan.FromSeconds(6)),
            "retried for the initial connect timeout, and not for the retry policy's 10 minutes");
    }

    [Test]
    public async Task An_execution_to_a_closed_port_fails_within_the_initial_connect_timeout()
    {
        var port = ClosedPort();
        await using var client = Connect(port, o => o.InitialConnectTimeout = TimeSpan.FromSeconds(1.5));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<SparkConnectLimitException>(async () => await client.ExecutePlanAsync(RangePlan()).ToListAsync());

        Assert.That(error!.Setting, Is.EqualTo(Setting));
        Assert.That(error.Message, Does.Contain($"127.0.0.1:{port}"));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(6)));
    }

    [Test]
    public async Task With_default_options_a_closed_port_fails_in_seconds()
    {
        var port = ClosedPort();
        await using var client = Connect(port);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<SparkConnectLimitException>(() => client.SparkVersionAsync());

        Assert.That(error!.Setting, Is.EqualTo(Setting));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)), "the default bound is 10 s");
    }

    [Test]
    public async Task Cancelling_during_retries_says_what_the_retries_were_failing_on()
    {
        var port = ClosedPort();
        await using var client = Connect(port, o => o.InitialConnectTimeout = null);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        var error = await Assert.CatchAsync<OperationCanceledException>(() => client.SparkVersionAsync(cancel.Token));

        Assert.That(error!.CancellationToken, Is.EqualTo(cancel.Token));
        Assert.That(error.Message, Does.Contain("retrying").And.Contain("Unavailable").And.Contain($"127.0.0.1:{port}"));
        var last = error.InnerException as GrpcException;
        Assert.That(last, Is.Not.Null, "the failure being retried is the inner exception");
        Assert.That(last!.StatusCode, Is.EqualTo(GrpcStatusCode.Unavailable));
        Assert.That(ServerReachability.IsConnectFailure(last), Is.True, "a refused connection, with its socket error inside");
    }

    [Test]
    public async Task Cancelling_an_execution_during_retries_carries_the_last_failure()
    {
        var port = ClosedPort();
        await using var client = Connect(port, o => o.InitialConnectTimeout = null);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        var error = await Assert.CatchAsync<OperationCanceledException>(async () =>
            await client.ExecutePlanAsync(RangePlan(), cancellationToken: cancel.Token).ToListAsync());

        Assert.That(error!.Message, Does.Contain("ExecutePlan").And.Contain("retrying"));
        Assert.That(error.InnerException, Is.InstanceOf<GrpcException>());
        Assert.That(((GrpcException)error.InnerException!).StatusCode, Is.EqualTo(GrpcStatusCode.Unavailable));
    }

    [Test]
    public async Task A_client_that_reached_its_server_keeps_the_retry_policy_when_the_server_goes_away()
    {
        var server = await ScriptedSparkConnectServer.StartAsync();
        server.AnalyzePlan.Always((r, _) => new AnalyzePlanResponse { SessionId = r.SessionId, SparkVersion = new() { Version = "4.0.0" } });
        await using var client = SparkConnectClient.Create(new SparkConnectClientOptions
        {
            ConnectionString = server.ConnectionString,
            InitialConnectTimeout = TimeSpan.FromMilliseconds(200),
            RetryPolicy = new RetryPolicy { MaxRetries = 3, InitialBackoff = TimeSpan.FromMilliseconds(300), BackoffMultiplier = 1 },
        });
        Assert.That(await client.SparkVersionAsync(), Is.EqualTo("4.0.0"));
        await server.DisposeAsync();
        var clock = Stopwatch.StartNew();

        var error = await Assert.CatchAsync<GrpcException>(() => client.SparkVersionAsync());

        Assert.That(error, Is.Not.InstanceOf<SparkConnectLimitException>(), "the initial connect bound no longer applies");
        Assert.That(error!.StatusCode, Is.EqualTo(GrpcStatusCode.Unavailable));
        Assert.That(clock.Elapsed, Is.GreaterThan(TimeSpan.FromMilliseconds(850)), "all three retries were made");
    }

    [Test]
    public void A_status_the_server_sent_is_no_connect_failure_but_a_refused_connection_is()
    {
        var fromServer = new GrpcException(GrpcStatusCode.Unavailable, "server shutting down");
        var refused = new GrpcException(GrpcStatusCode.Unavailable, "Error starting gRPC call",
            innerException: new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused)));
        var idle = new SparkConnectLimitException(GrpcStatusCode.Unavailable, "no response", "SparkConnectClientOptions.ResponseIdleTimeout",
            new OperationCanceledException());

        Assert.That(ServerReachability.IsConnectFailure(fromServer), Is.False);
        Assert.That(ServerReachability.IsConnectFailure(refused), Is.True);
        Assert.That(ServerReachability.IsConnectFailure(idle), Is.False);
    }

    [Test]
    public void A_non_positive_initial_connect_timeout_is_refused_by_name()
    {
        var options = new SparkConnectClientOptions { ConnectionString = "sc://h", InitialConnectTimeout = TimeSpan.Zero };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => options.Validate());

        Assert.That(error!.ParamName, Is.EqualTo("InitialConnectTimeout"));
    }

    [Test]
    public void Close_to_the_initial_connect_timeout_the_limit_counts_as_passed_so_retries_cannot_spin_out()
    {
        // A refused connection fails at once; if the last sliver of the timeout were waited out in tiny steps, the retry
        // policy's count would run out first and the caller would get a plain Unavailable (seen as a flaky test).
        var reachability = new ServerReachability(SparkConnectionString.Parse("sc://127.0.0.1:1"), TimeSpan.FromSeconds(1.5));
        var refused = new GrpcException(GrpcStatusCode.Unavailable, "Error connecting to subchannel.",
            innerException: new SocketException((int)SocketError.ConnectionRefused));
        var backoff = TimeSpan.FromMilliseconds(800);

        Assert.That(reachability.LimitWait(refused, backoff, TimeSpan.FromSeconds(0.2), 2, "ExecutePlan"), Is.EqualTo(backoff));
        Assert.That(reachability.LimitWait(refused, backoff, TimeSpan.FromSeconds(1.0), 3, "ExecutePlan"), Is.EqualTo(TimeSpan.FromSeconds(0.5)),
            "the last wait ends at the timeout");
        var nearlyThere = TimeSpan.FromSeconds(1.5) - ServerReachability.LastWaitFloor / 2;
        var error = Assert.Throws<SparkConnectLimitException>(() => reachability.LimitWait(refused, backoff, nearlyThere, 4, "ExecutePlan"));
        Assert.That(error!.Setting, Is.EqualTo(Setting));
    }
}
