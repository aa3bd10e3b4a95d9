using System.Net.Security;
using Microsoft.Extensions.Logging;

namespace Spark.Connect.Transport;

/// <summary>Settings of a <see cref="GrpcNetClientTransport"/>: where the server is and how the connection behaves.</summary>
public sealed record GrpcTransportOptions
{
    /// <summary>The default <see cref="MaxReceiveMessageSize"/>: 128 MiB, Spark's own default inbound limit.</summary>
    public const int DefaultMaxReceiveMessageSize = 128 * 1024 * 1024;

    /// <summary>
    /// The server address, <c>http://host:port</c> (HTTP/2 without TLS, prior knowledge) or
    /// <c>https://host:port</c> (HTTP/2 over TLS). A path, if any, is prefixed to every method path.
    /// </summary>
    public required Uri Address { get; init; }

    /// <summary>
    /// The largest response message accepted, in bytes. A larger frame fails the call with
    /// <see cref="GrpcStatusCode.ResourceExhausted"/> before its payload is allocated.
    /// </summary>
    public int MaxReceiveMessageSize { get; init; } = DefaultMaxReceiveMessageSize;

    /// <summary>
    /// How long a connection may stay silent during a call before an HTTP/2 PING is sent.
    /// Disabled (<see cref="Timeout.InfiniteTimeSpan"/>) by default, because gRPC servers reject
    /// pings more frequent than they permit (grpc-java allows one per 5 minutes unless configured).
    /// </summary>
    public TimeSpan KeepAlivePingDelay { get; init; } = Timeout.InfiniteTimeSpan;

    /// <summary>How long to wait for a PING acknowledgement before the connection is considered dead.</summary>
    public TimeSpan KeepAlivePingTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long establishing a connection (TCP and TLS) may take; failing calls get <see cref="GrpcStatusCode.Unavailable"/>.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Replaces the normal server-certificate validation for <c>https</c> addresses. Meant for tests
    /// and private deployments (e.g. pinning a self-signed certificate); leave null in production.
    /// </summary>
    public RemoteCertificateValidationCallback? RemoteCertificateValidationCallback { get; init; }

    /// <summary>The <c>user-agent</c> sent with every call.</summary>
    public string UserAgent { get; init; } = "spark-connect-dotnet/" +
        (typeof(GrpcTransportOptions).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    /// <summary>Receives debug logs of calls (method and status only; never header values).</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>
    /// Interceptors every call passes through, outermost first (logging, tracing, custom auth).
    /// </summary>
    public IReadOnlyList<Grpc.Core.Interceptors.Interceptor> Interceptors { get; init; } = [];

    /// <summary>
    /// Last say over the official client's channel options (compression providers, service config, …) before the
    /// channel is created; <see cref="GrpcNetClientTransport"/> has already set the handler, limits and logger.
    /// </summary>
    public Action<Grpc.Net.Client.GrpcChannelOptions>? ConfigureChannel { get; init; }
}
