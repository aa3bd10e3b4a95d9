using Google.Rpc;
using Spark.Connect.Transport;

namespace Spark.Connect.Local.Tests.Server;

/// <summary>Reattachable executions driven through the raw transport, so the test decides when a stream drops.</summary>
public sealed class ReattachTests : LocalServerTestBase
{
    private readonly string _sessionId = Guid.NewGuid().ToString();
    private readonly UserContext _user = new() { UserId = "tester" };

    [Test]
    public async Task Reattach_after_a_dropped_stream_continues_without_duplicates_or_gaps()
    {
        var transport = NewTransport();
        var operationId = Guid.NewGuid().ToString();
        var first = await TakeAsync(transport.ServerStreamingCallAsync(SparkConnectMethods.ExecutePlan, Execute(operationId, 20000), GrpcCallOptions.Default, default), 4);

        var rest = await CollectAsync(transport.ServerStreamingCallAsync(SparkConnectMethods.ReattachExecute,
            new ReattachExecuteRequest { SessionId = _sessionId, UserContext = _user, OperationId = operationId, LastResponseId = first[^1].ResponseId },
            GrpcCallOptions.Default, default));

        var all = first.Concat(rest).ToList();
        Assert.That(all[^1].ResultComplete, Is.Not.Null);
        Assert.That(all.Select(r => r.ResponseId).Distinct().Count(), Is.EqualTo(all.Count));
        Assert.That(Rows(all).Select(r => (long)r[0]!), Is.EqualTo(Enumerable.Range(0, 20000).Select(i => (long)i)));
    }

    [Test]
    public async Task Results_are_produced_on_demand_not_ahead_of_the_client()
    {
        var transport = NewTransport();
        var operationId = Guid.NewGuid().ToString();
        // 200 batches of about 1 MB each; only HTTP/2 flow control lets the server get ahead of what the client read.
        var request = Execute(operationId, 200_000);
        request.Plan = Sql("SELECT id, repeat('x', 1000) AS pad FROM range(200000)");
        await TakeAsync(transport.ServerStreamingCallAsync(SparkConnectMethods.ExecutePlan, request, GrpcCallOptions.Default, default), 2);

        var operation = Server.Service.Sessions.All.Single().Operations[operationId];
        await operation.WaitUntilIdleAsync();
        // Eager production would hold all 200; HTTP/2 windows (at most a few MB here) bound what a write can get ahead.
        Assert.That(operation.RetainedCount, Is.InRange(2, 40));
    }

    [Test]
    public async Task Release_until_drops_the_buffered_responses_up_to_the_id()
    {
        var transport = NewTransport();
        var operationId = Guid.NewGuid().ToString();
        var first = await TakeAsync(transport.ServerStreamingCallAsync(SparkConnectMethods.ExecutePlan, Execute(operationId, 10000), GrpcCallOptions.Default, default), 3);
        await transport.UnaryCallAsync(SparkConnectMethods.ReleaseExecute, new ReleaseExecuteRequest
        {
            SessionId = _sessionId, UserContext = _user, OperationId = operationId,
            ReleaseUntil = new ReleaseExecuteRequest.Types.ReleaseUntil { ResponseId = first[1].ResponseId },
        }, GrpcCallOptions.Default, default);

        var error = await Assert.ThrowsAsync<GrpcException>(async () => await CollectAsync(transport.ServerStreamingCallAsync(SparkConnectMethods.ReattachExecute,
            new ReattachExecuteRequest { SessionId = _sessionId, UserContext = _user, OperationId = operationId, LastResponseId = first[0].ResponseId },
            GrpcCallOptions.Default, default)));
        Assert.That(ErrorClassOf(error!), Is.EqualTo("INVALID_CURSOR.POSITION_NOT_AVAILABLE"));

        // Right after the released id everything is still there.
        var rest = await CollectAsync(transport.ServerStreamingCallAsync(SparkConnectMethods.ReattachExecute,
            new ReattachExecuteRequest { SessionId = _sessionId, UserContext = _user, OperationId = operationId, LastResponseId = first[1].ResponseId },
            GrpcCallOptions.Default, default));
        Assert.That(Rows(first.Take(2).Concat(rest)), Has.Count.EqualTo(10000));
    }

