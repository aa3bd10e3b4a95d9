using System.Diagnostics;
using Spark.Connect.Transport;

namespace Spark.Connect;

/// <summary>
/// One gRPC stream of an execution (ExecutePlan or ReattachExecute), with the idle limit between its responses and
/// what the stream brought, which decides how the execution goes on when it ends.
/// </summary>
internal sealed class ExecutionAttempt : IAsyncDisposable
{
    private const string IdleSetting = "SparkConnectClientOptions.ResponseIdleTimeout";
    private readonly CancellationTokenSource _cancel;
    private readonly IAsyncEnumerator<ExecutePlanResponse> _responses;
    private readonly TimeSpan? _idleTimeout;
    private readonly long _openedAt = Stopwatch.GetTimestamp();
    private readonly Activity? _span;
    private bool _disposed;

    public ExecutionAttempt(string rpc, Func<CancellationToken, IAsyncEnumerable<ExecutePlanResponse>> open, TimeSpan? idleTimeout,
        Activity? span, CancellationToken cancellationToken)
    {
        Rpc = rpc;
        _idleTimeout = idleTimeout;
        _span = span;
        _cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _responses = open(_cancel.Token).GetAsyncEnumerator(_cancel.Token);
    }

    /// <summary>The RPC that opened this stream.</summary>
    public string Rpc { get; }

    /// <summary>How many responses this stream delivered.</summary>
    public int Received { get; private set; }

    /// <summary>How long ago the stream was opened.</summary>
    public TimeSpan Age => Stopwatch.GetElapsedTime(_openedAt);

    public ExecutePlanResponse Current => _responses.Current;

    /// <summary>
    /// The next response, or false at the stream's end. The wait is limited by the idle timeout (the time the caller
    /// spends on a response is not counted); when it passes the stream is cancelled and a
    /// <see cref="SparkConnectLimitException"/> with status Unavailable says so, which the execution may retry.
    /// </summary>
    public async ValueTask<bool> MoveNextAsync(CancellationToken caller)
    {
        // The execution's span parents the gRPC call's own spans. Set here, inside an async method, it is undone when this
        // returns: the caller's Activity.Current stays the caller's between the responses of a streamed result.
        if (_span is not null) Activity.Current = _span;
        if (_idleTimeout is { } idle) _cancel.CancelAfter(idle);
        try
        {
            var more = await _responses.MoveNextAsync().ConfigureAwait(false);
            if (more) Received++;
            return more;
        }
        catch (OperationCanceledException stopped) when (!caller.IsCancellationRequested && _cancel.IsCancellationRequested)
        {
            throw new SparkConnectLimitException(GrpcStatusCode.Unavailable,
                $"No response arrived on {Rpc} for {_idleTimeout!.Value.TotalSeconds:0.###} s (SparkConnectClientOptions.ResponseIdleTimeout): " +
                "the server or the connection stopped sending.", IdleSetting, stopped);
        }
        finally
        {
            if (_idleTimeout is not null && !_cancel.IsCancellationRequested) _cancel.CancelAfter(Timeout.InfiniteTimeSpan);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        try
        {
            await _responses.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _cancel.Dispose();
        }
    }
}
