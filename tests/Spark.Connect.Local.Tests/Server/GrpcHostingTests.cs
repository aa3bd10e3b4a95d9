using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Spark.Connect.Transport;

namespace Spark.Connect.Local.Tests.Server;

/// <summary>
/// How the local engine is hosted (Grpc.AspNetCore on Kestrel h2c): Spark's 128 MiB request limit, what happens
/// to requests that never reach the service, and the answers for RPCs it does not serve.
/// </summary>
public sealed class GrpcHostingTests : LocalServerTestBase
{
    private const int SparkMaxInboundMessageSize = 128 * 1024 * 1024;

    private static byte[] Frame(uint declaredLength, ReadOnlySpan<byte> payload)
    {
        var frame = new byte[5 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), declaredLength);
        payload.CopyTo(frame.AsSpan(5));
        return frame;
    }

    private async Task<(string? Status, string? Message, HttpResponseMessage Response)> PostAsync(string method, byte[] body,
        Action<HttpRequestMessage>? configure = null)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{Server.Port}/spark.connect.SparkConnectService/{method}")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        configure?.Invoke(request);
        var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        string? Find(string name) =>
            response.Headers.TryGetValues(name, out var v) ? v.First() : response.TrailingHeaders.TryGetValues(name, out var t) ? t.First() : null;
        var message = Find("grpc-message");
        return (Find("grpc-status"), message is null ? null : Uri.UnescapeDataString(message), response);
    }

    private static string Code(GrpcStatusCode code) => ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public async Task Requests_may_be_128_MiB_like_Spark_and_a_larger_one_is_ResourceExhausted_before_it_is_read()
    {
        // Only the frame header is sent: the size check comes before the payload, so a short body tells them apart.
        var (over, _, _) = await PostAsync("Config", Frame(SparkMaxInboundMessageSize + 1, [1, 2, 3]));
        var (atLimit, atLimitMessage, _) = await PostAsync("Config", Frame(SparkMaxInboundMessageSize, [1, 2, 3]));

        Assert.That(over, Is.EqualTo(Code(GrpcStatusCode.ResourceExhausted)));
        Assert.That(atLimit, Is.EqualTo(Code(GrpcStatusCode.Internal)), "a 128 MiB message is accepted; this one only ends too early");
        Assert.That(atLimitMessage, Does.Contain("Incomplete"));
    }

    [Test]
    public async Task Bytes_that_are_not_the_request_message_are_Internal_naming_the_message()
    {
        var (status, message, _) = await PostAsync("Config", Frame(3, [0xFF, 0xFF, 0xFF]));

        Assert.That(status, Is.EqualTo(Code(GrpcStatusCode.Internal)));
        Assert.That(message, Does.Contain("ConfigRequest"));
    }

    [Test]
    public async Task A_well_formed_raw_request_is_served()
    {
        var payload = new ConfigRequest
        {
            SessionId = Guid.NewGuid().ToString(),
            UserContext = new UserContext { UserId = "raw" },
            Operation = new ConfigRequest.Types.Operation { Get = new() { Keys = { "spark.sql.session.timeZone" } } },
        }.ToByteArray();

        var (status, _, response) = await PostAsync("Config", Frame((uint)payload.Length, payload));

        Assert.That(status, Is.EqualTo("0"));
        Assert.That(response.TrailingHeaders.Contains("grpc-status"), Is.True, "after a message the status travels in trailers");
    }

    [TestCase("CloneSession")]
    [TestCase("GetStatus")]
    [TestCase("ArtifactStatus")]
    public async Task Rpcs_the_engine_does_not_serve_are_Unimplemented_and_named(string method)
    {
        var (status, message, _) = await PostAsync(method, Frame(0, []));

        Assert.That(status, Is.EqualTo(Code(GrpcStatusCode.Unimplemented)));
        Assert.That(message, Does.Contain("spark.connect.SparkConnectService/" + method));
    }

    [Test]
    public async Task An_unknown_method_is_Unimplemented()
    {
        var (status, _, _) = await PostAsync("NoSuchRpc", Frame(0, []));

        Assert.That(status, Is.EqualTo(Code(GrpcStatusCode.Unimplemented)));
    }

    [Test]
    public async Task A_passed_deadline_cancels_the_call_with_DeadlineExceeded()
    {
        var client = NewClient();
        await RowsAsync(client, Sql("SELECT 1"));
        // A cross join large enough to outlast the deadline; the deadline, not the query, must end the call.
        var slow = Sql("SELECT count(*) FROM range(1000000000) a, range(1000000) b WHERE a.id + b.id = -1");
        var transport = new GrpcNetClientTransport(new GrpcTransportOptions { Address = new Uri($"http://127.0.0.1:{Server.Port}") });
        await using var _ = transport;
        var request = new ExecutePlanRequest { SessionId = Guid.NewGuid().ToString(), UserContext = new UserContext { UserId = "u" }, Plan = slow };

        var error = await Assert.ThrowsAsync<GrpcException>(async () =>
        {
            await foreach (var response in transport.ServerStreamingCallAsync(SparkConnectMethods.ExecutePlan, request,
                new GrpcCallOptions { Timeout = TimeSpan.FromMilliseconds(500) }, CancellationToken.None))
            {
            }
        });

        Assert.That(error!.StatusCode, Is.EqualTo(GrpcStatusCode.DeadlineExceeded));
        var stopped = System.Diagnostics.Stopwatch.StartNew();
        while (Server.Service.Sessions.All.Any(s => s.Operations.Count > 0) && stopped.Elapsed < TimeSpan.FromSeconds(10))
            await Task.Delay(20);
        Assert.That(Server.Service.Sessions.All.SelectMany(s => s.Operations.Values), Is.Empty, "the deadline interrupts the statement");
        Assert.That(await RowsAsync(client, Sql("SELECT 2 AS two")), Is.EqualTo(new[] { new object?[] { 2 } }));
    }
}
