namespace Spark.Connect.Transport;

/// <summary>
/// A gRPC call ended with a status other than OK: a transport failure, a protocol violation, or an
/// error the server reported. Server-side Spark errors are usually turned into
/// <see cref="SparkException"/> by the session layer; this type is what the transport itself raises.
/// </summary>
public class GrpcException : Exception
{
    /// <summary>Creates an exception for <paramref name="statusCode"/> with the server's or our own detail text.</summary>
    public GrpcException(GrpcStatusCode statusCode, string detail, Google.Rpc.Status? richStatus = null,
        IReadOnlyList<KeyValuePair<string, string>>? trailers = null, Exception? innerException = null)
        : base($"gRPC call failed with status {statusCode}: {detail}", innerException)
    {
        StatusCode = statusCode;
        Detail = detail;
        RichStatus = richStatus;
        Trailers = trailers ?? [];
    }

    /// <summary>The gRPC status code.</summary>
    public GrpcStatusCode StatusCode { get; }

    /// <summary>The status message (<c>grpc-message</c>, percent-decoded) or our own description.</summary>
    public string Detail { get; }

    /// <summary>The decoded <c>grpc-status-details-bin</c> trailer, if the server sent one.</summary>
    public Google.Rpc.Status? RichStatus { get; }

    /// <summary>The trailing metadata of the call (secret-bearing keys are never included).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Trailers { get; }
}
