using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Spark.Connect.Local.Service.Hosting;

/// <summary>
/// Requires <c>authorization: Bearer &lt;token&gt;</c> on every call before the service sees it, compared in
/// constant time. A call without it ends with status Unauthenticated before any message is sent (a
/// trailers-only response); neither the expected nor the presented value is ever echoed or logged.
/// </summary>
internal sealed class TokenInterceptor(string token) : Interceptor
{
    private const string Refusal = "The local Spark server requires a token: add ;token=<token> to the sc:// connection string.";
    private readonly byte[] _expected = Encoding.UTF8.GetBytes("Bearer " + token);

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        return continuation(request, responseStream, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        return continuation(requestStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        return continuation(requestStream, responseStream, context);
    }

    internal bool IsAuthorized(string? header)
    {
        if (header is null)
            return false;
        var presented = Encoding.UTF8.GetBytes(header);
        // FixedTimeEquals is constant-time only for equal lengths; a length mismatch reveals nothing but the length.
        return presented.Length == _expected.Length && CryptographicOperations.FixedTimeEquals(presented, _expected);
    }

    private void Authenticate(ServerCallContext context)
    {
        // Exactly one authorization header: a second one could only be an attempt to confuse the check.
        var presented = context.RequestHeaders.GetAll("authorization").Take(2).ToList();
        if (presented.Count != 1 || presented[0].IsBinary || !IsAuthorized(presented[0].Value))
            throw new RpcException(new Status(StatusCode.Unauthenticated, Refusal));
    }
}
