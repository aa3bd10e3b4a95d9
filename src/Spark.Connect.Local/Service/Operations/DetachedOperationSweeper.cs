namespace Spark.Connect.Local.Service.Operations;

/// <summary>
/// Removes operations no RPC has read for <see cref="OperationLimits.DetachedTimeout"/>, as Spark's execution
/// manager does with <c>spark.connect.execute.manager.detachedTimeout</c>: the operation is interrupted if still
/// running, its result and held responses are freed, and its id is remembered as abandoned. Runs every quarter
/// of the timeout (at most every 30 s, Spark's maintenance interval), so an abandoned operation lives at most
/// 1.25 timeouts.
/// </summary>
internal sealed class DetachedOperationSweeper : IDisposable
{
    private readonly Func<IEnumerable<LocalSession>> _sessions;
    private readonly OperationLimits _limits;
    private readonly Timer _timer;
    private int _sweeping;

    internal DetachedOperationSweeper(Func<IEnumerable<LocalSession>> sessions, OperationLimits limits)
    {
        _sessions = sessions;
        _limits = limits;
        var period = TimeSpan.FromTicks(Math.Clamp(limits.DetachedTimeout.Ticks / 4, TimeSpan.TicksPerMillisecond * 10, TimeSpan.TicksPerSecond * 30));
        _timer = new Timer(_ => Sweep(), null, period, period);
    }

    /// <summary>Removes the operations detached for longer than the timeout now; returns how many.</summary>
    internal int Sweep()
    {
        if (Interlocked.Exchange(ref _sweeping, 1) != 0)
            return 0;
        try
        {
            var now = Environment.TickCount64;
            var removed = 0;
            foreach (var session in _sessions())
            {
                foreach (var operation in session.Operations.Values)
                {
                    if (operation.Readers.DetachedFor(now) < _limits.DetachedTimeout)
                        continue;
                    // The tombstone comes first, so a reattach never finds neither the operation nor its tombstone.
                    _limits.Abandoned.Add(session.Key, operation.OperationId);
                    operation.ReleaseAllAsync().AsTask().ContinueWith(static t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
                    removed++;
                }
            }
            return removed;
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }

    public void Dispose() => _timer.Dispose();
}
