namespace Spark.Connect.Server;

/// <summary>Limits and diagnostics of the Spark Connect gRPC endpoints.</summary>
public sealed class SparkConnectServerOptions
{
    /// <summary>
    /// The largest request message accepted, in bytes (default 128 MiB, like Spark's
    /// <c>spark.connect.grpc.maxInboundMessageSize</c>). Larger requests fail with ResourceExhausted
    /// before their payload is read.
    /// </summary>
    public int MaxReceiveMessageSize { get; set; } = 128 * 1024 * 1024;

    /// <summary>
    /// When true, an unexpected handler exception's type and message are sent to the client in
    /// <c>grpc-message</c>. Off by default so internals do not leak; meant for development.
    /// </summary>
    public bool IncludeExceptionDetails { get; set; }
}
