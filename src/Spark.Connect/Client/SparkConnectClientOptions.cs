using Microsoft.Extensions.Logging;
using Spark.Connect.Transport;

namespace Spark.Connect;

/// <summary>How a <see cref="SparkConnectClient"/> connects and behaves.</summary>
public sealed class SparkConnectClientOptions
{
    /// <summary>
    /// The <c>sc://host[:port]/;key=value…</c> connection string. When null, the
    /// <c>SPARK_REMOTE</c> environment variable is used.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Lets a bearer token travel over plain HTTP/2 when the connection string says
    /// <c>use_ssl=false</c>. Off by default: tokens otherwise only travel over TLS.
    /// </summary>
    public bool AllowTokenWithoutTls { get; set; }

    /// <summary>When and how failed calls are retried.</summary>
    public RetryPolicy RetryPolicy { get; set; } = new();

    /// <summary>
    /// Whether executions are reattachable (the default, as in the official clients): a result
    /// stream the server ends early, or a dropped connection, is resumed with <c>ReattachExecute</c>
    /// from the last response received instead of failing or silently truncating results.
    /// </summary>
    public bool ReattachableExecution { get; set; } = true;

    /// <summary>
    /// The <c>client_type</c> sent with every request (server-side logging only). Defaults to the
    /// connection string's <c>user_agent</c>, else a string naming this library, .NET and the OS.
    /// </summary>
    public string? ClientType { get; set; }

    /// <summary>The deadline of each unary call (analyze, config, interrupt, release). Null: none.</summary>
    public TimeSpan? UnaryCallTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Where the client logs retries, reattaches and releases. Tokens are never logged.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// Creates the transport for a parsed connection string. Null: <see cref="GrpcNetClientTransport"/> (Grpc.Net.Client). Set it to
    /// plug in another gRPC implementation or to adjust transport settings.
    /// </summary>
    public Func<SparkConnectionString, IGrpcTransport>? TransportFactory { get; set; }

    /// <summary>
    /// Adjusts the settings of the default transport (keep-alive, connect timeout, certificate
    /// validation for private deployments) before it is created. Ignored when <see cref="TransportFactory"/> is set.
    /// </summary>
    public Func<GrpcTransportOptions, GrpcTransportOptions>? ConfigureTransport { get; set; }

    /// <summary>A shallow copy, so callers can adjust settings without changing options they were given.</summary>
    internal SparkConnectClientOptions Copy() => (SparkConnectClientOptions)MemberwiseClone();

    /// <summary>Replaces the waits between retries (tests use it to observe waits without sleeping).</summary>
    internal Func<TimeSpan, CancellationToken, Task>? RetryDelay { get; set; }
}
