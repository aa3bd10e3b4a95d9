using System.Collections.Concurrent;

namespace Spark.Connect.Local.Service.Operations;

/// <summary>
/// The bytes of responses the server holds for its operations, counted per session and in total against
/// <see cref="LocalSparkServerOptions.SessionBufferBytes"/> and <see cref="LocalSparkServerOptions.ServerBufferBytes"/>.
/// A producer asks for room before it produces a response: when a bound is reached, responses already sent and
/// kept only for a possible retry are dropped first (those of operations no client is reading, then the others,
/// oldest first); if what is left is still at the bound, the producer waits until bytes are given back.
/// </summary>
internal sealed class ResponseMemory(long serverLimit, long sessionLimit)
{
    private static readonly TimeSpan RecheckEvery = TimeSpan.FromMilliseconds(100);
    private readonly ConcurrentDictionary<ReplayBuffer, byte> _buffers = new();
    private TaskCompletionSource _changed = NewSignal();
    private int _waiting;

    /// <summary>The server's count (all sessions).</summary>
    internal HeldBytes Server { get; } = new(serverLimit);

    /// <summary>A new session's count, bounded by the per-session limit.</summary>
    internal HeldBytes NewSession() => new(sessionLimit);

    internal void Register(ReplayBuffer buffer) => _buffers.TryAdd(buffer, 0);

    internal void Unregister(ReplayBuffer buffer) => _buffers.TryRemove(buffer, out _);

    /// <summary>Adds (or, negative, gives back) bytes held for <paramref name="session"/>.</summary>
    internal void Charge(HeldBytes session, long bytes)
    {
        session.Add(bytes);
        Server.Add(bytes);
        if (bytes < 0)
            Signal();
    }

    /// <summary>Wakes producers waiting for room: bytes were given back or became droppable.</summary>
    internal void Signal()
    {
        if (Volatile.Read(ref _waiting) > 0)
            Interlocked.Exchange(ref _changed, NewSignal()).TrySetResult();
    }

    /// <summary>Returns once <paramref name="requester"/>'s session and the server are below their bounds.</summary>
    internal async Task MakeRoomAsync(ReplayBuffer requester, CancellationToken cancellationToken)
    {
        var session = requester.Session;
        while (!HasRoom(session))
        {
            Reclaim(session);
            if (HasRoom(session))
                return;
            Interlocked.Increment(ref _waiting);
            try
            {
                var changed = Volatile.Read(ref _changed).Task;
                Reclaim(session);
                if (HasRoom(session))
                    return;
                // Also wake up now and then: a response handed out makes bytes droppable without a signal racing in.
                await Task.WhenAny(changed, Task.Delay(RecheckEvery, cancellationToken)).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }
    }

    private bool HasRoom(HeldBytes session) => session.HasRoom && Server.HasRoom;

    // Drops responses kept only for retries until both counts are below their bounds, in the scope that is
    // over: the session's own operations when the session is, every operation when the server is.
    private void Reclaim(HeldBytes session)
    {
        bool StillShort() => !HasRoom(session);
        var candidates = _buffers.Keys.Where(b => !Server.HasRoom || ReferenceEquals(b.Session, session))
            .OrderBy(b => b.IsAttached).ToList();
        foreach (var buffer in candidates)
        {
            if (!StillShort())
                return;
            buffer.DropSent(StillShort);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
