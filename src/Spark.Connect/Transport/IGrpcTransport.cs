using Google.Protobuf;

namespace Spark.Connect.Transport;

/// <summary>
/// The seam between the Spark Connect session and the wire. <see cref="GrpcNetClientTransport"/> (Grpc.Net.Client)
/// is the implementation; the seam stays so that the session logic (reattach, retries, release, error conversion)
/// is tested against scripted in-memory transports, and so that plan inspection can be proven to do no I/O.
/// </summary>
/// <remarks>
/// <para>Failures are reported as <see cref="GrpcException"/> carrying the gRPC status, including the
/// decoded <c>grpc-status-details-bin</c>. Cancelling the token stops the HTTP/2 stream and raises
/// <see cref="OperationCanceledException"/>; a passed <see cref="GrpcCallOptions.Timeout"/> raises
/// <see cref="GrpcStatusCode.DeadlineExceeded"/> and also stops the stream.</para>
/// <para>Transport-level failures: a server that cannot be reached, or a connection lost before the
/// status arrived, is <see cref="GrpcStatusCode.Unavailable"/>; an HTTP/2 stream reset by the server is
/// mapped as the gRPC spec says (<c>INTERNAL_ERROR</c> → <see cref="GrpcStatusCode.Internal"/>,
/// <c>REFUSED_STREAM</c> → Unavailable, <c>CANCEL</c> → Cancelled); a response larger than the receive
/// limit is <see cref="GrpcStatusCode.ResourceExhausted"/>. Retry policy belongs to the layer above.</para>
/// </remarks>
public interface IGrpcTransport : IAsyncDisposable
{
    /// <summary>Sends one request and returns the single response.</summary>
    Task<TResponse> UnaryCallAsync<TRequest, TResponse>(
        GrpcMethod<TRequest, TResponse> method, TRequest request, GrpcCallOptions options, CancellationToken cancellationToken)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>;

    /// <summary>
    /// Sends one request and yields the response messages as they arrive. The call starts when
    /// enumeration starts; disposing the enumerator early cancels the stream on the server.
    /// </summary>
    IAsyncEnumerable<TResponse> ServerStreamingCallAsync<TRequest, TResponse>(
        GrpcMethod<TRequest, TResponse> method, TRequest request, GrpcCallOptions options, CancellationToken cancellationToken)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>;
}
