using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using NUnit.Framework;
using Spark.Connect.Transport;

namespace Spark.Connect.Tests.Transport;

/// <summary>Our <see cref="GrpcNetClientTransport"/> (and its status mapping) calling a @grpc/grpc-js server (tools/grpc-peer).</summary>
[NonParallelizable]
public class GrpcJsServerInteropTests
{
    private const string Service = "grpcpeer.Peer";
    private static readonly GrpcMethod<ConfigRequest, ConfigRequest> Echo = new(Service, "Echo", ConfigRequest.Parser, ConfigRequest.Parser);
    private static readonly GrpcMethod<UInt32Value, UInt32Value> Stream = new(Service, "Stream", UInt32Value.Parser, UInt32Value.Parser);
    private static readonly GrpcMethod<UInt32Value, UInt32Value> Fail = new(Service, "Fail", UInt32Value.Parser, UInt32Value.Parser);
    private static readonly GrpcMethod<UInt32Value, StringValue> EchoMetadata = new(Service, "EchoMetadata", UInt32Value.Parser, StringValue.Parser);
    private static readonly GrpcMethod<UInt32Value, UInt32Value> Slow = new(Service, "Slow", UInt32Value.Parser, UInt32Value.Parser);
    private static readonly GrpcMethod<UInt32Value, UInt32Value> StreamThenStall = new(Service, "StreamThenStall", UInt32Value.Parser, UInt32Value.Parser);
    private static readonly GrpcMethod<UInt32Value, BytesValue> Large = new(Service, "Large", UInt32Value.Parser, BytesValue.Parser);

    private GrpcPeer _peer = null!;
    private IGrpcTransport _transport = null!;
    private GrpcTransportOptions _options = null!;

    [OneTimeSetUp]
    public async Task StartPeerAsync()
    {
        _peer = await GrpcPeer.ServeAsync();
        _options = new GrpcTransportOptions { Address = new Uri($"http://127.0.0.1:{_peer.Port}") };
        _transport = new GrpcNetClientTransport(_options);
    }

    [OneTimeTearDown]
    public async Task StopPeerAsync()
    {
        await _transport.DisposeAsync();
        await _peer.DisposeAsync();
    }

    private static CancellationToken Guard => new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token;

    [Test]
    public async Task Unary_echo_round_trips_a_spark_message()
    {
        var request = new ConfigRequest { SessionId = "s-é", ClientType = "interop", Operation = new() { Set = new() { Pairs = { new KeyValue { Key = "a", Value = "b" } } } } };

        ConfigRequest echoed = await _transport.UnaryCallAsync(Echo, request, GrpcCallOptions.Default, Guard);

        Assert.That(echoed, Is.EqualTo(request));
    }

    [Test]
    public async Task Server_streaming_yields_every_message_in_order()
    {
        var values = await _transport.ServerStreamingCallAsync(Stream, new UInt32Value { Value = 50 }, GrpcCallOptions.Default, Guard)
            .Select(v => v.Value).ToListAsync();

        Assert.That(values, Is.EqualTo(Enumerable.Range(1, 50).Select(i => (uint)i)));
    }

    [TestCase(13u, GrpcStatusCode.Internal)]
    [TestCase(14u, GrpcStatusCode.Unavailable)]
    public async Task Errors_carry_the_decoded_message_rich_details_and_trailing_metadata(uint code, GrpcStatusCode expected)
    {
        var error = await Assert.ThrowsAsync<GrpcException>(() => _transport.UnaryCallAsync(Fail, new UInt32Value { Value = code }, GrpcCallOptions.Default, Guard));

        Assert.That(error!.StatusCode, Is.EqualTo(expected));
        Assert.That(error.Detail, Is.EqualTo("peer failure: ünïcødé 100% sure"));
        Assert.That(error.RichStatus!.Code, Is.EqualTo((int)code));
        ErrorInfo info = error.RichStatus.Details.Single().Unpack<ErrorInfo>();
        Assert.That(info.Reason, Is.EqualTo("PEER_REASON"));
        Assert.That(info.Metadata["errorClass"], Is.EqualTo("PEER_ERROR"));
        Assert.That(error.Trailers, Does.Contain(new KeyValuePair<string, string>("x-peer-trailer", "failing")));
    }

    [Test]
    public async Task Metadata_reaches_grpc_js_including_binary_values()
    {
        byte[] blob = [0, 1, 2, 254, 255];
        var options = new GrpcCallOptions { Headers = [new("x-custom", "hello"), new("x-blob-bin", Convert.ToBase64String(blob)), new("authorization", "Bearer t")] };

        StringValue json = await _transport.UnaryCallAsync(EchoMetadata, new UInt32Value(), options, Guard);

        var seen = System.Text.Json.Nodes.JsonNode.Parse(json.Value)!.AsObject();
        Assert.That(seen["x-custom"]![0]!.GetValue<string>(), Is.EqualTo("hello"));
        Assert.That(Convert.FromBase64String(seen["x-blob-bin"]![0]!.GetValue<string>()), Is.EqualTo(blob));
        Assert.That(seen["authorization"]![0]!.GetValue<string>(), Is.EqualTo("Bearer t"));
        Assert.That(seen["user-agent"]![0]!.GetValue<string>(), Does.StartWith("spark-connect-dotnet/"));
    }

    [Test]
    public async Task A_deadline_is_DeadlineExceeded_and_grpc_js_sees_the_call_cancelled()
    {
        await _transport.UnaryCallAsync(Echo, new ConfigRequest(), GrpcCallOptions.Default, Guard); // connect first
        var options = new GrpcCallOptions { Timeout = TimeSpan.FromMilliseconds(200) };

        var error = await Assert.ThrowsAsync<GrpcException>(() => _transport.UnaryCallAsync(Slow, new UInt32Value(), options, Guard));

        Assert.That(error!.StatusCode, Is.EqualTo(GrpcStatusCode.DeadlineExceeded));
        Assert.That((await _peer.WaitForCancelledAsync("Slow"))["event"]!.GetValue<string>(), Is.EqualTo("cancelled"));
    }

    [Test]
    public async Task Cancelling_a_stream_reaches_grpc_js()
    {
        using var cancellation = new CancellationTokenSource();

        var error = await Assert.CatchAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in _transport.ServerStreamingCallAsync(StreamThenStall, new UInt32Value(), GrpcCallOptions.Default, cancellation.Token))
            {
                await cancellation.CancelAsync();
            }
        });

        Assert.That(error, Is.Not.Null);
        Assert.That((await _peer.WaitForCancelledAsync("StreamThenStall"))["event"]!.GetValue<string>(), Is.EqualTo("cancelled"));
    }

    [Test]
    public async Task A_multi_megabyte_message_arrives_whole()
    {
        BytesValue response = await _transport.UnaryCallAsync(Large, new UInt32Value { Value = 5 * 1024 * 1024 }, GrpcCallOptions.Default, Guard);

        Assert.That(response.Value.Length, Is.EqualTo(5 * 1024 * 1024));
        Assert.That(response.Value.All(b => b == 0x5A), Is.True);
    }

    [Test]
    public async Task A_message_above_the_receive_limit_is_ResourceExhausted()
    {
        await using var small = new GrpcNetClientTransport(_options with { MaxReceiveMessageSize = 1024 * 1024 });

        var error = await Assert.ThrowsAsync<GrpcException>(() => small.UnaryCallAsync(Large, new UInt32Value { Value = 2 * 1024 * 1024 }, GrpcCallOptions.Default, Guard));

        Assert.That(error!.StatusCode, Is.EqualTo(GrpcStatusCode.ResourceExhausted));
    }
}
