using System.Runtime.CompilerServices;
using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Results;

namespace Spark.Connect.Local.Service;

/// <summary>
/// One ExecutePlan operation. Responses are produced on demand, one batch each time a reader needs a
/// response it has not got, so the engine never runs ahead of the client. A reattachable operation keeps
/// its responses until ReleaseExecute drops them, so a ReattachExecute can resume after any response
/// still held; other operations drop each response once it was handed out.
/// </summary>
internal sealed partial class ExecuteOperation
{
    private readonly LocalSession _session;
    private readonly Plan _plan;
    private readonly DuckDbArrowConverter _converter;
    private readonly SemaphoreSlim _produce = new(1, 1);
    private readonly CancellationTokenSource _interrupt = new();
    private readonly Lock _buffer = new();
    private readonly List<ExecutePlanResponse> _retained = [];
    private readonly Dictionary<string, long> _sequenceOf = new(StringComparer.Ordinal);
    private long _firstRetained;
    private IResponseSource? _producer;
    private IDisposable? _connection;
    private SideConnection? _side;
    private LocalEngineException? _failure;
    private bool _finished;
    private bool _released;
    private volatile bool _interrupted;

    internal ExecuteOperation(LocalSession session, string operationId, IEnumerable<string> tags, bool reattachable, Plan plan, DuckDbArrowConverter converter)
    {
        _session = session;
        _plan = plan;
        _converter = converter;
        OperationId = operationId;
        Tags = tags.ToHashSet(StringComparer.Ordinal);
        Reattachable = reattachable;
    }

    public string OperationId { get; }

    public IReadOnlySet<string> Tags { get; }

    public bool Reattachable { get; }

    /// <summary>How many responses are held for reattaching (for tests and diagnostics).</summary>
    internal int RetainedCount
    {
        get
        {
            lock (_buffer)
                return _retained.Count;
        }
    }

    /// <summary>Completes once no response is being produced (for tests: the buffer is then stable until someone reads).</summary>
    internal async Task WaitUntilIdleAsync()
    {
        await _produce.WaitAsync().ConfigureAwait(false);
        _produce.Release();
    }

    /// <summary>The sequence number after <paramref name="lastResponseId"/> (0 without one): where a reattach resumes.</summary>
    internal long ResumePosition(string? lastResponseId)
    {
        lock (_buffer)
        {
            if (_released)
                throw SparkErrors.OperationAbandoned(OperationId);
            if (string.IsNullOrEmpty(lastResponseId))
                return 0;
            return _sequenceOf.TryGetValue(lastResponseId, out var sequence) ? sequence + 1 : throw SparkErrors.PositionNotFound(lastResponseId);
        }
    }

