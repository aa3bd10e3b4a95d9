namespace Spark.Connect.Local;

/// <summary>How a <see cref="LocalSparkServer"/> listens, authenticates and sizes its result batches.</summary>
public sealed class LocalSparkServerOptions
{
    // Decoding recurses once per level on a thread-pool thread (1.5 MiB of stack): about 10,000 levels overflow it and
    // end the process, 5,000 were measured safe; the ceiling keeps headroom for the frames beneath the decoder.
    private const int MaxNestingDepthCeiling = 4096;

    private string? _token;

    /// <summary>The address to bind (default <c>127.0.0.1</c>, loopback only). Use <c>0.0.0.0</c> to accept remote clients.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The TCP port; 0 (the default) picks a free port, reported by <see cref="LocalSparkServer.Port"/>.</summary>
    public int Port { get; set; }

    /// <summary>
    /// When set, every call must carry <c>authorization: Bearer &lt;token&gt;</c> (a connection string with
    /// <c>;token=…</c>); other calls fail with Unauthenticated. Null (the default) accepts every call.
    /// The value never appears in logs, messages or <see cref="ToString"/>.
    /// </summary>
    public string? Token
    {
        get => _token;
        set => _token = value is { Length: 0 } ? throw new ArgumentException("The token may not be empty; use null to turn authentication off.", nameof(value)) : value;
    }

    /// <summary>A DuckDB database file to open; null (the default) keeps everything in memory.</summary>
    public string? DatabasePath { get; set; }

    /// <summary>
    /// The directories whose files clients may read (<c>spark.read</c>, file functions in SQL) and write
    /// (<c>df.write.save</c>). Null (the default) means: every file the process can reach while the server listens on
    /// loopback without a <see cref="Token"/>, and no file at all when it has a token or listens beyond loopback. When
    /// set, clients reach only files below these directories, in any mode; DuckDB enforces it from the start and it
    /// can't be changed while the server runs. Each must be an existing directory. Files the host registers with
    /// <see cref="LocalSparkServer.RegisterFile(string, string)"/> must lie below one too while access is limited.
    /// </summary>
    public IList<string>? DataDirectories { get; set; }

    /// <summary>The most rows in one Arrow batch of a result (default 10,000, Spark's <c>arrow.maxRecordsPerBatch</c>).</summary>
    public int MaxRowsPerBatch { get; set; } = 10_000;

    /// <summary>The approximate largest Arrow batch in bytes (default 4 MiB, Spark Connect's <c>arrow.maxBatchSize</c>).</summary>
    public long MaxBytesPerBatch { get; set; } = 4L * 1024 * 1024;

    /// <summary>
    /// How long a session may go without any call before it is ended (default 60 minutes, like Spark's
    /// <c>spark.connect.session.manager.defaultSessionTimeout</c>); its id is then refused as closed.
    /// Sessions with a running operation are kept.
    /// </summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>
    /// How deeply a request's protobuf messages may nest (default 1,024, Spark's
    /// <c>spark.connect.grpc.marshallerRecursionLimit</c>). A plan nests about two levels per chained operator;
    /// a deeper request is refused with InvalidArgument before the engine sees it.
    /// </summary>
    public int MaxRequestNestingDepth { get; set; } = 1024;

    /// <summary>
    /// The SQL that <c>spark.sql(…)</c> queries and the <c>SQL</c> relation are written in: <see cref="SqlDialect.Spark"/>
    /// (the default) parses Spark SQL into the engine's plan; <see cref="SqlDialect.DuckDb"/> hands the text to DuckDB as
    /// written, an explicit opt-in for local use (see docs/security.md).
    /// </summary>
    public SqlDialect SqlDialect { get; set; } = SqlDialect.Spark;

    /// <summary>
    /// The most sessions alive at once (default 1,000; each costs a DuckDB connection, about 20 KB). A new session
    /// beyond it first ends sessions idle for longer than <see cref="SessionIdleTimeout"/>; if none is, it is refused
    /// with <c>LOCAL_ENGINE_TOO_MANY_SESSIONS</c>. Spark has no such bound.
    /// </summary>
    public int MaxSessions { get; set; } = 1_000;

