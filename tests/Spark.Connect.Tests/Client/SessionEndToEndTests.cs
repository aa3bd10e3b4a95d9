using NUnit.Framework;
using Spark.Connect.TestServer;
using Spark.Connect.Transport;
using static Spark.Connect.Tests.Client.ClientTestKit;

namespace Spark.Connect.Tests.Client;

/// <summary>The session client over our real HTTP/2 transport against the scripted Spark Connect server.</summary>
public class SessionEndToEndTests
{
    private ScriptedSparkConnectServer _server = null!;

    [SetUp]
    public async Task StartServer()
    {
        _server = await ScriptedSparkConnectServer.StartAsync();
        _server.ReleaseExecute.Always((r, _) => new ReleaseExecuteResponse { SessionId = r.SessionId, OperationId = r.OperationId });
        _server.Interrupt.Always((r, _) => new InterruptResponse { SessionId = r.SessionId, InterruptedIds = { r.OperationId } });
        _server.ReleaseSession.Always((r, _) => new ReleaseSessionResponse { SessionId = r.SessionId });
    }

    [TearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    private SparkConnectClient Connect(string? connectionString = null, Func<GrpcTransportOptions, GrpcTransportOptions>? transport = null) =>
        SparkConnectClient.Create(new SparkConnectClientOptions
        {
            ConnectionString = connectionString ?? _server.ConnectionString,
            RetryPolicy = new RetryPolicy { MaxRetries = 4, InitialBackoff = TimeSpan.FromMilliseconds(5) },
            ConfigureTransport = transport,
        });

    [Test]
    public async Task A_dropped_connection_is_reattached_and_no_response_is_lost_or_repeated()
    {
        _server.ExecutePlan.DropOnce(StreamDrop.CloseConnection, Batch("r1"), Batch("r2"));
        _server.ReattachExecute.Once((request, _) => Stream(request.LastResponseId == "r2" ? [Batch("r3"), Complete("r4")] : []));
        await using var client = Connect();

        var responses = await client.ExecutePlanAsync(RangePlan()).ToListAsync();

        Assert.That(responses.Select(r => r.ResponseId), Is.EqualTo(new[] { "r1", "r2", "r3", "r4" }));
        var operationId = _server.RequestsOf<ExecutePlanRequest>().Single().OperationId;
        var reattach = _server.RequestsOf<ReattachExecuteRequest>().Single();
        Assert.That((reattach.OperationId, reattach.LastResponseId), Is.EqualTo((operationId, "r2")));
        var releaseAll = await WaitForRelease(ReleaseExecuteRequest.ReleaseOneofCase.ReleaseAll);
        Assert.That(releaseAll.OperationId, Is.EqualTo(operationId));
    }

    [Test]
    public async Task A_stream_the_server_ends_early_is_resumed()
    {
        _server.ExecutePlan.Once(Batch("r1"));
        _server.ReattachExecute.Once(Batch("r2")).Once(Complete("r3"));
        await using var client = Connect();

        var responses = await client.ExecutePlanAsync(RangePlan()).ToListAsync();

        Assert.That(responses.Select(r => r.ResponseId), Is.EqualTo(new[] { "r1", "r2", "r3" }));
        Assert.That(_server.RequestsOf<ReattachExecuteRequest>().Select(r => r.LastResponseId), Is.EqualTo(new[] { "r1", "r2" }));
    }

    [Test]
    public async Task A_spark_error_brings_its_full_details()
    {
        _server.ExecutePlan.FailOnce(ScriptedErrors.SparkError("[TABLE_OR_VIEW_NOT_FOUND] short", "TABLE_OR_VIEW_NOT_FOUND", "42P01",
            new Dictionary<string, string> { ["relationName"] = "`sales`.`nope`" }, errorId: "e-42"));
        _server.FetchErrorDetails.Always((r, _) => new FetchErrorDetailsResponse
        {
            RootErrorIdx = 0,
            Errors = { new FetchErrorDetailsResponse.Types.Error { Message = "[TABLE_OR_VIEW_NOT_FOUND] The table or view `sales`.`nope` cannot be found.",
                SparkThrowable = new() { ErrorClass = "TABLE_OR_VIEW_NOT_FOUND", SqlState = "42P01", MessageParameters = { ["relationName"] = "`sales`.`nope`" } } } },
        });
        await using var client = Connect();

        var error = await Assert.ThrowsAsync<SparkException>(async () => await client.ExecutePlanAsync(RangePlan()).ToListAsync());

        Assert.That(error!.Message, Does.Contain("cannot be found"));
        Assert.That((error.ErrorClass, error.SqlState), Is.EqualTo(("TABLE_OR_VIEW_NOT_FOUND", "42P01")));
        Assert.That(error.MessageParameters["relationName"], Is.EqualTo("`sales`.`nope`"));
        Assert.That(_server.RequestsOf<FetchErrorDetailsRequest>().Single().ErrorId, Is.EqualTo("e-42"));
    }

    [Test]
    public async Task Cancelling_a_running_query_stops_the_stream_and_interrupts_it_on_the_server()
    {
        _server.ExecutePlan.StallOnce(Batch("r1"));
        await using var client = Connect();
        using var cts = new CancellationTokenSource();

        await Assert.CatchAsync<OperationCanceledException>(async () =>
        {
            await foreach (var response in client.ExecutePlanAsync(RangePlan(), cancellationToken: cts.Token))
                cts.Cancel();
        });

        var execute = _server.CallsTo("ExecutePlan").Single();
        await execute.Cancelled.WaitAsync(TimeSpan.FromSeconds(10));
        var interrupt = await _server.WaitForCallAsync("Interrupt");
        Assert.That(interrupt.RequestAs<InterruptRequest>().OperationId, Is.EqualTo(execute.RequestAs<ExecutePlanRequest>().OperationId));
    }

    [Test]
    public async Task Unary_calls_retry_until_the_server_is_back()
    {
        _server.AnalyzePlan.FailOnce(ScriptedErrors.Unavailable()).FailOnce(ScriptedErrors.Unavailable(retryDelay: TimeSpan.FromMilliseconds(20)));
        _server.AnalyzePlan.Always(new AnalyzePlanResponse { SparkVersion = new() { Version = "4.0.1" } });
        await using var client = Connect();

        Assert.That(await client.SparkVersionAsync(), Is.EqualTo("4.0.1"));
        Assert.That(_server.AnalyzePlan.CallCount, Is.EqualTo(3));
    }

    [Test]
    public async Task A_token_travels_over_tls_as_a_bearer_header()
    {
        await using var tls = await ScriptedSparkConnectServer.StartAsync(new ScriptedServerOptions { UseTls = true });
        tls.Config.Always((r, _) => new ConfigResponse { SessionId = r.SessionId, Pairs = { new KeyValue { Key = "k", Value = "v" } } });
        var trusted = tls.CreateTransportOptions().RemoteCertificateValidationCallback;
        await using var client = SparkConnectClient.Create(new SparkConnectClientOptions
        {
            ConnectionString = tls.ConnectionString.Replace("use_ssl=true", "token=s3cret-token", StringComparison.Ordinal),
            ConfigureTransport = o => o with { RemoteCertificateValidationCallback = trusted },
        });

        Assert.That(await client.GetConfigAsync("k"), Is.EqualTo("v"));
        var call = tls.CallsTo("Config").Single();
        Assert.That(call.GetHeader("authorization"), Is.EqualTo("Bearer s3cret-token"));
    }

    [Test]
    public async Task Disposing_releases_the_server_session()
    {
        _server.AnalyzePlan.Always(new AnalyzePlanResponse { ServerSideSessionId = "srv-1", SparkVersion = new() { Version = "4" } });
        var client = Connect();
        await client.SparkVersionAsync();

        await client.DisposeAsync();

        Assert.That(_server.RequestsOf<ReleaseSessionRequest>().Single().SessionId, Is.EqualTo(client.SessionId));
    }

    private async Task<ReleaseExecuteRequest> WaitForRelease(ReleaseExecuteRequest.ReleaseOneofCase kind)
    {
        for (var call = 1; ; call++)
        {
            var release = (await _server.WaitForCallAsync("ReleaseExecute", call)).RequestAs<ReleaseExecuteRequest>();
            if (release.ReleaseCase == kind) return release;
        }
    }
}
