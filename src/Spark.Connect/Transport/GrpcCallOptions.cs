namespace Spark.Connect.Transport;

/// <summary>Per-call settings: metadata headers and an optional deadline.</summary>
public sealed record GrpcCallOptions
{
    /// <summary>Options with no headers and no deadline.</summary>
    public static GrpcCallOptions Default { get; } = new();

    /// <summary>
    /// Metadata sent as HTTP/2 headers. Keys are lower-case ASCII; keys ending in <c>-bin</c> carry
    /// base64 of binary values. Values may be secret (<c>authorization</c>): the transport never logs
    /// them or puts them in exception messages.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>
    /// How long the call may take, sent to the server as <c>grpc-timeout</c> and enforced locally.
    /// When it passes, the call fails with <see cref="GrpcStatusCode.DeadlineExceeded"/>.
    /// </summary>
    public TimeSpan? Timeout { get; init; }
}
