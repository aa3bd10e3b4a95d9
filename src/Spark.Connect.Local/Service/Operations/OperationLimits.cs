namespace Spark.Connect.Local.Service.Operations;

/// <summary>
/// What bounds the operations of one server: the held-bytes accounting, the replay bound per operation and
/// the tombstones of abandoned operations (from <see cref="LocalSparkServerOptions"/>).
/// </summary>
internal sealed class OperationLimits(LocalSparkServerOptions options)
{
    /// <summary>The server's and the sessions' held response bytes.</summary>
    internal ResponseMemory Memory { get; } = new(options.ServerBufferBytes, options.SessionBufferBytes);

    /// <summary>Bytes of already-sent responses a reattachable operation keeps for a retry.</summary>
    internal long ReplayBufferBytes { get; } = options.ReplayBufferBytes;

    /// <summary>How long an operation may go without an attached RPC before it is removed.</summary>
    internal TimeSpan DetachedTimeout { get; } = options.DetachedOperationTimeout;

    internal AbandonedOperations Abandoned { get; } = new();
}
