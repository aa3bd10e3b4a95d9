using System.Runtime.CompilerServices;
using Google.Protobuf;
using Spark.Connect.Transport;

namespace Spark.Connect.TestServer;

/// <summary>
/// The script of one server-streaming RPC: one-shot behaviours queued with the <c>Once</c> methods run
/// in order, one per call; when the queue is empty the <c>Always</c> behaviour answers (by default
/// Unimplemented). Every yielded message is flushed to the client immediately.
/// </summary>
public sealed class ScriptedStreamingRpc<TRequest, TResponse>
    where TRequest : IMessage<TRequest>
    where TResponse : IMessage<TResponse>
{
    private readonly Queue<Func<TRequest, ScriptedCall, IAsyncEnumerable<TResponse>>> _once = new();
    private Func<TRequest, ScriptedCall, IAsyncEnumerable<TResponse>> _always;
    private int _callCount;

    internal ScriptedStreamingRpc(string name)
    {
        Name = name;
        _always = (_, _) => throw new GrpcException(GrpcStatusCode.Unimplemented, $"{name} is not scripted in this test.");
    }

    /// <summary>The RPC name.</summary>
    public string Name { get; }

    /// <summary>How many calls this RPC received.</summary>
    public int CallCount => Volatile.Read(ref _callCount);

    /// <summary>Answers every call (after the queued ones) with the stream <paramref name="behaviour"/> produces.</summary>
    public void Always(Func<TRequest, ScriptedCall, IAsyncEnumerable<TResponse>> behaviour)
    {
        ArgumentNullException.ThrowIfNull(behaviour);
        lock (_once)
        {
            _always = behaviour;
        }
    }

    /// <summary>Answers every call (after the queued ones) with the messages <paramref name="behaviour"/> returns, then OK.</summary>
    public void Always(Func<TRequest, ScriptedCall, IEnumerable<TResponse>> behaviour) => Always((r, c) => behaviour(r, c).ToAsyncEnumerable());

    /// <summary>Queues one stream produced by <paramref name="behaviour"/>.</summary>
    public ScriptedStreamingRpc<TRequest, TResponse> Once(Func<TRequest, ScriptedCall, IAsyncEnumerable<TResponse>> behaviour)
    {
        ArgumentNullException.ThrowIfNull(behaviour);
        lock (_once)
        {
            _once.Enqueue(behaviour);
        }

        return this;
    }

    /// <summary>Queues one stream of <paramref name="responses"/> ending with status OK.</summary>
    public ScriptedStreamingRpc<TRequest, TResponse> Once(params TResponse[] responses) =>
        Once((_, call) => Play(responses, call, end: null));

    /// <summary>Queues one stream that sends <paramref name="before"/> and then fails with <paramref name="error"/>
    /// (trailers-only when <paramref name="before"/> is empty).</summary>
    public ScriptedStreamingRpc<TRequest, TResponse> FailOnce(GrpcException error, params TResponse[] before) =>
        Once((_, call) => Play(before, call, end: _ => throw error));

    /// <summary>Queues one stream that sends <paramref name="before"/> and is then cut without a status.</summary>
    public ScriptedStreamingRpc<TRequest, TResponse> DropOnce(StreamDrop how, params TResponse[] before) =>
        Once((_, call) => Play(before, call, end: async c =>
        {
            await c.DropAsync(how).ConfigureAwait(false);
            await c.StallUntilCancelledAsync().ConfigureAwait(false);
        }));

    /// <summary>Queues one stream that sends <paramref name="before"/> and then waits until the call is cancelled.</summary>
    public ScriptedStreamingRpc<TRequest, TResponse> StallOnce(params TResponse[] before) =>
        Once((_, call) => Play(before, call, end: c => c.StallUntilCancelledAsync()));

    internal (int CallNumber, Func<TRequest, ScriptedCall, IAsyncEnumerable<TResponse>> Behaviour) Next()
    {
        lock (_once)
        {
            int number = ++_callCount;
            return (number, _once.Count > 0 ? _once.Dequeue() : _always);
        }
    }

    private static async IAsyncEnumerable<TResponse> Play(TResponse[] responses, ScriptedCall call, Func<ScriptedCall, Task>? end,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (TResponse response in responses)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return response;
        }

        if (end is not null)
        {
            await end(call).ConfigureAwait(false);
        }
    }
}