    /// <summary>
    /// Streams responses from <paramref name="position"/> to ResultComplete, producing them as needed. As Spark's
    /// server does, only a reattachable execution sends ResultComplete; otherwise the stream's end is the result's end.
    /// </summary>
    internal async IAsyncEnumerable<ExecutePlanResponse> StreamAsync(long position, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await NextAsync(position, cancellationToken).ConfigureAwait(false) is { } response)
        {
            position++;
            if (!Reattachable)
                ReleaseBefore(position);
            if (Reattachable || response.ResponseTypeCase != ExecutePlanResponse.ResponseTypeOneofCase.ResultComplete)
                yield return response;
        }
    }

    /// <summary>True until the operation finished, failed or was released.</summary>
    internal bool IsRunning
    {
        get
        {
            lock (_buffer)
                return !(_finished || _released || _failure is not null);
        }
    }

    /// <summary>Marks the operation interrupted and stops its DuckDB statement; false when it had already ended.</summary>
    internal bool Interrupt()
    {
        lock (_buffer)
        {
            if (_finished || _released || _failure is not null)
                return false;
        }
        Stop();
        return true;
    }

    private void Stop()
    {
        _interrupted = true;
        _interrupt.Cancel();
        InterruptRunningStatement();
    }

    private void InterruptRunningStatement()
    {
        _session.InterruptIfRunning(this);
        Volatile.Read(ref _side)?.Interrupt();
    }

    /// <summary>Drops responses up to and including <paramref name="responseId"/> (unknown ids are ignored, as in Spark).</summary>
    internal void ReleaseUntil(string responseId)
    {
        lock (_buffer)
        {
            if (_sequenceOf.TryGetValue(responseId, out var sequence))
                ReleaseBefore(sequence + 1);
        }
    }

    /// <summary>Ends the operation: stops it if running, frees its result and every held response.</summary>
    internal async ValueTask ReleaseAllAsync()
    {
        lock (_buffer)
        {
            if (_released)
                return;
            _released = true;
            _firstRetained += _retained.Count;
            _retained.Clear();
        }
        if (!_finished)
            Stop();
        await _produce.WaitAsync().ConfigureAwait(false);
        try
        {
            Close();
        }
        finally
        {
            _produce.Release();
        }
        _session.Operations.TryRemove(new KeyValuePair<string, ExecuteOperation>(OperationId, this));
    }

    private void ReleaseBefore(long position)
    {
        lock (_buffer)
        {
            var count = (int)Math.Clamp(position - _firstRetained, 0, _retained.Count);
            _retained.RemoveRange(0, count);
            _firstRetained += count;
        }
    }

    private async Task<ExecutePlanResponse?> NextAsync(long position, CancellationToken cancellationToken)
    {
        if (TryTakeBuffered(position, out var buffered, out var ended))
            return ended ? null : buffered;
        await _produce.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (TryTakeBuffered(position, out buffered, out ended))
                return ended ? null : buffered;
            var response = await ProduceAsync(cancellationToken).ConfigureAwait(false);
            lock (_buffer)
            {
                var sequence = _firstRetained + _retained.Count;
                _sequenceOf[response.ResponseId] = sequence;
                _retained.Add(response);
                if (response.ResponseTypeCase == ExecutePlanResponse.ResponseTypeOneofCase.ResultComplete)
                    _finished = true;
                return sequence == position ? response : throw new InvalidOperationException("Responses were produced out of order.");
            }
        }
        finally
        {
            _produce.Release();
        }
    }

    private bool TryTakeBuffered(long position, out ExecutePlanResponse? response, out bool ended)
    {
        response = null;
        ended = false;
        lock (_buffer)
        {
            if (_released)
                throw SparkErrors.OperationAbandoned(OperationId);
            if (position < _firstRetained)
                throw SparkErrors.PositionNotAvailable($"#{position} of operation {OperationId}");
            var index = position - _firstRetained;
            if (index < _retained.Count)
            {
                response = _retained[(int)index];
                return true;
            }
            if (_failure is not null)
                throw _failure;
            ended = _finished;
            return ended;
        }
    }

    private async Task<ExecutePlanResponse> ProduceAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_interrupted)
                throw SparkErrors.Canceled(OperationId);
            _producer ??= await StartAsync(cancellationToken).ConfigureAwait(false);
            var producer = _producer;
            var response = await RunBlockingAsync(producer.Next).ConfigureAwait(false);
            if (_interrupted)
                throw SparkErrors.Canceled(OperationId);
            if (response is null)
            {
                response = new ExecutePlanResponse { ResultComplete = new ExecutePlanResponse.Types.ResultComplete() };
                Close();
            }
            Stamp(response);
            return response;
        }
        catch (Exception error) when (error is not OperationCanceledException || _interrupted)
        {
            var failure = _interrupted ? SparkErrors.Canceled(OperationId) : SparkErrors.Classify(error);
            lock (_buffer)
                _failure = failure;
            Close();
            throw failure;
        }
    }

    private void Stamp(ExecutePlanResponse response)
    {
        response.SessionId = _session.Key.SessionId;
        response.ServerSideSessionId = _session.ServerSideSessionId;
        response.OperationId = OperationId;
        response.ResponseId = Guid.NewGuid().ToString();
    }

    // Called with _produce held (or from the producing call itself): frees the result and the connection.
    private void Close()
    {
        _producer?.Dispose();
        _producer = null;
        Interlocked.Exchange(ref _side, null)?.Dispose();
        _connection?.Dispose();
        _connection = null;
    }
}
