using Google.Protobuf;
using Grpc.Core;

namespace Spark.Connect.Transport;

/// <summary>Maps the official client's failures onto <see cref="GrpcException"/> and this library's status rules.</summary>
internal static class RpcFailures
{
    private const string StatusDetailsTrailer = "grpc-status-details-bin";

    /// <summary>
    /// The official client's failure as this library's: the caller's cancellation as <see cref="OperationCanceledException"/>
    /// carrying the caller's token; anything else a <see cref="GrpcException"/> with the same status code, detail, trailers
    /// and rich status. Failures to reach the server (refused, TLS, connect timeout) are Unavailable, as the gRPC spec says.
    /// </summary>
    public static Exception Convert(Exception failure, CancellationToken caller, GrpcTransportOptions options)
    {
        if (caller.IsCancellationRequested)
            return new OperationCanceledException("The gRPC call was cancelled by the caller.", failure, caller);
        if (failure is not RpcException error)
            return new GrpcException(GrpcStatusCode.Unavailable, $"The server could not be reached in time: {failure.Message}", innerException: failure);
        var cause = error.Status.DebugException;
        if (HeaderLimitFailure(cause) is { } tooLarge)
        {
            return new SparkConnectLimitException(GrpcStatusCode.ResourceExhausted,
                $"The server's response headers or trailers are larger than GrpcTransportOptions.MaxResponseHeadersLength " +
                $"({options.MaxResponseHeadersLength} KiB): {tooLarge.Message}", "GrpcTransportOptions.MaxResponseHeadersLength", error);
        }
        // Before any response: refused, TLS failure (Internal in Grpc.Net.Client) or the connect timeout (Cancelled).
        if (error.StatusCode is Grpc.Core.StatusCode.Internal or Grpc.Core.StatusCode.Cancelled
            && cause is HttpRequestException { StatusCode: null, InnerException: not HttpProtocolException } or OperationCanceledException)
            return new GrpcException(GrpcStatusCode.Unavailable, error.Status.Detail, innerException: cause);
        // The connection itself failed mid-call (no PING answer in time, GOAWAY, invalid data on the connection): the call
        // was lost with it, as when the socket closes, so it is Unavailable and an execution reattaches on a new connection.
        // A reset of this one stream (RST_STREAM) keeps the gRPC spec's mapping.
        if (error.StatusCode == Grpc.Core.StatusCode.Internal && ConnectionFailure(cause) is { } broken)
            return new GrpcException(GrpcStatusCode.Unavailable, $"The HTTP/2 connection failed during the call: {broken.Message}", innerException: cause);
        // A response that is not gRPC at all (no grpc-status, another content type: a proxy's page) is Internal, as the
        // gRPC spec maps it; Grpc.Net.Client reports it as Cancelled.
        if (error.StatusCode == Grpc.Core.StatusCode.Cancelled && (error.Status.Detail.StartsWith("No grpc-status found", StringComparison.Ordinal)
            || error.Status.Detail.StartsWith("Bad gRPC response", StringComparison.Ordinal)))
            return new GrpcException(GrpcStatusCode.Internal, error.Status.Detail, innerException: error);
        if (error.StatusCode == Grpc.Core.StatusCode.ResourceExhausted && error.Status.Detail.StartsWith("Received message exceeds", StringComparison.Ordinal))
            return new GrpcException(GrpcStatusCode.ResourceExhausted,
                $"{error.Status.Detail} (the receive limit is {options.MaxReceiveMessageSize} bytes; raise GrpcTransportOptions.MaxReceiveMessageSize)", innerException: error);
        return Convert(error);
    }

    /// <summary>SocketsHttpHandler's header-size limit, found in the cause chain (the HPACK decoder reports it; the type is not public).</summary>
    private static Exception? HeaderLimitFailure(Exception? cause)
    {
        for (var current = cause; current is not null; current = current.InnerException)
        {
            if (current.GetType().Name == "HPackDecodingException" && current.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
                return current;
            if (current is HttpRequestException { HttpRequestError: HttpRequestError.ConfigurationLimitExceeded })
                return current;
        }
        return null;
    }

    /// <summary>
    /// An HTTP/2 protocol failure of the whole connection rather than a reset of the call's stream. SocketsHttpHandler
    /// tells them apart only in its message ("reset the stream" for RST_STREAM), so anything else counts as the connection.
    /// </summary>
    private static HttpProtocolException? ConnectionFailure(Exception? cause)
    {
        for (var current = cause; current is not null; current = current.InnerException)
        {
            if (current is HttpProtocolException protocol)
                return protocol.Message.Contains("reset the stream", StringComparison.OrdinalIgnoreCase) ? null : protocol;
        }
        return null;
    }

    private static GrpcException Convert(RpcException error)
    {
        Google.Rpc.Status? rich = null;
        var trailers = new List<KeyValuePair<string, string>>();
        foreach (var entry in error.Trailers)
        {
            if (entry.IsBinary)
            {
                if (entry.Key == StatusDetailsTrailer)
                {
                    try
                    {
                        rich = Google.Rpc.Status.Parser.ParseFrom(entry.ValueBytes);
                    }
                    catch (InvalidProtocolBufferException)
                    {
                        // A malformed details trailer leaves the plain status.
                    }
                }
                trailers.Add(new(entry.Key, System.Convert.ToBase64String(entry.ValueBytes)));
            }
            else
            {
                trailers.Add(new(entry.Key, entry.Value));
            }
        }
        var code = Enum.IsDefined((GrpcStatusCode)(int)error.StatusCode) ? (GrpcStatusCode)(int)error.StatusCode : GrpcStatusCode.Unknown;
        return new GrpcException(code, error.Status.Detail, rich, trailers, error.Status.DebugException ?? error);
    }

}
