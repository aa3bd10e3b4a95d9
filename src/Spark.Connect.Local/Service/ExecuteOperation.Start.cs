using Spark.Connect.Local.Service.Commands;

namespace Spark.Connect.Local.Service;

/// <summary>How an operation gets a connection and runs blocking DuckDB calls.</summary>
internal sealed partial class ExecuteOperation
{
    /// <summary>
    /// Starts the plan: on the session's connection when it is free; else, for a read-only query of a session
    /// without temporary state, on a side connection (so a query run while another result is still being read
    /// does not wait for it); otherwise it waits for the session's connection. Commands always run on the
    /// session's connection, because they change what the session sees.
    /// </summary>
    private async Task<IResponseSource> StartAsync(CancellationToken cancellationToken)
    {
        var isCommand = _plan.OpTypeCase == Plan.OpTypeOneofCase.Command;
        if (!_session.TryTakeConnection(this, out _connection) && !isCommand && _session.TryOpenSideConnection() is { } side)
        {
            Volatile.Write(ref _side, side);
            var started = await RunBlockingAsync(() => TryStartOn(side)).ConfigureAwait(false);
            if (started is not null)
                return started;
            Volatile.Write(ref _side, null);
            side.Dispose();
        }
        if (_connection is null)
        {
            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _interrupt.Token);
            try
            {
                _connection = await _session.AcquireConnectionAsync(this, waiting.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_interrupted)
            {
                throw SparkErrors.Canceled(OperationId);
            }
        }
        return await RunBlockingAsync(() =>
        {
            _session.ApplyConfig();
            if (isCommand)
                return CommandDispatcher.Run(_session, _plan.Command, _converter);
            return PlanRunner.Open(_session, _plan, _converter, sql =>
            {
                if (!SideConnection.IsReadOnly(sql))
                    _session.MarkTemporaryState();
            }, SessionZone());
        }).ConfigureAwait(false);
    }

    private IResponseSource? TryStartOn(SideConnection side)
    {
        try
        {
            return PlanRunner.Open(side, _plan, _converter, sql =>
            {
                if (!SideConnection.IsReadOnly(sql))
                    throw new NeedsSessionConnectionException();
            }, SessionZone());
        }
        catch (Exception error) when (NeedsSessionConnectionException.IsIn(error))
        {
            return null;
        }
    }

    /// <summary>The session time zone, in which shown timestamps are written.</summary>
    private TimeZoneInfo SessionZone()
    {
        var id = _session.Config.Get("spark.sql.session.timeZone") ?? "UTC";
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone
            : throw new Planning.LocalEngineException("INVALID_CONF_VALUE.TIME_ZONE", "22023",
                $"The value '{id}' of spark.sql.session.timeZone is not a time zone this machine knows; use a region id such as 'Europe/Paris' or 'UTC'.",
                new Dictionary<string, string> { ["confValue"] = id, ["confName"] = "spark.sql.session.timeZone" });
    }

    // DuckDB calls block, so they run on the thread pool, never on the request's thread. DuckDB clears
    // its interrupt flag when a statement starts, so an interrupt that lands just before is repeated
    // until the call returns.
    private async Task<T> RunBlockingAsync<T>(Func<T> work)
    {
        var call = Task.Run(work, CancellationToken.None);
        while (await Task.WhenAny(call, Task.Delay(TimeSpan.FromMilliseconds(100))).ConfigureAwait(false) != call)
        {
            if (_interrupted)
                InterruptRunningStatement();
        }
        return await call.ConfigureAwait(false);
    }
}
