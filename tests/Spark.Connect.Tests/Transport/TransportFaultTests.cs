using NUnit.Framework;
using System.Net;
using System.Net.Sockets;
using Google.Protobuf;
using Spark.Connect.TestServer;
using Spark.Connect.Transport;

namespace Spark.Connect.Tests.Transport;

/// <summary>Deadlines, cancellation, limits, cut streams and TLS between our client and our server.</summary>
public class TransportFaultTests : ScriptedServerTestBase
{
    private static ExecutePlanResponse Batch(int index) => TransportEndToEndTests.Batch(index);

    [Test]
    public async Task A_passed_deadline_is_DeadlineExceeded_and_the_server_handler_is_cancelled()
    {
        Server.Config.Once(new ConfigResponse()).StallOnce();
        await WarmUpAsync();
        var options = new GrpcCallOptions { Timeout = TimeSpan.FromMilliseconds(200) };

        var error = await Assert.ThrowsAsync<GrpcException>(() => Transport.UnaryCallAsync(SparkConnectMethods.Config, new ConfigRequest(), options, Guard));

        Assert.That(error!.StatusCode, Is.EqualTo(GrpcStatusCode.DeadlineExceeded));
        RecordedCall call = await Server.WaitForCallAsync("Config", callNumber: 2);
        Assert.That(call.Deadline, Is.Not.Null, "grpc-timeout must reach the server");
        await call.Cancelled.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Test]
    public async Task A_deadline_also_stops_a_stream_after_some_messages()
    {
        Server.ExecutePlan.Once().StallOnce(Batch(1));
        await Transport.ServerStreamingCallAsync(SparkConnectMethods.ExecutePlan, new ExecutePlanRequest(), GrpcCallOptions.Default, Guard).ToListAsync();
        var options = new GrpcCallOptions { Timeout = TimeSpan.FromMilliseconds(300) };

        var received = new List<ExecutePlanResponse>();
        var error = await Assert.ThrowsAsync<GrpcException>(async () =>
        {
            await foreach (var response in Transport.ServerStreamingCallAsync(SparkConnectMethods.ExecutePlan, new ExecutePlanRequest(), options, Guard))
            {
                received.Add(response);
            }
        });

        Assert.That(error!.StatusCode, Is.EqualTo(GrpcStatusCode.DeadlineExceeded));
        Assert.That(received, Has.Count.EqualTo(1));
        await (await Server.WaitForCallAsync("ExecutePlan", callNumber: 2)).Cancelled.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Test]
    public async Task Cancelling_a_stream_raises_OperationCanceled_and_the_server_handler_observes_it()
    {
        Server.ExecutePlan.StallOnce(Batch(1));
        using var cancellation = new CancellationTokenSource();

        var error = await Assert.CatchAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in Transport.ServerStreamingCallAsync(SparkConnectMethods.ExecutePlan, new ExecutePlanRequest(), GrpcCallOptions.Default, cancellation.Token))
            {
                await cancellation.CancelAsync();
            }
        });

        Assert.That(error!.CancellationToken, Is.EqualTo(cancellation.Token));
        RecordedCall call = await Server.WaitForCallAsync("ExecutePlan");
        await call.Cancelled.WaitAsync(TimeSpan.FromSeconds(10));
        await call.Finished.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Test]
    public async Task Cancelling_a_unary_call_stops_it_on_the_server()
    {
        Server.Config.StallOnce();
        using var cancellation = new CancellationTokenSource();

        Task<ConfigResponse> pending = Transport.UnaryCallAsync(SparkConnectMethods.Config, new ConfigRequest(), GrpcCallOptions.Default, cancellation.Token);
        RecordedCall call = await Server.WaitForCallAsync("Config");
        await cancellation.CancelAsync();

        await Assert.CatchAsync<OperationCanceledException>(() => pending);
        await call.Cancelled.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Test]
    public async Task Abandoning_a_stream_early_cancels_it_on_the_server()
    {
        Server.ExecutePlan.StallOnce(Batch(1), Batch(2));

        await foreach (var response in Transport.ServerStreamingCallAsync(SparkConnectMethods.ExecutePlan, new ExecutePlanRequest(), GrpcCallOptions.Default, Guard))
        {
            Assert.That(response.ResponseId, Is.EqualTo("r1"));
            break;
        }

        await (await Server.WaitForCallAsync("ExecutePlan")).Cancelled.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Test]
    public async Task A_response_above_the_receive_limit_is_ResourceExhausted()
    {
        await using var small = CreateTransport(Server.CreateTransportOptions() with { MaxReceiveMessageSize = 64 * 1024 });
        Server.ExecutePlan.Once(new ExecutePlanResponse { ArrowBatch = new() { Data = ByteString.CopyFrom(new byte[200 * 1024]) } });

        var error = await Assert.ThrowsAsync<GrpcException>(async () =>
            await small.ServerStreamingCallAsync(SparkConnectMethods.ExecutePlan, new ExecutePlanRequest(), GrpcCallOptions.Default, Guard).ToListAsync());

        Assert.That(error!.StatusCode, Is.EqualTo(GrpcStatusCode.ResourceExhausted));
        Assert.That(error.Detail, Does.Contain("65536"));
    }

    [Test]
    public async Task Messages_of_several_megabytes_pass_within_the_limit()
    {
        var big = new ExecutePlanResponse { ArrowBatch = new() { Data = ByteString.CopyFrom(Enumerable.Range(0, 6 * 1024 * 1024).Select(i => (byte)i).ToArray()) } };
        Server.ExecutePlan.Once(big, big);

        var received = await Transport.ServerStreamingCallAsync(SparkConnectMethods.ExecutePlan, new ExecutePlanRequest(), GrpcCallOptions.Default, Guard).ToListAsync();

        Assert.That(received, Has.Count.EqualTo(2));
        Assert.That(received[1], Is.EqualTo(big));
    }

    [Test]
    public async Task A_request_above_the_server_limit_is_ResourceExhausted()
    {
        await using var server = await ScriptedSparkConnectServer.StartAsync(new ScriptedServerOptions { MaxReceiveMessageSize = 1024 });
        await using var transport = CreateTransport(server.CreateTransportOptions());
        server.Config.Always(new ConfigResponse());

        var error = await Assert.ThrowsAsync<GrpcException>(() => transport.UnaryCallAsync(SparkConnectMethods.Config,
            new ConfigRequest { SessionId = new string('x', 4096) }, GrpcCallOptions.Default, Guard));

        Assert.That(error!.StatusCode, Is.EqualTo(GrpcStatusCode.ResourceExhausted));
        Assert.That(server.Calls, Is.Empty, "the handler must not run for an oversized request");
    }

    [Test]
    public async Task A_stream_reset_mid_way_is_Internal_after_the_messages_sent_before_it()
    {
        Server.ExecutePlan.DropOnce(StreamDrop.ResetStream, Batch(1), Batch(2));

        var (received, error) = await ReadUntilFailure();

        Assert.That(error.StatusCode, Is.EqualTo(GrpcStatusCode.Internal));
        Assert.That(error.InnerException, Is.Not.Null);
        Assert.That(received, Is.EqualTo(new[] { "r1", "r2" }), "messages flushed before the reset must arrive");
    }

    [Test]
    public async Task A_connection_dropped_mid_stream_is_Unavailable()
    {
        Server.ExecutePlan.DropOnce(StreamDrop.CloseConnection, Batch(1));

        var (received, error) = await ReadUntilFailure();

        Assert.That(error.StatusCode, Is.EqualTo(GrpcStatusCode.Unavailable));
        Assert.That(received, Is.EqualTo(new[] { "r1" }), "messages flushed before the drop must arrive");
    }

    [Test]
    public async Task The_transport_keeps_working_after_a_dropped_connection()
    {
        Server.ExecutePlan.DropOnce(StreamDrop.CloseConnection, Batch(1)).Once(Batch(7));
        await ReadUntilFailure();

        var received = await Transport.ServerStreamingCallAsync(SparkConnectMethods.ExecutePlan, new ExecutePlanRequest(), GrpcCallOptions.Default, Guard).ToListAsync();

        Assert.That(received.Single().ResponseId, Is.EqualTo("r7"));
    }

    [Test]
    public async Task An_unreachable_server_is_Unavailable_with_the_cause_inside()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there any more
        await using var transport = CreateTransport(new GrpcTransportOptions { Address = new Uri($"http://127.0.0.1:{port}") });

        var error = await Assert.ThrowsAsync<GrpcException>(() => transport.UnaryCallAsync(SparkConnectMethods.Config, new ConfigRequest(), GrpcCallOptions.Default, Guard));

        Assert.That(error!.StatusCode, Is.EqualTo(GrpcStatusCode.Unavailable));
        Assert.That(error.InnerException, Is.InstanceOf<HttpRequestException>().Or.InstanceOf<System.Net.Sockets.SocketException>());
    }

    [Test]
    public async Task A_deadline_already_passed_fails_without_calling_the_server()
    {
        var options = new GrpcCallOptions { Timeout = TimeSpan.FromMilliseconds(-5) };

        var error = await Assert.ThrowsAsync<GrpcException>(() => Transport.UnaryCallAsync(SparkConnectMethods.Config, new ConfigRequest(), options, Guard));

        Assert.That(error!.StatusCode, Is.EqualTo(GrpcStatusCode.DeadlineExceeded));
        Assert.That(Server.Calls, Is.Empty);
    }

    [Test]
    public async Task A_server_that_never_completes_the_tls_handshake_is_Unavailable_after_the_connect_timeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start(); // accepts TCP (backlog) but never speaks TLS
        int port = ((IPEndPoint)silent.LocalEndpoint).Port;
        await using var transport = CreateTransport(new GrpcTransportOptions
        {
            Address = new Uri($"https://127.0.0.1:{port}"),
            ConnectTimeout = TimeSpan.FromMilliseconds(200),
        });

        var error = await Assert.ThrowsAsync<GrpcException>(() => transport.UnaryCallAsync(SparkConnectMethods.Config, new ConfigRequest(), GrpcCallOptions.Default, Guard));

        Assert.That(error!.StatusCode, Is.EqualTo(GrpcStatusCode.Unavailable));
        Assert.That(error.InnerException, Is.Not.Null);
    }

    [Test]
    public async Task Tls_with_the_pinned_self_signed_certificate_works()
    {
        await using var server = await ScriptedSparkConnectServer.StartAsync(new ScriptedServerOptions { UseTls = true });
        await using var transport = CreateTransport(server.CreateTransportOptions());
        server.Config.Always((r, _) => new ConfigResponse { SessionId = r.SessionId });

        var response = await transport.UnaryCallAsync(SparkConnectMethods.Config, new ConfigRequest { SessionId = "tls" }, GrpcCallOptions.Default, Guard);

        Assert.That(server.Address.Scheme, Is.EqualTo("https"));
        Assert.That(server.ConnectionString, Does.EndWith(";use_ssl=true"));
        Assert.That(response.SessionId, Is.EqualTo("tls"));
    }

    [Test]
    public async Task Tls_with_an_untrusted_certificate_is_Unavailable()
    {
        await using var server = await ScriptedSparkConnectServer.StartAsync(new ScriptedServerOptions { UseTls = true });
        await using var transport = CreateTransport(new GrpcTransportOptions { Address = server.Address });

        var error = await Assert.ThrowsAsync<GrpcException>(() => transport.UnaryCallAsync(SparkConnectMethods.Config, new ConfigRequest(), GrpcCallOptions.Default, Guard));

        Assert.That(error!.StatusCode, Is.EqualTo(GrpcStatusCode.Unavailable));
        Assert.That(server.Calls, Is.Empty);
    }

    [Test]
    public async Task The_constructor_validates_options_and_does_no_io()
    {
        Assert.Throws<ArgumentException>(() => _ = CreateTransport(new GrpcTransportOptions { Address = new Uri("sc://host:15002") }));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = CreateTransport(Server.CreateTransportOptions() with { MaxReceiveMessageSize = 0 }));
        var tooFrequent = Assert.Throws<ArgumentOutOfRangeException>(() =>
            _ = CreateTransport(Server.CreateTransportOptions() with { KeepAlivePingDelay = TimeSpan.FromMilliseconds(10) }));
        Assert.That(tooFrequent!.Message, Does.Contain("KeepAlivePingDelay"));
        await Assert.DoesNotThrowAsync(async () => await CreateTransport(new GrpcTransportOptions { Address = new Uri("http://unresolvable.invalid:1") }).DisposeAsync());
    }

    /// <summary>One successful call first, so that a short deadline measures the call, not connecting and JIT.</summary>
    private Task WarmUpAsync() => Transport.UnaryCallAsync(SparkConnectMethods.Config, new ConfigRequest(), GrpcCallOptions.Default, Guard);

    private async Task<(List<string> Received, GrpcException Error)> ReadUntilFailure()
    {
        var received = new List<string>();
        try
        {
            await foreach (var response in Transport.ServerStreamingCallAsync(SparkConnectMethods.ExecutePlan, new ExecutePlanRequest(), GrpcCallOptions.Default, Guard))
            {
                received.Add(response.ResponseId);
            }
        }
        catch (GrpcException error)
        {
            return (received, error);
        }

        Assert.Fail("The stream ended normally; it should have failed.");
        throw new InvalidOperationException();
    }
}
