using Google.Protobuf;
using Spark.Connect.Transport;

namespace Spark.Linq.Tests;

/// <summary>A transport that fails any call: plan tests use it to prove that inspecting a plan never contacts a server.</summary>
internal sealed class NoNetworkTransport : IGrpcTransport
{
    public Task<TResponse> UnaryCallAsync<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, TRequest request, GrpcCallOptions options, CancellationToken cancellationToken)
        where TRequest : IMessage<TRequest> where TResponse : IMessage<TResponse> =>
        throw new AssertionException($"plan inspection called {method.Path}");

    public IAsyncEnumerable<TResponse> ServerStreamingCallAsync<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, TRequest request, GrpcCallOptions options, CancellationToken cancellationToken)
        where TRequest : IMessage<TRequest> where TResponse : IMessage<TResponse> =>
        throw new AssertionException($"plan inspection called {method.Path}");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
