using Microsoft.AspNetCore.Http;

namespace Spark.Connect.Server;

/// <summary>What a <see cref="SparkConnectServiceBase"/> handler knows about the call it serves.</summary>
public sealed class SparkConnectCallContext
{
    private readonly List<KeyValuePair<string, string>> _responseTrailers = [];

    internal SparkConnectCallContext(HttpContext httpContext, string method, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        HttpContext = httpContext;
        Method = method;
        Deadline = deadline;
        CancellationToken = cancellationToken;
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in httpContext.Request.Headers)
        {
            foreach (string? value in values)
            {
                headers.Add(new(name.ToLowerInvariant(), value ?? string.Empty));
            }
        }

        RequestHeaders = headers;
    }

    /// <summary>The RPC name, e.g. <c>ExecutePlan</c>.</summary>
    public string Method { get; }

    /// <summary>
    /// The request metadata (HTTP/2 headers, names lower-case). May hold secrets such as
    /// <c>authorization</c>: do not log the values.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> RequestHeaders { get; }

    /// <summary>When the client's <c>grpc-timeout</c> runs out, or null if it sent none.</summary>
    public DateTimeOffset? Deadline { get; }

    /// <summary>Fires when the client cancels or disconnects, or when the deadline passes.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The underlying ASP.NET Core request, for hosting concerns (connection info, aborting).</summary>
    public HttpContext HttpContext { get; }

    /// <summary>
    /// Custom metadata sent with the final status (in the trailers, or in the headers of a
    /// trailers-only response). Names must be lower-case and must not start with <c>grpc-</c>.
    /// </summary>
    public IList<KeyValuePair<string, string>> ResponseTrailers => _responseTrailers;

    /// <summary>The first value of request header <paramref name="name"/>, or null.</summary>
    public string? GetRequestHeader(string name)
    {
        foreach (var (key, value) in RequestHeaders)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>
    /// Sends the response headers now, before any message. Afterwards the status always travels in
    /// trailers (never as a trailers-only response).
    /// </summary>
    public Task WriteResponseHeadersAsync() =>
        HttpContext.Response.HasStarted ? Task.CompletedTask : HttpContext.Response.StartAsync(CancellationToken);
}
