using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using NUnit.Framework;
using Spark.Connect.TestServer;
using Spark.Connect.Transport;

namespace Spark.Connect.Tests.Transport;

/// <summary>A @grpc/grpc-js client (tools/grpc-peer) calling a Grpc.AspNetCore-hosted service: the scripted server.</summary>
public class GrpcJsClientInteropTests
{
    private ScriptedSparkConnectServer _server = null!;

    [SetUp]
    public async Task StartAsync() => _server = await ScriptedSparkConnectServer.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _server.DisposeAsync();

    private Task<JsonObject> CallAsync(string rpc, string kind, IMessage request, object? metadata = null, int? deadlineMs = null) =>
        GrpcPeer.CallAsync(new
        {
            target = $"127.0.0.1:{_server.Address.Port}",
            path = $"/{SparkConnectMethods.ServiceName}/{rpc}",
            kind,
            request = Convert.ToBase64String(request.ToByteArray()),
            metadata = metadata ?? new { },
            deadlineMs,
        });

    private static List<T> Messages<T>(JsonObject outcome, MessageParser<T> parser) where T : IMessage<T> =>
        outcome["messages"]!.AsArray().Select(m => parser.ParseFrom(Convert.FromBase64String(m!.GetValue<string>()))).ToList();

    private static int Code(JsonObject outcome) => outcome["code"]!.GetValue<int>();

    [Test]
    public async Task A_unary_call_gets_the_scripted_response()
    {
        _server.Config.Always((r, _) => new ConfigResponse { SessionId = r.SessionId, Pairs = { new KeyValue { Key = "x", Value = "1" } } });

        JsonObject outcome = await CallAsync("Config", "unary", new ConfigRequest { SessionId = "from-node" });

        Assert.That(Code(outcome), Is.EqualTo(0));
        ConfigResponse response = Messages(outcome, ConfigResponse.Parser).Single();
        Assert.That(response.SessionId, Is.EqualTo("from-node"));
        Assert.That(_server.RequestsOf<ConfigRequest>().Single().SessionId, Is.EqualTo("from-node"));
    }

    [Test]
    public async Task A_server_stream_delivers_every_message_then_OK()
    {
        _server.ExecutePlan.Once(Enumerable.Range(1, 5).Select(TransportEndToEndTests.Batch).ToArray());

        JsonObject outcome = await CallAsync("ExecutePlan", "stream", new ExecutePlanRequest { SessionId = "s" });

        Assert.That(Code(outcome), Is.EqualTo(0));
        Assert.That(Messages(outcome, ExecutePlanResponse.Parser).Select(m => m.ResponseId), Is.EqualTo(new[] { "r1", "r2", "r3", "r4", "r5" }));
    }

    [Test]
    public async Task A_spark_error_reaches_grpc_js_with_message_and_status_details()
    {
        _server.ExecutePlan.FailOnce(ScriptedErrors.SparkError("Division by zero: ünïcødé 100%", errorClass: "DIVIDE_BY_ZERO", sqlState: "22012", errorId: "e-9"),
            TransportEndToEndTests.Batch(1));

        JsonObject outcome = await CallAsync("ExecutePlan", "stream", new ExecutePlanRequest());

        Assert.That(Code(outcome), Is.EqualTo((int)GrpcStatusCode.Internal));
        Assert.That(outcome["details"]!.GetValue<string>(), Is.EqualTo("Division by zero: ünïcødé 100%"));
        Assert.That(outcome["messages"]!.AsArray(), Has.Count.EqualTo(1));
        string details = outcome["trailers"]!["grpc-status-details-bin"]![0]!.GetValue<string>();
        var status = Google.Rpc.Status.Parser.ParseFrom(Convert.FromBase64String(details));
        Assert.That(status.Details.Single().Unpack<ErrorInfo>().Metadata["errorId"], Is.EqualTo("e-9"));
    }

    [Test]
    public async Task A_trailers_only_error_is_understood_by_grpc_js()
    {
        JsonObject outcome = await CallAsync("AnalyzePlan", "unary", new AnalyzePlanRequest());

        Assert.That(Code(outcome), Is.EqualTo((int)GrpcStatusCode.Unimplemented));
        Assert.That(outcome["details"]!.GetValue<string>(), Does.Contain("AnalyzePlan"));
    }

