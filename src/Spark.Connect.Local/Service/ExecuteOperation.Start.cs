namespace Spark.Connect.Local.Service;

/// <summary>How an operation gets a connection and runs blocking DuckDB calls.</summary>
internal sealed partial class ExecuteOperation
{
    /// <summary>
    /// Starts the query: on the session's connection when it is free; else, for a read-only query of a session
    /// without temporary state, on a side connection (so a query run while another result is still being read
    /// does not wait for it); otherwise it waits for the session's connection.
    /// </summary>
    private async Task<ResultProducer> StartAsync(CancellationToken cancellationToken)
    {
        if (!_session.TryTakeConnection(this, out _connection) && _session.TryOpenSideConnection() is { } side)
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
            var query = ResultProducer.PlanRoot(_session, _plan);
            if (!SideConnection.IsReadOnly(query.Sql))
                _session.MarkTemporaryState();
            return ResultProducer.Start(_session, query, _converter);
        }).ConfigureAwait(false);
    }

    private ResultProducer? TryStartOn(SideConnection side)
    {
        try
        {
            var query = ResultProducer.PlanRoot(side, _plan);
            return SideConnection.IsReadOnly(query.Sql) ? ResultProducer.Start(side, query, _converter) : null;
        }
        catch (Exception error) when (NeedsSessionConnectionException.IsIn(error))
        {
            return null;
        }
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
