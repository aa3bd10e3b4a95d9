using System.Diagnostics;
using NUnit.Framework;
using Spark.Connect.TestServer;
using Spark.Connect.Transport;
using static Spark.Connect.Tests.Client.ClientTestKit;

namespace Spark.Connect.Tests.Reliability;

/// <summary>
/// Connections that die or servers that stall while a result streams (loopback, through a proxy that can go silent):
/// found within seconds, resumed on a new connection, and cancellation returns at once.
/// </summary>
public class DeadConnectionTests
{
    private ScriptedSparkConnectServer _server = null!;

    [SetUp]
    public async Task StartServer()
    {
        _server = await ScriptedSparkConnectServer.StartAsync();
        _server.ReleaseExecute.Always((r, _) => new ReleaseExecuteResponse { SessionId = r.SessionId, OperationId = r.OperationId });
        _server.Interrupt.Always((r, _) => new InterruptResponse { SessionId = r.SessionId, InterruptedIds = { r.OperationId } });
    }

    [TearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    /// <summary>A client pinging after 1 s of silence and giving a ping 1 s to come back.</summary>
    private static SparkConnectClient Connect(int port, Action<SparkConnectClientOptions>? configure = null)
    {
        var options = new SparkConnectClientOptions
        {
            ConnectionString = $"sc://127.0.0.1:{port}",
            RetryPolicy = new RetryPolicy { MaxRetries = 3, InitialBackoff = TimeSpan.FromMilliseconds(10) },
            ConfigureTransport = t => t with { KeepAlivePingDelay = TimeSpan.FromSeconds(1), KeepAlivePingTimeout = TimeSpan.FromSeconds(1) },
        };
        configure?.Invoke(options);
        return SparkConnectClient.Create(options);
    }

    private static CancellationToken Guard => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    [Test]
    public async Task A_connection_that_goes_silent_mid_stream_is_found_dead_and_the_execution_resumes_on_a_new_one()
    {
        _server.ExecutePlan.StallOnce(Batch("r1"));
        _server.ReattachExecute.Always((request, _) => request.LastResponseId == "r1" ? [Batch("r2"), Complete("r3")] : []);
        await using var proxy = new FreezableProxy(_server.Address.Port);
        // The idle limit is far away: it is the keep-alive ping that must find the dead connection.
        await using var client = Connect(proxy.Port, o => o.ResponseIdleTimeout = TimeSpan.FromMinutes(1));
        var seen = new List<string>();
        var clock = new Stopwatch();

        await foreach (var response in client.ExecutePlanAsync(RangePlan(), cancellationToken: Guard))
        {
            seen.Add(response.ResponseId);
            if (response.ResponseId != "r1") continue;
            proxy.FreezeExistingConnections();
            clock.Start();
        }

        Assert.That(seen, Is.EqualTo(new[] { "r1", "r2", "r3" }));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "found dead after about ping delay + ping timeout");
        Assert.That(_server.RequestsOf<ReattachExecuteRequest>().Single().LastResponseId, Is.EqualTo("r1"));
        Assert.That(proxy.ConnectionCount, Is.GreaterThanOrEqualTo(2), "the reattach went over a new connection");
    }

    [Test]
    public async Task A_server_that_stops_sending_on_a_live_connection_is_left_at_the_idle_limit_and_reattached()
    {
        _server.ExecutePlan.StallOnce(Batch("r1"));
        _server.ReattachExecute.Always((request, _) => request.LastResponseId == "r1" ? [Complete("r2")] : []);
        await using var client = Connect(_server.Address.Port, o => o.ResponseIdleTimeout = TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        var responses = await client.ExecutePlanAsync(RangePlan(), cancellationToken: Guard).ToListAsync();

        Assert.That(responses.Select(r => r.ResponseId), Is.EqualTo(new[] { "r1", "r2" }));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        await (await _server.WaitForCallAsync("ExecutePlan")).Cancelled.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Test]
    public async Task Without_reattach_a_stall_fails_at_the_idle_limit_naming_the_option()
    {
        _server.ExecutePlan.StallOnce(Batch("r1"));
        await using var client = Connect(_server.Address.Port, o =>
        {
            o.ResponseIdleTimeout = TimeSpan.FromMilliseconds(300);
            o.ReattachableExecution = false;
        });

        var error = await Assert.ThrowsAsync<SparkConnectLimitException>(async () => await client.ExecutePlanAsync(RangePlan(), cancellationToken: Guard).ToListAsync());

        Assert.That(error!.Setting, Is.EqualTo("SparkConnectClientOptions.ResponseIdleTimeout"));
        Assert.That(error.StatusCode, Is.EqualTo(GrpcStatusCode.Unavailable));
        Assert.That(_server.CallsTo("ReattachExecute"), Is.Empty);
    }

    [Test]
    public async Task Cancelling_over_a_dead_connection_returns_at_once_and_clean_up_ends_in_the_background()
    {
        _server.ExecutePlan.StallOnce(Batch("r1"));
        await using var proxy = new FreezableProxy(_server.Address.Port);
        var client = Connect(proxy.Port);
        using var cancellation = new CancellationTokenSource();
        var stream = client.ExecutePlanAsync(RangePlan(), cancellationToken: cancellation.Token).GetAsyncEnumerator();
        Assert.That(await stream.MoveNextAsync(), Is.True);
        proxy.FreezeExistingConnections();
        var next = stream.MoveNextAsync().AsTask();
        await Task.Delay(200);

        var clock = Stopwatch.StartNew();
        await cancellation.CancelAsync();
        await Assert.CatchAsync<OperationCanceledException>(() => next);
        await stream.DisposeAsync();
        var returnedAfter = clock.Elapsed;
        await client.BackgroundWorkAsync().WaitAsync(TimeSpan.FromSeconds(15));
        var cleanedUpAfter = clock.Elapsed;
        await client.DisposeAsync();

        Assert.That(returnedAfter, Is.LessThan(TimeSpan.FromMilliseconds(500)), "the interrupt and release must not hold the caller");
        Assert.That(cleanedUpAfter, Is.LessThan(TimeSpan.FromSeconds(12)), "the clean-up calls are bounded in time");
    }
}
