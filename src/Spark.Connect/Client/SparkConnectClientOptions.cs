using System.Diagnostics.Metrics;
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

    /// <summary>
    /// How many times in a row an execution may be resumed with <c>ReattachExecute</c> after a stream that ended
    /// without <c>result_complete</c> and without any new response. Streams that end within a second of opening with
    /// nothing also wait the <see cref="RetryPolicy"/> backoff first, so a server that keeps ending streams at once is
    /// not called in a loop. Past the limit the execution fails with <see cref="SparkConnectLimitException"/>. Default
    /// 20; a Spark server ends a silent stream every 2 minutes (<c>spark.connect.execute.reattachable.senderMaxStreamDuration</c>),
    /// so the default allows about 40 minutes without a response from servers that send no progress (Spark 3.5).
    /// </summary>
    public int MaxReattachesWithoutProgress { get; set; } = 20;

    /// <summary>
    /// The longest wait for the next response of an execution's stream (the connection alive, the server silent, or a
    /// message that never finishes arriving). When it passes the stream is dropped and, for a reattachable execution,
    /// resumed with <c>ReattachExecute</c> as after a lost connection (counted by <see cref="RetryPolicy"/>); a
    /// non-reattachable execution fails with <see cref="SparkConnectLimitException"/>. Default 5 minutes (Spark sends
    /// progress every 2 s, or ends a silent stream after 2 minutes); null waits without limit. A dead connection is
    /// found sooner by keep-alive pings (<see cref="GrpcTransportOptions.KeepAlivePingDelay"/>).
    /// </summary>
    public TimeSpan? ResponseIdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The deepest plan the client sends, in protobuf nesting levels of the whole request (as Spark's server
    /// counts them). Default 1,024, the server's <c>spark.connect.grpc.marshallerRecursionLimit</c>: a deeper
    /// plan fails there anyway, and refusing it here (<see cref="SparkPlanTooDeepException"/>) also keeps
    /// protobuf's recursive serialization from overflowing the stack. Raise it only with the server's limit.
    /// </summary>
    public int MaxPlanDepth { get; set; } = PlanDepth.SparkServerLimit;

    /// <summary>The deadline of each unary call (analyze, config, interrupt, release). Null: none.</summary>
    public TimeSpan? UnaryCallTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a client that has never reached its server keeps retrying failures to connect (refused, unknown host, TLS
    /// failure, connect timeout) before the call fails with <see cref="SparkConnectLimitException"/> naming the server's
    /// host:port and this setting. Once any call has had an answer, a lost server is retried per <see cref="RetryPolicy"/>
    /// (a restart takes minutes). Default 10 s; null: only the <see cref="RetryPolicy"/> bounds it. One attempt to a host
    /// that drops packets lasts up to <see cref="GrpcTransportOptions.ConnectTimeout"/> (30 s) first.
    /// </summary>
    public TimeSpan? InitialConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Where the client logs each operation (an execution's start at Debug, its end at Information with operation id,
    /// duration, rows, batches and bytes), retries, reattaches and releases. Tokens and header values are never logged.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// Makes the client's <see cref="System.Diagnostics.Metrics.Meter"/> (<see cref="SparkConnectDiagnostics.MeterName"/>)
    /// through the application's factory, as dependency injection does; null: one shared static meter.
    /// </summary>
    public IMeterFactory? MeterFactory { get; set; }

    /// <summary>
    /// Lets logs and spans carry what may quote values from queries or data: the literal values in the plan text
    /// Spark.Linq logs at Debug, and the messages of failures (Spark's messages can quote a value that failed to
    /// convert). Off by default. Tokens and header values are never logged either way.
    /// </summary>
    public bool EnableSensitiveDataLogging { get; set; }

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

    /// <summary>Checks the settings that the connection string does not; throws <see cref="ArgumentOutOfRangeException"/> naming the bad one.</summary>
    public void Validate()
    {
        RetryPolicy.Validate();
        ValidateOwnSettings();
    }

    /// <summary>The checks of <see cref="Validate"/> that are not the <see cref="RetryPolicy"/>'s.</summary>
    internal void ValidateOwnSettings()
    {
        if (MaxReattachesWithoutProgress < 0)
            throw new ArgumentOutOfRangeException(nameof(MaxReattachesWithoutProgress), MaxReattachesWithoutProgress, "MaxReattachesWithoutProgress must be 0 or more.");
        if (ResponseIdleTimeout is { } idle && idle <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(ResponseIdleTimeout), idle, "ResponseIdleTimeout must be positive, or null for no limit.");
        if (UnaryCallTimeout is { } unary && unary <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(UnaryCallTimeout), unary, "UnaryCallTimeout must be positive, or null for no limit.");
        if (MaxPlanDepth < MinimumPlanDepth)
            throw new ArgumentOutOfRangeException(nameof(MaxPlanDepth), MaxPlanDepth, $"MaxPlanDepth must be at least {MinimumPlanDepth}; a request reading one table already nests 4 levels.");
        if (InitialConnectTimeout is { } connect && connect <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(InitialConnectTimeout), connect, "InitialConnectTimeout must be positive, or null for no limit of its own.");
    }

    // Far below any useful plan; it only catches settings such as 0 or a negative number.
    private const int MinimumPlanDepth = 8;

    /// <summary>A shallow copy, so callers can adjust settings without changing options they were given.</summary>
    internal SparkConnectClientOptions Copy() => (SparkConnectClientOptions)MemberwiseClone();

    /// <summary>Replaces the waits between retries (tests use it to observe waits without sleeping).</summary>
    internal Func<TimeSpan, CancellationToken, Task>? RetryDelay { get; set; }
}
