using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using Spark.Connect.Server;
using Spark.Connect.TestServer;
using Spark.Connect.Transport;

namespace Spark.Connect.Tests.Transport;

/// <summary>Our server plumbing fed raw, sometimes hostile, HTTP requests.</summary>
public class ServerPlumbingTests
{
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

    private async Task<(HttpResponseMessage Response, byte[] Body, string? Status, string? Message)> PostAsync(
        byte[] body, string contentType = "application/grpc", Action<HttpRequestMessage>? configure = null, Version? version = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_server.Address, "/spark.connect.SparkConnectService/Config"))
        {
            Version = version ?? HttpVersion.Version20,
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
        return (response, bytes, Find("grpc-status"), Find("grpc-message"));
    }

    [Test]
    public async Task A_well_formed_request_gets_one_frame_and_status_OK_in_the_trailers()
    {
        var (response, body, status, _) = await PostAsync(GrpcFrameWriter.Frame(new ConfigRequest { SessionId = "x" }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/grpc"));
        Assert.That(response.TrailingHeaders.GetValues("grpc-status").Single(), Is.EqualTo("0"));
        Assert.That(status, Is.EqualTo("0"));
        Assert.That(ConfigResponse.Parser.ParseFrom(body.AsSpan(5)).SessionId, Is.EqualTo("ok"));
    }

    [Test]
    public async Task A_hostile_length_is_ResourceExhausted_and_the_handler_never_runs()
    {
        var (_, body, status, message) = await PostAsync([0, 0xFF, 0xFF, 0xFF, 0xF0, 1, 2, 3]);

        Assert.That(status, Is.EqualTo(((int)GrpcStatusCode.ResourceExhausted).ToString()));
        Assert.That(GrpcMessageCodec.Decode(message), Does.Contain("4096"));
        Assert.That(body, Is.Empty);
        Assert.That(_server.Calls, Is.Empty);
    }

    [Test]
    public async Task A_truncated_request_is_Internal()
    {
        byte[] frame = GrpcFrameWriter.Frame(new ConfigRequest { SessionId = "truncated" });

        var (_, _, status, message) = await PostAsync(frame[..^2]);

        Assert.That(status, Is.EqualTo(((int)GrpcStatusCode.Internal).ToString()));
        Assert.That(GrpcMessageCodec.Decode(message), Does.Contain("Truncated"));
    }

    [Test]
    public async Task An_empty_request_body_is_Internal()
    {
        var (_, _, status, message) = await PostAsync([]);

        Assert.That(status, Is.EqualTo(((int)GrpcStatusCode.Internal).ToString()));
        Assert.That(GrpcMessageCodec.Decode(message), Does.Contain("no message"));
    }

    [Test]
    public async Task Two_messages_for_a_unary_method_are_Internal()
    {
        byte[] frame = GrpcFrameWriter.Frame(new ConfigRequest());

        var (_, _, status, message) = await PostAsync([.. frame, .. frame]);

        Assert.That(status, Is.EqualTo(((int)GrpcStatusCode.Internal).ToString()));
        Assert.That(GrpcMessageCodec.Decode(message), Does.Contain("more than one"));
    }

    [Test]
    public async Task Bytes_that_are_not_the_request_message_are_Internal()
    {
        var (_, _, status, message) = await PostAsync([0, 0, 0, 0, 3, 0xFF, 0xFF, 0xFF]);

        Assert.That(status, Is.EqualTo(((int)GrpcStatusCode.Internal).ToString()));
        Assert.That(GrpcMessageCodec.Decode(message), Does.Contain("ConfigRequest"));
    }

    [Test]
    public async Task A_compressed_frame_without_grpc_encoding_is_Internal()
    {
        byte[] frame = GrpcFrameWriter.Frame(new ConfigRequest { SessionId = "x" });
        frame[0] = 1;

        var (_, _, status, _) = await PostAsync(frame);

        Assert.That(status, Is.EqualTo(((int)GrpcStatusCode.Internal).ToString()));
    }

    [Test]
    public async Task A_compressed_encoding_is_Unimplemented_and_advertises_identity()
    {
        var (response, _, status, _) = await PostAsync(GrpcFrameWriter.Frame(new ConfigRequest()),
            configure: r => r.Headers.TryAddWithoutValidation("grpc-encoding", "gzip"));

        Assert.That(status, Is.EqualTo(((int)GrpcStatusCode.Unimplemented).ToString()));
        Assert.That(response.Headers.GetValues("grpc-accept-encoding").Single(), Is.EqualTo("identity"));
    }

    [Test]
    public async Task A_malformed_grpc_timeout_is_rejected()
    {
        var (_, _, status, _) = await PostAsync(GrpcFrameWriter.Frame(new ConfigRequest()),
            configure: r => r.Headers.TryAddWithoutValidation("grpc-timeout", "soon"));

        Assert.That(status, Is.EqualTo(((int)GrpcStatusCode.Internal).ToString()));
        Assert.That(_server.Calls, Is.Empty);
    }

    [Test]
    public async Task The_server_enforces_grpc_timeout_itself_with_DeadlineExceeded()
    {
        _server.Config.Once(new ConfigResponse()).StallOnce();
        await PostAsync(GrpcFrameWriter.Frame(new ConfigRequest())); // warm-up

        var (_, body, status, _) = await PostAsync(GrpcFrameWriter.Frame(new ConfigRequest()),
            configure: r => r.Headers.TryAddWithoutValidation("grpc-timeout", "200m"));

        Assert.That(status, Is.EqualTo(((int)GrpcStatusCode.DeadlineExceeded).ToString()));
        Assert.That(body, Is.Empty);
        Assert.That((await _server.WaitForCallAsync("Config", callNumber: 2)).CancellationObserved, Is.True);
    }

    [Test]
    public async Task A_non_grpc_content_type_is_415()
    {
        var (response, _, status, _) = await PostAsync(GrpcFrameWriter.Frame(new ConfigRequest()), contentType: "application/json");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(status, Is.Null);
    }

    [Test]
    public async Task An_unexpected_handler_exception_is_Unknown_without_leaking_its_message()
    {
        _server.Config.Once((_, _) => throw new InvalidOperationException("connection string Password=hunter2"));

        var (_, _, status, message) = await PostAsync(GrpcFrameWriter.Frame(new ConfigRequest()));

        Assert.That(status, Is.EqualTo(((int)GrpcStatusCode.Unknown).ToString()));
        Assert.That(message, Does.Not.Contain("hunter2").And.Not.Contain("InvalidOperation"));
    }

    [Test]
    public async Task Services_can_come_from_dependency_injection()
    {
        await using var host = await ServiceHost.StartAsync(app => app.MapSparkConnect<FixedConfigService>(),
            services => services.AddSingleton<FixedConfigService>());
        await using var transport = new HttpGrpcTransport(new GrpcTransportOptions { Address = host.Address });

        ConfigResponse response = await transport.UnaryCallAsync(SparkConnectMethods.Config, new ConfigRequest(), GrpcCallOptions.Default, CancellationToken.None);
        var unimplemented = await Assert.ThrowsAsync<GrpcException>(() =>
            transport.UnaryCallAsync(SparkConnectMethods.GetStatus, new GetStatusRequest(), GrpcCallOptions.Default, CancellationToken.None));

        Assert.That(response.SessionId, Is.EqualTo("from-di"));
        Assert.That(unimplemented!.StatusCode, Is.EqualTo(GrpcStatusCode.Unimplemented));
    }

    [Test]
    public async Task An_http_1_1_request_is_told_to_use_http_2()
    {
        await using var host = await ServiceHost.StartAsync(app => app.MapSparkConnect(new FixedConfigService()),
            protocols: Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http1AndHttp2);
        using var content = new ByteArrayContent(GrpcFrameWriter.Frame(new ConfigRequest()));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");

        using HttpResponseMessage response = await _http.PostAsync(new Uri(host.Address, "/spark.connect.SparkConnectService/Config"), content);

        Assert.That(response.Version, Is.EqualTo(HttpVersion.Version11));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UpgradeRequired));
    }

    private sealed class FixedConfigService : SparkConnectServiceBase
    {
        public override Task<ConfigResponse> ConfigAsync(ConfigRequest request, SparkConnectCallContext context) =>
            Task.FromResult(new ConfigResponse { SessionId = "from-di" });
    }
}
