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

    /// <inheritdoc />
    public override string ToString() =>
        $"LocalSparkServerOptions(Host={Host}, Port={Port}, Token={(Token is null ? "none" : "set")}, " +
        $"DatabasePath={DatabasePath ?? ":memory:"}, MaxRowsPerBatch={MaxRowsPerBatch}, MaxBytesPerBatch={MaxBytesPerBatch}, " +
        $"MaxRequestNestingDepth={MaxRequestNestingDepth})";

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
        if (MaxRequestNestingDepth is < 1 or > MaxNestingDepthCeiling)
            throw new ArgumentOutOfRangeException(nameof(MaxRequestNestingDepth), MaxRequestNestingDepth,
                $"LocalSparkServerOptions.MaxRequestNestingDepth must be between 1 and {MaxNestingDepthCeiling}.");
    }
}
