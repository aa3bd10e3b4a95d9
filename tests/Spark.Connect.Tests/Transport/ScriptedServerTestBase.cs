using NUnit.Framework;
using Spark.Connect.TestServer;
using Spark.Connect.Transport;

namespace Spark.Connect.Tests.Transport;

/// <summary>
/// A fresh scripted server and a <see cref="GrpcNetClientTransport"/> pointed at it for every test.
/// </summary>
public abstract class ScriptedServerTestBase
{
    protected ScriptedSparkConnectServer Server { get; private set; } = null!;

    protected IGrpcTransport Transport { get; private set; } = null!;

    /// <summary>A transport with other options; the caller disposes it.</summary>
    protected static IGrpcTransport CreateTransport(GrpcTransportOptions options) => new GrpcNetClientTransport(options);

    /// <summary>A token that ends a test that would otherwise hang, long after any expected wait.</summary>
    protected static CancellationToken Guard => new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token;

    [SetUp]
    public async Task StartServerAsync()
    {
        Server = await ScriptedSparkConnectServer.StartAsync();
        Transport = CreateTransport(Server.CreateTransportOptions());
    }

    [TearDown]
    public async Task StopServerAsync()
    {
        await Transport.DisposeAsync();
        await Server.DisposeAsync();
    }
}