    [Test]
    public async Task Reattach_after_release_all_fails_with_operation_not_found()
    {
        var transport = NewTransport();
        var operationId = Guid.NewGuid().ToString();
        var first = await TakeAsync(transport.ServerStreamingCallAsync(SparkConnectMethods.ExecutePlan, Execute(operationId, 10000), GrpcCallOptions.Default, default), 2);

        await transport.UnaryCallAsync(SparkConnectMethods.ReleaseExecute, new ReleaseExecuteRequest
        {
            SessionId = _sessionId, UserContext = _user, OperationId = operationId, ReleaseAll = new ReleaseExecuteRequest.Types.ReleaseAll(),
        }, GrpcCallOptions.Default, default);

        Assert.That(Server.Service.Sessions.All.Single().Operations, Is.Empty);
        var error = await Assert.ThrowsAsync<GrpcException>(async () => await CollectAsync(transport.ServerStreamingCallAsync(SparkConnectMethods.ReattachExecute,
            new ReattachExecuteRequest { SessionId = _sessionId, UserContext = _user, OperationId = operationId, LastResponseId = first[^1].ResponseId },
            GrpcCallOptions.Default, default)));
        Assert.That(ErrorClassOf(error!), Is.EqualTo("INVALID_HANDLE.OPERATION_NOT_FOUND"));
        Assert.That(error!.Detail, Does.Contain("INVALID_HANDLE.OPERATION_NOT_FOUND"));
    }

    [Test]
    public async Task Release_all_stops_a_running_statement()
    {
        var transport = NewTransport();
        var operationId = Guid.NewGuid().ToString();
        var request = Execute(operationId, 0);
        request.Plan = Sql("SELECT count(*) FROM range(1000000000) a, range(1000000) b WHERE a.id + b.id = -1");
        using var reading = new CancellationTokenSource();
        var stream = CollectAsync(transport.ServerStreamingCallAsync(SparkConnectMethods.ExecutePlan, request, GrpcCallOptions.Default, reading.Token));
        while (!Server.Service.Sessions.All.Any(s => s.Operations.ContainsKey(operationId)))
            await Task.Delay(20);

        await transport.UnaryCallAsync(SparkConnectMethods.ReleaseExecute, new ReleaseExecuteRequest
        {
            SessionId = _sessionId, UserContext = _user, OperationId = operationId, ReleaseAll = new ReleaseExecuteRequest.Types.ReleaseAll(),
        }, GrpcCallOptions.Default, default).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.That(Server.Service.Sessions.All.Single().Operations, Is.Empty);
        var error = await Assert.CatchAsync<GrpcException>(() => stream.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.That(ReattachTests.ErrorClassOf(error!), Does.StartWith("INVALID_HANDLE.").Or.EqualTo("OPERATION_CANCELED"));
    }

    [Test]
    public async Task Reattaching_to_an_unknown_operation_fails_with_operation_not_found()
    {
        var transport = NewTransport();
        var error = await Assert.ThrowsAsync<GrpcException>(async () => await CollectAsync(transport.ServerStreamingCallAsync(SparkConnectMethods.ReattachExecute,
            new ReattachExecuteRequest { SessionId = _sessionId, UserContext = _user, OperationId = Guid.NewGuid().ToString() },
            GrpcCallOptions.Default, default)));
        Assert.That(ErrorClassOf(error!), Is.EqualTo("INVALID_HANDLE.OPERATION_NOT_FOUND"));
    }

    [Test]
    public async Task The_client_resumes_transparently_when_the_server_stream_breaks()
    {
        // The client reattaches on its own after a stream ends early; here the whole path runs through SparkConnectClient.
        var client = NewClient();
        var rows = await RowsAsync(client, Sql("SELECT id FROM range(5000)"));
        Assert.That(rows.Select(r => (long)r[0]!), Is.EqualTo(Enumerable.Range(0, 5000).Select(i => (long)i)));
        Assert.That(Server.Service.Sessions.All.Single().Operations, Is.Empty, "the client releases the operation at the end");
    }

    internal static string? ErrorClassOf(GrpcException error)
    {
        foreach (var detail in error.RichStatus?.Details ?? [])
            if (detail.TryUnpack<ErrorInfo>(out var info))
                return info.Reason;
        return null;
    }

    private ExecutePlanRequest Execute(string operationId, int rows)
    {
        var request = new ExecutePlanRequest { SessionId = _sessionId, UserContext = _user, OperationId = operationId, Plan = Sql($"SELECT id FROM range({rows})") };
        request.RequestOptions.Add(new ExecutePlanRequest.Types.RequestOption { ReattachOptions = new ReattachOptions { Reattachable = true } });
        return request;
    }

    private static async Task<List<ExecutePlanResponse>> TakeAsync(IAsyncEnumerable<ExecutePlanResponse> responses, int count)
    {
        var taken = new List<ExecutePlanResponse>();
        await using var enumerator = responses.GetAsyncEnumerator();
        while (taken.Count < count && await enumerator.MoveNextAsync())
            taken.Add(enumerator.Current);
        return taken;
    }
}
