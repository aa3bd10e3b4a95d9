using Spark.Connect.Local.Planning;

namespace Spark.Connect.Local.Service.Operations;

/// <summary>What <see cref="ReplayBuffer.Find"/> found at a position.</summary>
internal enum ReplayLookup
{
    /// <summary>The response is held.</summary>
    Found,

    /// <summary>Not produced yet: the caller produces it.</summary>
    NotProduced,

    /// <summary>Produced, but already dropped (released, or beyond the replay bound).</summary>
    Dropped,

    /// <summary>The stream ended before this position.</summary>
    Ended,

    /// <summary>The stream failed before this position.</summary>
    Failed,

    /// <summary>The operation was released: everything is gone.</summary>
    Closed,
}

/// <summary>
/// The responses of one operation still held, in stream order, and how its stream ended. As Spark's
/// ExecuteResponseObserver: once a response is handed out, earlier ones are kept only up to
/// <c>replayLimit</c> bytes (the last one handed out is kept as well when the limit is above zero), so a
/// client that never calls ReleaseExecute holds a bounded amount; ReleaseExecute drops more. Every held byte is
/// charged to the session's and the server's <see cref="HeldBytes"/>; a dropped response is referenced by nothing.
/// </summary>
internal sealed class ReplayBuffer
{
    private readonly Lock _lock = new();
    private readonly ResponseMemory _memory;
    private readonly ReaderAttachment _readers;
    private readonly long _replayLimit;
    private readonly List<(ExecutePlanResponse Response, long Size)> _held = [];
    private int _head;            // _held[.._head] are dropped slots, compacted now and then
    private long _first;          // the position of _held[_head]
    private long _sent;           // positions below this were handed out
    private long _bytes;
    private long _sentBytes;      // bytes of held responses below _sent
    private long _peak;
    private bool _ended;
    private bool _closed;
    private LocalEngineException? _failure;

    internal ReplayBuffer(ResponseMemory memory, HeldBytes session, ReaderAttachment readers, long replayLimit)
    {
        _memory = memory;
        Session = session;
        _readers = readers;
        _replayLimit = replayLimit;
        memory.Register(this);
    }

    /// <summary>The session count this buffer is charged to.</summary>
    internal HeldBytes Session { get; }

    internal bool IsAttached => _readers.IsAttached;

    /// <summary>How many responses were produced (the position of the next one).</summary>
    internal long Produced
    {
        get
        {
            lock (_lock)
                return _first + _held.Count - _head;
        }
    }

    internal int Count
    {
        get
        {
            lock (_lock)
                return _held.Count - _head;
        }
    }

    internal long Bytes
    {
        get
        {
            lock (_lock)
                return _bytes;
        }
    }

    internal long PeakBytes
    {
        get
        {
            lock (_lock)
                return _peak;
        }
    }

    /// <summary>True until the stream ended, failed or the buffer was closed.</summary>
    internal bool IsOpen
    {
        get
        {
            lock (_lock)
                return !(_ended || _closed || _failure is not null);
        }
    }

    internal bool HasEnded
    {
        get
        {
            lock (_lock)
                return _ended;
        }
    }

    /// <summary>Looks up the response at <paramref name="position"/>.</summary>
    internal ReplayLookup Find(long position, out ExecutePlanResponse? response, out LocalEngineException? failure)
    {
        response = null;
        failure = null;
        lock (_lock)
        {
            if (_closed)
                return ReplayLookup.Closed;
            if (position < _first)
                return ReplayLookup.Dropped;
            var index = position - _first + _head;
            if (index < _held.Count)
            {
                response = _held[(int)index].Response;
                return ReplayLookup.Found;
            }
            failure = _failure;
            return failure is not null ? ReplayLookup.Failed : _ended ? ReplayLookup.Ended : ReplayLookup.NotProduced;
        }
    }

    /// <summary>
    /// Appends the next response; false when the buffer was closed meanwhile. It is about to be handed out, so
    /// the responses before it are trimmed to the replay bound already.
    /// </summary>
    internal bool Append(ExecutePlanResponse response, bool isLast)
    {
        var size = (long)response.CalculateSize();
        lock (_lock)
        {
            if (_closed)
                return false;
            // Trimmed first, so the count never even briefly holds more than the bound plus this response.
            TrimSent(keepLastSent: false);
            _held.Add((response, size));
            _bytes += size;
            _peak = Math.Max(_peak, _bytes);
            _ended |= isLast;
            _memory.Charge(Session, size);
            return true;
        }
    }

    /// <summary>Records that the stream failed (nothing more will be produced).</summary>
    internal void Fail(LocalEngineException failure)
    {
        lock (_lock)
            _failure ??= failure;
    }

    /// <summary>
    /// Records that the response at <paramref name="position"/> was handed to a reader, then drops the oldest
    /// handed-out responses beyond the replay bound.
    /// </summary>
    internal void MarkSent(long position)
    {
        lock (_lock)
        {
            for (; _sent <= position && _sent < _first + _held.Count - _head; _sent++)
            {
                if (_sent >= _first)
                    _sentBytes += _held[(int)(_sent - _first + _head)].Size;
            }
            TrimSent(keepLastSent: _replayLimit > 0);
        }
        _memory.Signal();
    }

    /// <summary>Drops every response up to and including <paramref name="position"/> (ReleaseExecute's release_until).</summary>
    internal void DropThrough(long position)
    {
        lock (_lock)
        {
            while (_first <= position && _head < _held.Count)
                DropOldest();
        }
    }

    /// <summary>Drops handed-out responses, oldest first, while <paramref name="stillShort"/> says more room is needed.</summary>
    internal void DropSent(Func<bool> stillShort)
    {
        lock (_lock)
        {
            while (_first < _sent && _head < _held.Count && stillShort())
                DropOldest();
        }
    }

    /// <summary>Drops everything and refuses further responses (ReleaseExecute's release_all, expiry, session end).</summary>
    internal void Close()
    {
        lock (_lock)
        {
            _closed = true;
            while (_head < _held.Count)
                DropOldest();
        }
        _memory.Unregister(this);
    }

    // Keeps handed-out responses within the replay bound: with keepLastSent, the last one handed out is kept
    // besides (what Spark's observerRetryBufferSize promises); a limit of zero keeps none.
    private void TrimSent(bool keepLastSent)
    {
        while (_first < _sent && _head < _held.Count)
        {
            var kept = _sentBytes;
            if (keepLastSent)
            {
                if (_first == _sent - 1)
                    return;
                kept -= _held[(int)(_sent - 1 - _first + _head)].Size;
            }
            if (_replayLimit > 0 && kept <= _replayLimit)
                return;
            DropOldest();
        }
    }

    private void DropOldest()
    {
        var (_, size) = _held[_head];
        _held[_head] = default;
        if (_first < _sent)
            _sentBytes -= size;
        _bytes -= size;
        _memory.Charge(Session, -size);
        _head++;
        _first++;
        // Compact once the dropped slots are the larger part, so the list never holds on to them.
        if (_head > 32 && _head * 2 >= _held.Count)
        {
            _held.RemoveRange(0, _head);
            _head = 0;
        }
    }
}
