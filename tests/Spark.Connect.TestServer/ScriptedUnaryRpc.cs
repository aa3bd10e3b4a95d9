using Google.Protobuf;
using Spark.Connect.Transport;

namespace Spark.Connect.TestServer;

/// <summary>
/// The script of one unary RPC: one-shot behaviours queued with the <c>Once</c> methods run in order,
/// one per call; when the queue is empty the <c>Always</c> behaviour answers (by default Unimplemented).
/// </summary>
public sealed class ScriptedUnaryRpc<TRequest, TResponse>
    where TRequest : IMessage<TRequest>
    where TResponse : IMessage<TResponse>
{
    private readonly Queue<Func<TRequest, ScriptedCall, Task<TResponse>>> _once = new();
    private Func<TRequest, ScriptedCall, Task<TResponse>> _always;
    private int _callCount;

    internal ScriptedUnaryRpc(string name, Func<TRequest, ScriptedCall, Task<TResponse>>? always = null)
    {
        Name = name;
        _always = always ?? ((_, _) => throw new GrpcException(GrpcStatusCode.Unimplemented, $"{name} is not scripted in this test."));
    }

    /// <summary>The RPC name.</summary>
    public string Name { get; }

    /// <summary>How many calls this RPC received.</summary>
    public int CallCount => Volatile.Read(ref _callCount);

    /// <summary>Answers every call (after the queued ones) with <paramref name="behaviour"/>.</summary>
    public void Always(Func<TRequest, ScriptedCall, Task<TResponse>> behaviour)
    {
        ArgumentNullException.ThrowIfNull(behaviour);
        lock (_once)
        {
            _always = behaviour;
        }
    }

    /// <summary>Answers every call (after the queued ones) with <paramref name="behaviour"/>.</summary>
    public void Always(Func<TRequest, ScriptedCall, TResponse> behaviour) => Always((r, c) => Task.FromResult(behaviour(r, c)));

    /// <summary>Answers every call (after the queued ones) with <paramref name="response"/>.</summary>
    public void Always(TResponse response) => Always((_, _) => Task.FromResult(response));

    /// <summary>Fails every call (after the queued ones) with <paramref name="error"/>.</summary>
    public void FailAlways(GrpcException error) => Always((_, _) => Task.FromException<TResponse>(error));

    /// <summary>Queues a behaviour for one call.</summary>
    public ScriptedUnaryRpc<TRequest, TResponse> Once(Func<TRequest, ScriptedCall, Task<TResponse>> behaviour)
    {
        ArgumentNullException.ThrowIfNull(behaviour);
        lock (_once)
        {
            _once.Enqueue(behaviour);
        }

        return this;
    }

    /// <summary>Queues one answer.</summary>
    public ScriptedUnaryRpc<TRequest, TResponse> Once(TResponse response) => Once((_, _) => Task.FromResult(response));

    /// <summary>Queues one failure (sent as a trailers-only response).</summary>
    public ScriptedUnaryRpc<TRequest, TResponse> FailOnce(GrpcException error) => Once((_, _) => Task.FromException<TResponse>(error));

    /// <summary>Queues one call that never answers and waits until it is cancelled (recorded in <see cref="RecordedCall.Cancelled"/>).</summary>
    public ScriptedUnaryRpc<TRequest, TResponse> StallOnce() => Once(async (_, call) =>
    {
        await call.StallUntilCancelledAsync().ConfigureAwait(false);
        throw new InvalidOperationException("unreachable: a stalled call ends only by cancellation");
    });

    internal (int CallNumber, Func<TRequest, ScriptedCall, Task<TResponse>> Behaviour) Next()
    {
        lock (_once)
        {
            int number = ++_callCount;
            return (number, _once.Count > 0 ? _once.Dequeue() : _always);
        }
    }
}