    /// <summary>
    /// How long an operation may go without an RPC reading it (ExecutePlan or ReattachExecute) before it is
    /// removed: interrupted if running, its responses freed, its id answered with
    /// <c>INVALID_HANDLE.OPERATION_ABANDONED</c> (default 5 minutes, Spark's
    /// <c>spark.connect.execute.manager.detachedTimeout</c>).
    /// </summary>
    public TimeSpan DetachedOperationTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Bytes of already-sent responses a reattachable operation keeps so that a client whose stream broke can
    /// reattach before them, whether or not it calls ReleaseExecute (default 32 MiB; above zero the last sent response
    /// is kept too). Spark's <c>spark.connect.execute.reattachable.observerRetryBufferSize</c> is 10 MiB, but what a
    /// client has not yet read when a connection breaks is everything in flight: its HTTP/2 receive window (.NET's
    /// SocketsHttpHandler grows it to 16 MiB on a fast link) plus socket buffers. With 10 MiB a cut connection sometimes
    /// lost responses the client never saw (INVALID_CURSOR.POSITION_NOT_AVAILABLE in the cut-connection soak).
    /// </summary>
    public long ReplayBufferBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>
    /// The most response bytes one session's operations hold together (default 64 MiB). Beyond it, responses kept
    /// only for a retry are dropped first, and a producer waits for room rather than holding more.
    /// </summary>
    public long SessionBufferBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>The most response bytes all sessions hold together (default 256 MiB); as <see cref="SessionBufferBytes"/>, server-wide.</summary>
    public long ServerBufferBytes { get; set; } = 256L * 1024 * 1024;

    /// <inheritdoc />
    public override string ToString() =>
        $"LocalSparkServerOptions(Host={Host}, Port={Port}, Token={(Token is null ? "none" : "set")}, " +
        $"DatabasePath={DatabasePath ?? ":memory:"}, MaxRowsPerBatch={MaxRowsPerBatch}, MaxBytesPerBatch={MaxBytesPerBatch}, " +
        $"MaxRequestNestingDepth={MaxRequestNestingDepth}, MaxSessions={MaxSessions}, DetachedOperationTimeout={DetachedOperationTimeout}, " +
        $"ReplayBufferBytes={ReplayBufferBytes}, SessionBufferBytes={SessionBufferBytes}, ServerBufferBytes={ServerBufferBytes}, SqlDialect={SqlDialect})";

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Host))
            throw new ArgumentException("LocalSparkServerOptions.Host is empty; use 127.0.0.1 for loopback.");
        if (Port is < 0 or > 65535)
            throw new ArgumentOutOfRangeException(nameof(Port), Port, "LocalSparkServerOptions.Port must be 0 (a free port) or 1-65535.");
        if (SessionIdleTimeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(SessionIdleTimeout), SessionIdleTimeout, "LocalSparkServerOptions.SessionIdleTimeout must be positive.");
        if (MaxRowsPerBatch < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxRowsPerBatch), MaxRowsPerBatch, "LocalSparkServerOptions.MaxRowsPerBatch must be at least 1.");
        foreach (var directory in DataDirectories ?? [])
        {
            if (string.IsNullOrWhiteSpace(directory) || !Directory.Exists(directory))
                throw new ArgumentException($"LocalSparkServerOptions.DataDirectories: '{directory}' is not an existing directory.", nameof(DataDirectories));
        }
        if (MaxBytesPerBatch < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxBytesPerBatch), MaxBytesPerBatch, "LocalSparkServerOptions.MaxBytesPerBatch must be at least 1.");
        if (!Enum.IsDefined(SqlDialect))
            throw new ArgumentOutOfRangeException(nameof(SqlDialect), SqlDialect, "LocalSparkServerOptions.SqlDialect must be Spark or DuckDb.");
        if (MaxRequestNestingDepth is < 1 or > MaxNestingDepthCeiling)
            throw new ArgumentOutOfRangeException(nameof(MaxRequestNestingDepth), MaxRequestNestingDepth,
                $"LocalSparkServerOptions.MaxRequestNestingDepth must be between 1 and {MaxNestingDepthCeiling}.");
        if (MaxSessions < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxSessions), MaxSessions, "LocalSparkServerOptions.MaxSessions must be at least 1.");
        if (DetachedOperationTimeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(DetachedOperationTimeout), DetachedOperationTimeout, "LocalSparkServerOptions.DetachedOperationTimeout must be positive.");
        if (ReplayBufferBytes < 0)
            throw new ArgumentOutOfRangeException(nameof(ReplayBufferBytes), ReplayBufferBytes, "LocalSparkServerOptions.ReplayBufferBytes must be 0 (keep none) or more.");
        if (SessionBufferBytes < 1)
            throw new ArgumentOutOfRangeException(nameof(SessionBufferBytes), SessionBufferBytes, "LocalSparkServerOptions.SessionBufferBytes must be at least 1.");
        if (ServerBufferBytes < SessionBufferBytes)
            throw new ArgumentOutOfRangeException(nameof(ServerBufferBytes), ServerBufferBytes, "LocalSparkServerOptions.ServerBufferBytes must be at least SessionBufferBytes.");
    }
}
