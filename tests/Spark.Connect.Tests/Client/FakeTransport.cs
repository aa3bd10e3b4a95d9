using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Google.Protobuf;
using Spark.Connect.Transport;

namespace Spark.Connect.Tests.Client;

/// <summary>
/// An in-memory transport for unit tests of the session logic: each call is recorded and answered
/// by a handler the test sets per method. Streaming handlers return the responses to yield; they may
/// throw a <see cref="GrpcException"/> part-way to simulate a broken stream.
/// </summary>
internal sealed class FakeTransport : IGrpcTransport
{
    private readonly ConcurrentDictionary<string, Func<IMessage, IMessage>> _unary = new();
    private readonly ConcurrentDictionary<string, Func<IMessage, CancellationToken, IAsyncEnumerable<IMessage>>> _streaming = new();

    public ConcurrentQueue<RecordedCall> Calls { get; } = new();

    public bool Disposed { get; private set; }

    public void OnUnary<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, Func<TRequest, TResponse> handler)
        where TRequest : IMessage<TRequest> where TResponse : IMessage<TResponse> =>
        _unary[method.MethodName] = request => handler((TRequest)request);

    public void OnStream<TRequest>(GrpcMethod<TRequest, ExecutePlanResponse> method, Func<TRequest, CancellationToken, IAsyncEnumerable<ExecutePlanResponse>> handler)
        where TRequest : IMessage<TRequest> =>
        _streaming[method.MethodName] = (request, ct) => Cast(handler((TRequest)request, ct));

    public IEnumerable<TRequest> Requests<TRequest>(string methodName) =>
        Calls.Where(c => c.Method == methodName).Select(c => (TRequest)c.Request);

    public Task<TResponse> UnaryCallAsync<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, TRequest request, GrpcCallOptions options, CancellationToken cancellationToken)
        where TRequest : IMessage<TRequest> where TResponse : IMessage<TResponse>
    {
        Calls.Enqueue(new RecordedCall(method.MethodName, request.Clone(), options));
        if (!_unary.TryGetValue(method.MethodName, out var handler))
            throw new GrpcException(GrpcStatusCode.Unimplemented, $"{method.MethodName} is not scripted");
        return Task.FromResult((TResponse)handler(request));
    }

    public async IAsyncEnumerable<TResponse> ServerStreamingCallAsync<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, TRequest request,
        GrpcCallOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TRequest : IMessage<TRequest> where TResponse : IMessage<TResponse>
    {
        Calls.Enqueue(new RecordedCall(method.MethodName, request.Clone(), options));
        if (!_streaming.TryGetValue(method.MethodName, out var handler))
            throw new GrpcException(GrpcStatusCode.Unimplemented, $"{method.MethodName} is not scripted");
        await foreach (var response in handler(request, cancellationToken).WithCancellation(cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return (TResponse)response;
        }
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }

    private static async IAsyncEnumerable<IMessage> Cast(IAsyncEnumerable<ExecutePlanResponse> source)
    {
        await foreach (var item in source) yield return item;
    }

    internal sealed record RecordedCall(string Method, IMessage Request, GrpcCallOptions Options);
}
