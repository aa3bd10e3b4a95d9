using NUnit.Framework;
using Spark.Connect.TestServer;
using Spark.Connect.Transport;

namespace Spark.Connect.Tests.Transport;

/// <summary>The two implementations of <see cref="IGrpcTransport"/>, which must behave the same.</summary>
public enum TransportKind
{
    /// <summary>Our HTTP/2 transport on SocketsHttpHandler.</summary>
    Http,

    /// <summary>The official Grpc.Net.Client.</summary>
    GrpcNetClient,
}

/// <summary>Creates a transport of a kind.</summary>
public static class Transports
{
    public static IGrpcTransport Create(TransportKind kind, GrpcTransportOptions options) => kind == TransportKind.Http
        ? new HttpGrpcTransport(options)
        : new GrpcNetClientTransport(options);
}

/// <summary>
/// A fresh scripted server and a transport pointed at it for every test; every fixture deriving from this runs
/// once per <see cref="TransportKind"/>, so both transports meet the same contract.
/// </summary>
public abstract class ScriptedServerTestBase(TransportKind kind)
{
    /// <summary>The fixture arguments: every transport.</summary>
    public static readonly object[] Kinds = [TransportKind.Http, TransportKind.GrpcNetClient];

    protected ScriptedSparkConnectServer Server { get; private set; } = null!;

    /// <summary>Which transport this fixture runs.</summary>
    protected TransportKind Kind => kind;

    protected IGrpcTransport Transport { get; private set; } = null!;

    /// <summary>A transport of this fixture's kind.</summary>
    protected IGrpcTransport CreateTransport(GrpcTransportOptions options) => Transports.Create(kind, options);

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
