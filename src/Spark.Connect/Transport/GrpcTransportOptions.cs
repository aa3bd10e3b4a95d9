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

    /// <summary>The default <see cref="MaxResponseNestingDepth"/>: 100, protobuf's own default recursion limit.</summary>
    public const int DefaultMaxResponseNestingDepth = 100;

    /// <summary>The default <see cref="MaxResponseHeadersLength"/>: 64 KiB, <see cref="SocketsHttpHandler"/>'s default.</summary>
    public const int DefaultMaxResponseHeadersLength = 64;

    /// <summary>
    /// How long a connection may receive nothing while a call is active before an HTTP/2 PING checks it; together
    /// with <see cref="KeepAlivePingTimeout"/> this is how fast a dead connection (a host gone, a NAT or proxy that
    /// dropped the flow) is found while a result streams. Default 30 s. Pings are sent only while calls are active
    /// and only when nothing arrives: grpc-java servers (Spark) allow one ping per 5 minutes while they send nothing
    /// and answer a fourth early ping with GOAWAY, which the client then treats like any lost connection.
    /// <see cref="Timeout.InfiniteTimeSpan"/> turns pings off; at least one second otherwise.
    /// </summary>
    public TimeSpan KeepAlivePingDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long to wait for a PING acknowledgement before the connection is considered dead; its calls then fail as
    /// <see cref="GrpcStatusCode.Unavailable"/> (an execution reattaches on a new connection). Default 10 s.
    /// </summary>
    public TimeSpan KeepAlivePingTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How deeply protobuf messages in a response may nest (each message inside another is one level; a struct inside
    /// a struct in a schema is three). Deeper responses fail with <see cref="SparkConnectLimitException"/> before they
    /// are built. Default <see cref="DefaultMaxResponseNestingDepth"/>.
    /// </summary>
    public int MaxResponseNestingDepth { get; init; } = DefaultMaxResponseNestingDepth;

    /// <summary>
    /// The largest response header block (and trailer block) accepted, in KiB. Larger ones fail the call with
    /// <see cref="SparkConnectLimitException"/> (<see cref="GrpcStatusCode.ResourceExhausted"/>). Default
    /// <see cref="DefaultMaxResponseHeadersLength"/> KiB.
    /// </summary>
    public int MaxResponseHeadersLength { get; init; } = DefaultMaxResponseHeadersLength;

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