    [Test]
    public async Task Metadata_flows_both_ways()
    {
        _server.Config.Always((_, call) =>
        {
            call.Context.ResponseTrailers.Add(new("x-server-trailer", "t1"));
            return new ConfigResponse();
        });

        JsonObject outcome = await CallAsync("Config", "unary", new ConfigRequest(),
            metadata: new Dictionary<string, string> { ["x-client"] = "c1", ["x-raw-bin"] = Convert.ToBase64String([9, 8, 7]) });

        Assert.That(Code(outcome), Is.EqualTo(0));
        RecordedCall call = _server.Calls.Single();
        Assert.That(call.GetHeader("x-client"), Is.EqualTo("c1"));
        Assert.That(Convert.FromBase64String(call.GetHeader("x-raw-bin")!), Is.EqualTo(new byte[] { 9, 8, 7 }));
        Assert.That(outcome["trailers"]!["x-server-trailer"]![0]!.GetValue<string>(), Is.EqualTo("t1"));
    }

    [Test]
    public async Task A_grpc_js_deadline_cancels_the_server_handler()
    {
        _server.Config.Once(new ConfigResponse()).StallOnce();
        // Warm the server's request path up first, so that the short deadline measures the stalled call only.
        await using (var warmUp = new GrpcNetClientTransport(_server.CreateTransportOptions()))
        {
            await warmUp.UnaryCallAsync(SparkConnectMethods.Config, new ConfigRequest(), GrpcCallOptions.Default, CancellationToken.None);
        }

        JsonObject outcome = await CallAsync("Config", "unary", new ConfigRequest(), deadlineMs: 500);

        Assert.That(Code(outcome), Is.EqualTo((int)GrpcStatusCode.DeadlineExceeded));
        RecordedCall call = await _server.WaitForCallAsync("Config", callNumber: 2);
        Assert.That(call.Deadline, Is.Not.Null);
        await call.Cancelled.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Test]
    public async Task Client_streaming_AddArtifacts_receives_every_request_from_grpc_js()
    {
        await using var host = await ServiceHost.StartAsync<CountingArtifactsService>();
        var requests = Enumerable.Range(1, 3).Select(i => new AddArtifactsRequest { SessionId = $"s{i}" }).ToList();

        JsonObject outcome = await GrpcPeer.CallAsync(new
        {
            target = $"127.0.0.1:{host.Address.Port}",
            path = $"/{SparkConnectMethods.ServiceName}/AddArtifacts",
            kind = "clientStream",
            requests = requests.Select(r => Convert.ToBase64String(r.ToByteArray())).ToArray(),
            metadata = new { },
        });

        Assert.That(Code(outcome), Is.EqualTo(0));
        Assert.That(Messages(outcome, AddArtifactsResponse.Parser).Single().SessionId, Is.EqualTo("s1,s2,s3"));
    }

    private sealed class CountingArtifactsService : SparkConnectService.SparkConnectServiceBase
    {
        public override async Task<AddArtifactsResponse> AddArtifacts(IAsyncStreamReader<AddArtifactsRequest> requestStream, ServerCallContext context)
        {
            var sessions = new List<string>();
            await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
            {
                sessions.Add(request.SessionId);
            }

            return new AddArtifactsResponse { SessionId = string.Join(",", sessions) };
        }
    }

    [TestCase(StreamDrop.ResetStream, GrpcStatusCode.Internal)]
    [TestCase(StreamDrop.CloseConnection, GrpcStatusCode.Unavailable)]
    public async Task Grpc_js_maps_dropped_streams_like_our_client(StreamDrop how, GrpcStatusCode expected)
    {
        _server.ExecutePlan.DropOnce(how, TransportEndToEndTests.Batch(1));

        JsonObject outcome = await CallAsync("ExecutePlan", "stream", new ExecutePlanRequest());

        Assert.That(Code(outcome), Is.EqualTo((int)expected));
        Assert.That(Messages(outcome, ExecutePlanResponse.Parser).Single().ResponseId, Is.EqualTo("r1"));
    }
}
