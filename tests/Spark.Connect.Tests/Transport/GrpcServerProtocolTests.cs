using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using Spark.Connect.TestServer;
using Spark.Connect.Transport;

namespace Spark.Connect.Tests.Transport;

/// <summary>
/// The scripted server, hosted by Grpc.AspNetCore, fed raw and sometimes hostile HTTP/2 requests: the protocol
/// behaviour every client test relies on (limits, deadlines, status trailers, what never reaches a handler).
/// </summary>
public class GrpcServerProtocolTests
{
    private const string ConfigPath = "/spark.connect.SparkConnectService/Config";
    private ScriptedSparkConnectServer _server = null!;
    private HttpClient _http = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _server = await ScriptedSparkConnectServer.StartAsync(new ScriptedServerOptions { MaxReceiveMessageSize = 4096, IncludeExceptionDetails = false });
        _server.Config.Always(new ConfigResponse { SessionId = "ok" });
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
    }

    [TearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    /// <summary>A gRPC message frame: flag, big-endian length, payload.</summary>
    internal static byte[] Frame(byte[] payload, bool compressed = false)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    internal static byte[] Frame(IMessage message) => Frame(message.ToByteArray());

    private async Task<(HttpResponseMessage Response, byte[] Body, string? Status, string? Message)> PostAsync(
        byte[] body, string contentType = "application/grpc", Action<HttpRequestMessage>? configure = null, string path = ConfigPath)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_server.Address, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        configure?.Invoke(request);
        HttpResponseMessage response = await _http.SendAsync(request);
        byte[] bytes = await response.Content.ReadAsByteArrayAsync();
        string? Find(string name) =>
            response.Headers.TryGetValues(name, out var v) ? v.First() : response.TrailingHeaders.TryGetValues(name, out var t) ? t.First() : null;
        string? message = Find("grpc-message");
        return (response, bytes, Find("grpc-status"), message is null ? null : Uri.UnescapeDataString(message));
    }

    private static string Code(StatusCode code) => ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public async Task A_well_formed_request_gets_one_frame_and_status_OK_in_the_trailers()
    {
        var (response, body, status, _) = await PostAsync(Frame(new ConfigRequest { SessionId = "x" }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/grpc"));
        Assert.That(response.TrailingHeaders.GetValues("grpc-status").Single(), Is.EqualTo("0"));
        Assert.That(status, Is.EqualTo("0"));
        Assert.That(ConfigResponse.Parser.ParseFrom(body.AsSpan(5)).SessionId, Is.EqualTo("ok"));
    }

    [Test]
    public async Task A_hostile_length_is_ResourceExhausted_before_its_payload_arrives()
    {
        var (_, body, status, _) = await PostAsync([0, 0x7F, 0xFF, 0xFF, 0xF0, 1, 2, 3]);

        Assert.That(status, Is.EqualTo(Code(StatusCode.ResourceExhausted)));
        Assert.That(body, Is.Empty);
        Assert.That(_server.Calls, Is.Empty);
    }

    [Test]
    public async Task A_length_beyond_2_GiB_is_refused_and_the_handler_never_runs()
    {
        // Grpc.AspNetCore reads such a length as a broken stream: Unknown rather than ResourceExhausted.
        var (_, body, status, _) = await PostAsync([0, 0xFF, 0xFF, 0xFF, 0xF0, 1, 2, 3]);

        Assert.That(status, Is.EqualTo(Code(StatusCode.Unknown)));
        Assert.That(body, Is.Empty);
        Assert.That(_server.Calls, Is.Empty);
    }

    [Test]
    public async Task A_message_one_byte_over_the_limit_is_ResourceExhausted_and_one_at_the_limit_is_served()
    {
        var (_, _, served, _) = await PostAsync(Frame(Sized(4096)));
        var (_, _, refused, _) = await PostAsync(Frame(Sized(4097)));

        Assert.That(served, Is.EqualTo("0"));
        Assert.That(refused, Is.EqualTo(Code(StatusCode.ResourceExhausted)));
        Assert.That(_server.Calls, Has.Count.EqualTo(1));

        // One tag byte and a two-byte length before the session id.
        static ConfigRequest Sized(int bytes)
        {
            var request = new ConfigRequest { SessionId = new string('x', bytes - 3) };
            Assert.That(request.CalculateSize(), Is.EqualTo(bytes));
            return request;
        }
    }

    [Test]
    public async Task A_truncated_request_is_Internal()
    {
        byte[] frame = Frame(new ConfigRequest { SessionId = "truncated" });

        var (_, _, status, _) = await PostAsync(frame[..^2]);

        Assert.That(status, Is.EqualTo(Code(StatusCode.Internal)));
        Assert.That(_server.Calls, Is.Empty);
    }

    [Test]
    public async Task An_empty_request_body_is_Internal()
    {
        var (_, _, status, _) = await PostAsync([]);

        Assert.That(status, Is.EqualTo(Code(StatusCode.Internal)));
        Assert.That(_server.Calls, Is.Empty);
    }

    [Test]
    public async Task Two_messages_for_a_unary_method_are_Internal()
    {
        byte[] frame = Frame(new ConfigRequest());

        var (_, _, status, _) = await PostAsync([.. frame, .. frame]);

        Assert.That(status, Is.EqualTo(Code(StatusCode.Internal)));
    }

    [Test]
    public async Task Bytes_that_are_not_the_request_message_fail_before_the_handler()
    {
        var (_, _, status, _) = await PostAsync([0, 0, 0, 0, 3, 0xFF, 0xFF, 0xFF]);

        Assert.That(status, Is.Not.Null.And.Not.EqualTo("0"));
        Assert.That(_server.Calls, Is.Empty);
    }

    [Test]
    public async Task A_compressed_frame_without_grpc_encoding_is_Internal()
    {
        var (_, _, status, _) = await PostAsync(Frame(new ConfigRequest { SessionId = "x" }.ToByteArray(), compressed: true));

        Assert.That(status, Is.EqualTo(Code(StatusCode.Internal)));
        Assert.That(_server.Calls, Is.Empty);
    }

    [Test]
    public async Task A_gzip_compressed_request_is_served()
    {
        using var packed = new MemoryStream();
        await using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            new ConfigRequest { SessionId = "zipped" }.WriteTo(gzip);
        }

        var (_, _, status, _) = await PostAsync(Frame(packed.ToArray(), compressed: true),
            configure: r => r.Headers.TryAddWithoutValidation("grpc-encoding", "gzip"));

        Assert.That(status, Is.EqualTo("0"));
        Assert.That(_server.RequestsOf<ConfigRequest>().Single().SessionId, Is.EqualTo("zipped"));
    }

    [Test]
    public async Task An_unknown_encoding_is_Unimplemented_and_advertises_what_is_accepted()
    {
        var (response, _, status, _) = await PostAsync(Frame(new ConfigRequest { SessionId = "x" }.ToByteArray(), compressed: true),
            configure: r => r.Headers.TryAddWithoutValidation("grpc-encoding", "snappy"));

        Assert.That(status, Is.EqualTo(Code(StatusCode.Unimplemented)));
        Assert.That(response.Headers.GetValues("grpc-accept-encoding").Single(), Does.Contain("gzip").And.Not.Contain("snappy"));
        Assert.That(_server.Calls, Is.Empty);
    }

    [Test]
    public async Task A_malformed_grpc_timeout_is_ignored_and_the_call_has_no_deadline()
    {
        var (_, _, status, _) = await PostAsync(Frame(new ConfigRequest()),
            configure: r => r.Headers.TryAddWithoutValidation("grpc-timeout", "soon"));

        Assert.That(status, Is.EqualTo("0"));
        Assert.That(_server.Calls.Single().Deadline, Is.Null);
    }

    [Test]
    public async Task The_server_enforces_grpc_timeout_itself_with_DeadlineExceeded()
    {
        _server.Config.Once(new ConfigResponse()).StallOnce();
        await PostAsync(Frame(new ConfigRequest())); // warm-up

        var (_, body, status, _) = await PostAsync(Frame(new ConfigRequest()),
            configure: r => r.Headers.TryAddWithoutValidation("grpc-timeout", "200m"));

        Assert.That(status, Is.EqualTo(Code(StatusCode.DeadlineExceeded)));
        Assert.That(body, Is.Empty);
        RecordedCall call = await _server.WaitForCallAsync("Config", callNumber: 2);
        Assert.That(call.Deadline, Is.Not.Null);
        await call.Cancelled.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Test]
    public async Task A_non_grpc_content_type_is_415()
    {
        var (response, _, _, _) = await PostAsync(Frame(new ConfigRequest()), contentType: "application/json");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(_server.Calls, Is.Empty);
    }

    [Test]
    public async Task An_unknown_method_is_Unimplemented_and_named()
    {
        var (_, _, status, message) = await PostAsync(Frame(new ConfigRequest()), path: "/spark.connect.SparkConnectService/NoSuchRpc");
        var (_, _, otherStatus, otherMessage) = await PostAsync(Frame(new ConfigRequest()), path: "/other.Service/Config");

        Assert.That((status, otherStatus), Is.EqualTo((Code(StatusCode.Unimplemented), Code(StatusCode.Unimplemented))));
        Assert.That(message, Does.Contain("NoSuchRpc"));
        Assert.That(otherMessage, Does.Contain("other.Service"));
    }

    [Test]
    public async Task An_unexpected_handler_exception_is_Unknown_without_leaking_its_message()
    {
        _server.Config.Once((_, _) => throw new InvalidOperationException("connection string Password=hunter2"));

        var (_, _, status, message) = await PostAsync(Frame(new ConfigRequest()));

        Assert.That(status, Is.EqualTo(Code(StatusCode.Unknown)));
        Assert.That(message, Does.Not.Contain("hunter2").And.Not.Contain("InvalidOperation"));
    }

    [Test]
    public async Task Detailed_errors_are_sent_only_when_asked_for()
    {
        await using var detailed = await ScriptedSparkConnectServer.StartAsync(new ScriptedServerOptions { IncludeExceptionDetails = true });
        detailed.Config.Once((_, _) => throw new InvalidOperationException("the handler's own words"));
        await using var transport = new GrpcNetClientTransport(detailed.CreateTransportOptions());

        var error = await Assert.ThrowsAsync<GrpcException>(() =>
            transport.UnaryCallAsync(SparkConnectMethods.Config, new ConfigRequest(), GrpcCallOptions.Default, CancellationToken.None));

        Assert.That(error!.StatusCode, Is.EqualTo(GrpcStatusCode.Unknown));
        Assert.That(error.Detail, Does.Contain("InvalidOperationException").And.Contain("the handler's own words"));
    }

    [Test]
    public async Task Services_can_come_from_dependency_injection_and_unserved_methods_are_Unimplemented()
    {
        await using var host = await ServiceHost.StartAsync<FixedConfigService>(services => services.AddSingleton(new FixedConfigService("from-di")));
        await using var transport = new GrpcNetClientTransport(new GrpcTransportOptions { Address = host.Address });

        ConfigResponse response = await transport.UnaryCallAsync(SparkConnectMethods.Config, new ConfigRequest(), GrpcCallOptions.Default, CancellationToken.None);
        var unimplemented = await Assert.ThrowsAsync<GrpcException>(() =>
            transport.UnaryCallAsync(SparkConnectMethods.GetStatus, new GetStatusRequest(), GrpcCallOptions.Default, CancellationToken.None));

        Assert.That(response.SessionId, Is.EqualTo("from-di"));
        Assert.That(unimplemented!.StatusCode, Is.EqualTo(GrpcStatusCode.Unimplemented));
    }

    [Test]
    public async Task An_http_1_1_request_is_told_to_use_http_2()
    {
        await using var host = await ServiceHost.StartAsync<FixedConfigService>(
            services => services.AddSingleton(new FixedConfigService("h1")),
            protocols: Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http1AndHttp2);
        using var content = new ByteArrayContent(Frame(new ConfigRequest()));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");

        using HttpResponseMessage response = await _http.PostAsync(new Uri(host.Address, ConfigPath), content);

        Assert.That(response.Version, Is.EqualTo(HttpVersion.Version11));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UpgradeRequired));
    }

    private sealed class FixedConfigService(string sessionId) : SparkConnectService.SparkConnectServiceBase
    {
        public override Task<ConfigResponse> Config(ConfigRequest request, ServerCallContext context) =>
            Task.FromResult(new ConfigResponse { SessionId = sessionId });
    }
}
