using Grpc.Core;

namespace Spark.Connect.TestServer;

/// <summary>Conveniences scripts use on the server call context.</summary>
public static class ServerCallContextExtensions
{
    /// <summary>
    /// Sends the response headers now, before any message, with no custom metadata. Afterwards the status always
    /// travels in trailers (never as a trailers-only response).
    /// </summary>
    public static Task WriteResponseHeadersAsync(this ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.WriteResponseHeadersAsync(new Metadata());
    }
}
