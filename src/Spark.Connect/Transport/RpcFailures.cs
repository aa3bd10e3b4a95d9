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
        // Before any response: refused, TLS failure (Internal in Grpc.Net.Client) or the connect timeout (Cancelled).
        if (error.StatusCode is Grpc.Core.StatusCode.Internal or Grpc.Core.StatusCode.Cancelled
            && cause is HttpRequestException { StatusCode: null, InnerException: not HttpProtocolException } or OperationCanceledException)
            return new GrpcException(GrpcStatusCode.Unavailable, error.Status.Detail, innerException: cause);
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
