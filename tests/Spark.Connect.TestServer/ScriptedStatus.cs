using Google.Protobuf;
using Grpc.Core;
using Spark.Connect.Transport;

namespace Spark.Connect.TestServer;

/// <summary>Turns a scripted failure, written as our client's <see cref="GrpcException"/>, into the status a gRPC server sends.</summary>
internal static class ScriptedStatus
{
    private const string StatusDetailsKey = "grpc-status-details-bin";

    /// <summary>
    /// The same code and message; the rich status goes in <c>grpc-status-details-bin</c> and the exception's
    /// trailers travel as trailing metadata (Grpc.AspNetCore adds them to the call's own trailers).
    /// </summary>
    public static RpcException ToRpcException(GrpcException error)
    {
        var trailers = new Metadata();
        foreach (var (key, value) in error.Trailers)
        {
            trailers.Add(key, value);
        }

        if (error.RichStatus is { } details)
        {
            trailers.Add(StatusDetailsKey, details.ToByteArray());
        }

        return new RpcException(new Status((StatusCode)(int)error.StatusCode, error.Detail), trailers);
    }
}
