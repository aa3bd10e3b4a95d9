using System.Net;
using System.Security.Cryptography.X509Certificates;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spark.Connect.Transport;

namespace Spark.Connect.TestServer;

/// <summary>
/// An in-process Spark Connect server (Grpc.AspNetCore on Kestrel, 127.0.0.1, random port, h2c or TLS) whose
/// RPCs are scripted by the test. It records every call (<see cref="Calls"/>) and offers fault helpers on
/// each RPC script (errors with details, dropped streams, stalls).
/// </summary>
/// <remarks>
/// ReleaseExecute and ReleaseSession answer with an empty success echoing the session id by
/// default (clients send them in the background); every other RPC answers Unimplemented until scripted.
/// </remarks>
public sealed class ScriptedSparkConnectServer : IAsyncDisposable
{
    private readonly List<RecordedCall> _calls = [];
    private readonly List<(string Rpc, int Number, TaskCompletionSource<RecordedCall> Waiter)> _waiters = [];
    private WebApplication _app = null!;

    private ScriptedSparkConnectServer(X509Certificate2? certificate)
    {
        Certificate = certificate;
    }

    /// <summary>The base address, <c>http://127.0.0.1:PORT</c> (or https with TLS).</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>The Spark Connect connection string for this server, e.g. <c>sc://127.0.0.1:PORT</c>.</summary>
    public string ConnectionString { get; private set; } = null!;

    /// <summary>The self-signed server certificate when TLS is on, otherwise null.</summary>
    public X509Certificate2? Certificate { get; }

    /// <summary>ExecutePlan (server streaming).</summary>
    public ScriptedStreamingRpc<ExecutePlanRequest, ExecutePlanResponse> ExecutePlan { get; } = new("ExecutePlan");

    /// <summary>ReattachExecute (server streaming).</summary>
    public ScriptedStreamingRpc<ReattachExecuteRequest, ExecutePlanResponse> ReattachExecute { get; } = new("ReattachExecute");

    /// <summary>AnalyzePlan.</summary>
    public ScriptedUnaryRpc<AnalyzePlanRequest, AnalyzePlanResponse> AnalyzePlan { get; } = new("AnalyzePlan");

    /// <summary>Config.</summary>
    public ScriptedUnaryRpc<ConfigRequest, ConfigResponse> Config { get; } = new("Config");

    /// <summary>ArtifactStatus.</summary>
    public ScriptedUnaryRpc<ArtifactStatusesRequest, ArtifactStatusesResponse> ArtifactStatus { get; } = new("ArtifactStatus");

    /// <summary>Interrupt.</summary>
    public ScriptedUnaryRpc<InterruptRequest, InterruptResponse> Interrupt { get; } = new("Interrupt");

    /// <summary>ReleaseExecute; by default answers success.</summary>
    public ScriptedUnaryRpc<ReleaseExecuteRequest, ReleaseExecuteResponse> ReleaseExecute { get; } = new("ReleaseExecute",
        (r, _) => Task.FromResult(new ReleaseExecuteResponse { SessionId = r.SessionId, OperationId = r.OperationId }));

    /// <summary>ReleaseSession; by default answers success.</summary>
    public ScriptedUnaryRpc<ReleaseSessionRequest, ReleaseSessionResponse> ReleaseSession { get; } = new("ReleaseSession",
        (r, _) => Task.FromResult(new ReleaseSessionResponse { SessionId = r.SessionId }));

    /// <summary>FetchErrorDetails.</summary>
    public ScriptedUnaryRpc<FetchErrorDetailsRequest, FetchErrorDetailsResponse> FetchErrorDetails { get; } = new("FetchErrorDetails");

    /// <summary>CloneSession.</summary>
    public ScriptedUnaryRpc<CloneSessionRequest, CloneSessionResponse> CloneSession { get; } = new("CloneSession");

    /// <summary>GetStatus.</summary>
    public ScriptedUnaryRpc<GetStatusRequest, GetStatusResponse> GetStatus { get; } = new("GetStatus");

    /// <summary>A snapshot of every call received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedCall> Calls
    {
        get
        {
            lock (_calls)
            {
                return _calls.ToArray();
            }
        }
    }

