using NUnit.Framework;
using Spark.Connect.TestServer;
using Spark.Connect.Transport;

namespace Spark.Connect.Tests.Transport;

/// <summary>Many calls sharing one transport, and calls cancelled before they start.</summary>
public class TransportConcurrencyTests
{
    [Test]
    public async Task Concurrent_unary_and_streaming_calls_share_one_transport()
    {
        await using var server = await ScriptedSparkConnectServer.StartAsync();
        await using var transport = new GrpcNetClientTransport(server.CreateTransportOptions());
        server.Config.Always((r, _) => new ConfigResponse { SessionId = r.SessionId });
        server.ExecutePlan.Always((r, _) => Enumerable.Range(1, 10).Select(i => new ExecutePlanResponse { OperationId = r.OperationId, ResponseId = $"{i}" }));
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var unary = Enumerable.Range(0, 40).Select(i =>
            transport.UnaryCallAsync(SparkConnectMethods.Config, new ConfigRequest { SessionId = $"s{i}" }, GrpcCallOptions.Default, guard.Token));
        var streams = Enumerable.Range(0, 10).Select(i =>
            transport.ServerStreamingCallAsync(SparkConnectMethods.ExecutePlan, new ExecutePlanRequest { OperationId = $"op{i}" }, GrpcCallOptions.Default, guard.Token).ToListAsync().AsTask());

        ConfigResponse[] answers = await Task.WhenAll(unary);
        List<ExecutePlanResponse>[] results = await Task.WhenAll(streams);

        Assert.That(answers.Select(a => a.SessionId), Is.EqualTo(Enumerable.Range(0, 40).Select(i => $"s{i}")));
        for (int i = 0; i < results.Length; i++)
        {
            Assert.That(results[i].Select(r => r.OperationId).Distinct(), Is.EqualTo(new[] { $"op{i}" }));
            Assert.That(results[i], Has.Count.EqualTo(10));
        }

        Assert.That(server.Calls, Has.Count.EqualTo(50));
    }

    [Test]
    public async Task A_call_whose_token_is_already_cancelled_never_reaches_the_server()
    {
        await using var server = await ScriptedSparkConnectServer.StartAsync();
        await using var transport = new GrpcNetClientTransport(server.CreateTransportOptions());
        server.Config.Always(new ConfigResponse());

        await Assert.CatchAsync<OperationCanceledException>(() =>
            transport.UnaryCallAsync(SparkConnectMethods.Config, new ConfigRequest(), GrpcCallOptions.Default, new CancellationToken(canceled: true)));

        Assert.That(server.Calls, Is.Empty);
    }

    [Test]
    public async Task A_disposed_transport_refuses_new_calls()
    {
        await using var server = await ScriptedSparkConnectServer.StartAsync();
        var transport = new GrpcNetClientTransport(server.CreateTransportOptions());
        await transport.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() =>
            transport.UnaryCallAsync(SparkConnectMethods.Config, new ConfigRequest(), GrpcCallOptions.Default, CancellationToken.None));
    }
}
