namespace Spark.Connect.Local.Service.Operations;

/// <summary>
/// Whether an RPC (ExecutePlan or ReattachExecute) is reading an operation right now, and since when none
/// has been: what Spark's execution manager looks at to remove operations a client abandoned.
/// </summary>
internal sealed class ReaderAttachment
{
    private int _readers;
    private long _detachedSinceTicks = Environment.TickCount64;

    /// <summary>True while at least one RPC streams this operation's responses.</summary>
    internal bool IsAttached => Volatile.Read(ref _readers) > 0;

    /// <summary>How long no RPC has been reading at <paramref name="nowTicks"/> (<see cref="Environment.TickCount64"/>); zero while one is.</summary>
    internal TimeSpan DetachedFor(long nowTicks) =>
        IsAttached ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Math.Max(0, nowTicks - Interlocked.Read(ref _detachedSinceTicks)));

    /// <summary>Counts a reader in; disposing the result counts it out (and starts the detached clock when it was the last).</summary>
    internal IDisposable Attach()
    {
        Interlocked.Increment(ref _readers);
        return new Reader(this);
    }

    private void Detach()
    {
        // The clock is set before the count drops, so a sweep that sees no reader also sees a fresh time.
        Interlocked.Exchange(ref _detachedSinceTicks, Environment.TickCount64);
        Interlocked.Decrement(ref _readers);
    }

    private sealed class Reader(ReaderAttachment attachment) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
                attachment.Detach();
        }
    }
}
