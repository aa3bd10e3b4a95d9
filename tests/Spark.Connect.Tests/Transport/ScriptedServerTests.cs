using NUnit.Framework;
using Spark.Connect.TestServer;
using Spark.Connect.Transport;

namespace Spark.Connect.Tests.Transport;

/// <summary>The scripted server's own contract: queues, fallbacks, recording and the scenarios the session client will need.</summary>
public class ScriptedServerTests : ScriptedServerTestBase
{
    private Task<ConfigResponse> ConfigAsync(string session = "s") =>
        Transport.UnaryCallAsync(SparkConnectMethods.Config, new ConfigRequest { SessionId = session }, GrpcCallOptions.Default, Guard);

    private IAsyncEnumerable<ExecutePlanResponse> Reattach(string lastResponseId) =>
        Transport.ServerStreamingCallAsync(SparkConnectMethods.ReattachExecute,
            new ReattachExecuteRequest { OperationId = "op", LastResponseId = lastResponseId }, GrpcCallOptions.Default, Guard);

    [Test]
    public void The_address_and_connection_string_name_the_loopback_port()
    {
        Assert.That(Server.Address.Host, Is.EqualTo("127.0.0.1"));
        Assert.That(Server.Address.Port, Is.GreaterThan(0));
        Assert.That(Server.ConnectionString, Is.EqualTo($"sc://127.0.0.1:{Server.Address.Port}"));
    }

    [Test]
    public async Task Queued_behaviours_run_once_each_in_order_then_the_fallback_answers()
    {
        Server.Config
            .FailOnce(ScriptedErrors.Unavailable("warming up", retryDelay: TimeSpan.FromMilliseconds(10)))
            .Once(new ConfigResponse { SessionId = "second" });
        Server.Config.Always((_, call) => new ConfigResponse { SessionId = $"call {call.CallNumber}" });

        var first = await Assert.ThrowsAsync<GrpcException>(() => ConfigAsync());
        var second = await ConfigAsync();
        var third = await ConfigAsync();

        Assert.That(first!.StatusCode, Is.EqualTo(GrpcStatusCode.Unavailable));
        Assert.That(second.SessionId, Is.EqualTo("second"));
        Assert.That(third.SessionId, Is.EqualTo("call 3"));
        Assert.That(Server.Config.CallCount, Is.EqualTo(3));
        Assert.That(Server.CallsTo("Config").Select(c => c.CallNumber), Is.EqualTo(new[] { 1, 2, 3 }));
    }

    [Test]
    public async Task A_dropped_execution_can_be_resumed_with_ReattachExecute()
    {
        Server.ExecutePlan.DropOnce(StreamDrop.CloseConnection, TransportEndToEndTests.Batch(1), TransportEndToEndTests.Batch(2));
        Server.ReattachExecute.Always((request, _) => Enumerable.Range(3, 2).Select(TransportEndToEndTests.Batch)
            .Append(new ExecutePlanResponse { ResponseId = "done", ResultComplete = new() }));

        var seen = new List<string>();
        try
        {
            await foreach (var response in Transport.ServerStreamingCallAsync(SparkConnectMethods.ExecutePlan, new ExecutePlanRequest { OperationId = "op" }, GrpcCallOptions.Default, Guard))
            {
                seen.Add(response.ResponseId);
            }
        }
        catch (GrpcException error) when (error.StatusCode == GrpcStatusCode.Unavailable)
        {
            await foreach (var response in Reattach(seen[^1]))
            {
                seen.Add(response.ResponseId);
            }
        }

        Assert.That(seen, Is.EqualTo(new[] { "r1", "r2", "r3", "r4", "done" }));
        Assert.That(Server.RequestsOf<ReattachExecuteRequest>().Single().LastResponseId, Is.EqualTo("r2"));
    }

    [Test]
    public async Task Released_executions_and_sessions_are_acknowledged_by_default()
    {
        var release = await Transport.UnaryCallAsync(SparkConnectMethods.ReleaseExecute,
            new ReleaseExecuteRequest { SessionId = "s", OperationId = "op", ReleaseAll = new() }, GrpcCallOptions.Default, Guard);
        var session = await Transport.UnaryCallAsync(SparkConnectMethods.ReleaseSession,
            new ReleaseSessionRequest { SessionId = "s" }, GrpcCallOptions.Default, Guard);

        Assert.That(release.OperationId, Is.EqualTo("op"));
        Assert.That(session.SessionId, Is.EqualTo("s"));
    }

    [Test]
    public async Task A_stalled_execution_records_the_cancellation_an_interrupt_would_cause()
    {
        Server.ExecutePlan.StallOnce(TransportEndToEndTests.Batch(1));
        Server.Interrupt.Always((request, _) => new InterruptResponse { SessionId = request.SessionId, InterruptedIds = { "op" } });
        using var cancellation = new CancellationTokenSource();

        await using var stream = Transport.ServerStreamingCallAsync(SparkConnectMethods.ExecutePlan, new ExecutePlanRequest(), GrpcCallOptions.Default, cancellation.Token)
            .GetAsyncEnumerator();
        Assert.That(await stream.MoveNextAsync(), Is.True);
        var interrupted = await Transport.UnaryCallAsync(SparkConnectMethods.Interrupt, new InterruptRequest { SessionId = "s" }, GrpcCallOptions.Default, Guard);
        await cancellation.CancelAsync();

        await Assert.CatchAsync<OperationCanceledException>(async () => await stream.MoveNextAsync());
        Assert.That(interrupted.InterruptedIds, Is.EqualTo(new[] { "op" }));
        await (await Server.WaitForCallAsync("ExecutePlan")).Cancelled.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(Server.Calls.Select(c => c.Rpc), Is.EqualTo(new[] { "ExecutePlan", "Interrupt" }));
    }

    [Test]
    public async Task Waiting_for_a_call_that_never_comes_times_out_listing_what_arrived()
    {
        Server.Config.Always(new ConfigResponse());
        await ConfigAsync();

        var error = await Assert.ThrowsAsync<TimeoutException>(() => Server.WaitForCallAsync("AnalyzePlan", timeout: TimeSpan.FromMilliseconds(50)));

        Assert.That(error!.Message, Does.Contain("AnalyzePlan").And.Contain("Config #1"));
    }

    [Test]
    public async Task Finished_calls_are_not_marked_cancelled()
    {
        Server.Config.Always(new ConfigResponse());

        await ConfigAsync();

        RecordedCall call = await Server.WaitForCallAsync("Config");
        await call.Finished.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(call.CancellationObserved, Is.False);
    }
}
