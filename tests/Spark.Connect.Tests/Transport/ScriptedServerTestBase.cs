using NUnit.Framework;
using Spark.Connect.TestServer;
using Spark.Connect.Transport;

namespace Spark.Connect.Tests.Transport;

/// <summary>A fresh scripted server and a transport pointed at it for every test.</summary>
public abstract class ScriptedServerTestBase
{
    protected ScriptedSparkConnectServer Server { get; private set; } = null!;

    protected HttpGrpcTransport Transport { get; private set; } = null!;

    /// <summary>A token that ends a test that would otherwise hang, long after any expected wait.</summary>
    protected static CancellationToken Guard => new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token;

    [SetUp]
    public async Task StartServerAsync()
    {
        Server = await ScriptedSparkConnectServer.StartAsync();
        Transport = new HttpGrpcTransport(Server.CreateTransportOptions());
    }

    [TearDown]
    public async Task StopServerAsync()
    {
        await Transport.DisposeAsync();
        await Server.DisposeAsync();
    }
}