    /// <summary>Starts a server on 127.0.0.1 and a free port.</summary>
    public static async Task<ScriptedSparkConnectServer> StartAsync(ScriptedServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ScriptedServerOptions();
        X509Certificate2? certificate = options.UseTls ? SelfSignedCertificate.Create() : null;

        var server = new ScriptedSparkConnectServer(certificate);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = options.MaxReceiveMessageSize;
            grpc.EnableDetailedErrors = options.IncludeExceptionDetails;
            // Unknown methods get our own answer, which names the method (UnknownMethodEndpoint).
            grpc.IgnoreUnknownServices = true;
        });
        builder.Services.AddSingleton(new ScriptedService(server));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            listen.Use(next => connection =>
            {
                connection.Items[ScriptedCall.ConnectionItemKey] = connection;
                return next(connection);
            });
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));

        WebApplication app = builder.Build();
        server._app = app;
        app.MapGrpcService<ScriptedService>();
        UnknownMethodEndpoint.Map(app);

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var bound = new Uri(address);
        server.Address = new Uri($"{bound.Scheme}://127.0.0.1:{bound.Port}");
        server.ConnectionString = $"sc://127.0.0.1:{bound.Port}" + (certificate is null ? string.Empty : "/;use_ssl=true");
        return server;
    }

    /// <summary>
    /// Transport options pointed at this server; with TLS they trust exactly
    /// this server's self-signed certificate.
    /// </summary>
    public GrpcTransportOptions CreateTransportOptions()
    {
        X509Certificate2? expected = Certificate;
        return new GrpcTransportOptions
        {
            Address = Address,
            RemoteCertificateValidationCallback = expected is null
                ? null
                : (_, certificate, _, _) => certificate is not null && certificate.GetCertHashString() == expected.GetCertHashString(),
        };
    }

    /// <summary>The calls received by <paramref name="rpc"/> so far.</summary>
    public IReadOnlyList<RecordedCall> CallsTo(string rpc) => Calls.Where(c => c.Rpc == rpc).ToArray();

    /// <summary>The request messages of type <typeparamref name="T"/> received so far.</summary>
    public IReadOnlyList<T> RequestsOf<T>() where T : IMessage => Calls.Select(c => c.Request).OfType<T>().ToArray();

    /// <summary>Waits until call number <paramref name="callNumber"/> of <paramref name="rpc"/> arrived (default timeout 10 s).</summary>
    /// <exception cref="TimeoutException">The call did not arrive in time.</exception>
    public async Task<RecordedCall> WaitForCallAsync(string rpc, int callNumber = 1, TimeSpan? timeout = null)
    {
        TaskCompletionSource<RecordedCall> waiter = new(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_calls)
        {
            RecordedCall? arrived = _calls.FirstOrDefault(c => c.Rpc == rpc && c.CallNumber == callNumber);
            if (arrived is not null)
            {
                return arrived;
            }

            _waiters.Add((rpc, callNumber, waiter));
        }

        try
        {
            return await waiter.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            lock (_calls)
            {
                _waiters.RemoveAll(w => w.Waiter == waiter);
            }

            throw new TimeoutException($"The scripted server did not receive {rpc} call #{callNumber} in time; it received: {string.Join(", ", Calls)}.");
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        using (var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
        {
            await _app.StopAsync(stopping.Token).ConfigureAwait(false);
        }

        await _app.DisposeAsync().ConfigureAwait(false);
        Certificate?.Dispose();
    }

    internal RecordedCall Record(string rpc, int callNumber, IMessage request, ServerCallContext context)
    {
        // The HTTP request's own headers, not ServerCallContext.RequestHeaders: tests also look at content-type and te.
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in context.GetHttpContext().Request.Headers)
        {
            foreach (string? value in values)
            {
                headers.Add(new(name.ToLowerInvariant(), value ?? string.Empty));
            }
        }

        DateTimeOffset? deadline = context.Deadline == DateTime.MaxValue ? null : new DateTimeOffset(context.Deadline, TimeSpan.Zero);
        var record = new RecordedCall(rpc, callNumber, request, headers, deadline);
        List<TaskCompletionSource<RecordedCall>> ready = [];
        lock (_calls)
        {
            _calls.Add(record);
            ready.AddRange(_waiters.Where(w => w.Rpc == rpc && w.Number == callNumber).Select(w => w.Waiter));
            _waiters.RemoveAll(w => w.Rpc == rpc && w.Number == callNumber);
        }

        foreach (var waiter in ready)
        {
            waiter.TrySetResult(record);
        }

        return record;
    }
}
