using System.Runtime.CompilerServices;
using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Results;
using Spark.Connect.Local.Service.Operations;

namespace Spark.Connect.Local.Service;

/// <summary>
/// One ExecutePlan operation. Responses are produced on demand, one batch each time a reader needs a
/// response it has not got, so the engine never runs ahead of the client and produces nothing while no
/// client reads. Handed-out responses stay in the operation's <see cref="ReplayBuffer"/> only as far as a
/// ReattachExecute may still ask for them: until ReleaseExecute drops them, and never beyond the replay bound
/// (none at all without reattach). An operation no RPC has read for the detached timeout is removed.
/// </summary>
internal sealed partial class ExecuteOperation
{
    private readonly LocalSession _session;
    private readonly Plan _plan;
    private readonly DuckDbArrowConverter _converter;
    private readonly SemaphoreSlim _produce = new(1, 1);
    private readonly CancellationTokenSource _interrupt = new();
    private readonly ReplayBuffer _buffer;
    private readonly ResponseIds _ids = new();
    private readonly ReaderAttachment _readers = new();
    private IResponseSource? _producer;
    private IDisposable? _connection;
    private SideConnection? _side;
    private int _released;
    private volatile bool _interrupted;

    internal ExecuteOperation(LocalSession session, string operationId, IEnumerable<string> tags, bool reattachable, Plan plan, DuckDbArrowConverter converter)
    {
        _session = session;
        _plan = plan;
        _converter = converter;
        OperationId = operationId;
        Tags = tags.ToHashSet(StringComparer.Ordinal);
        Reattachable = reattachable;
        var limits = session.Limits;
        _buffer = new ReplayBuffer(limits.Memory, session.HeldBytes, _readers, reattachable ? limits.ReplayBufferBytes : 0);
    }

    public string OperationId { get; }

    public IReadOnlySet<string> Tags { get; }

    public bool Reattachable { get; }

    /// <summary>How many responses are held for reattaching (for tests and diagnostics).</summary>
    internal int RetainedCount => _buffer.Count;

    /// <summary>The bytes of the responses held now (serialized size; for tests and diagnostics).</summary>
    internal long HeldBytes => _buffer.Bytes;

    /// <summary>The most bytes this operation held at any one time.</summary>
    internal long PeakHeldBytes => _buffer.PeakBytes;

    /// <summary>Whether an RPC reads the operation now, and for how long none has.</summary>
    internal ReaderAttachment Readers => _readers;

    private bool Released => Volatile.Read(ref _released) != 0;

    /// <summary>Completes once no response is being produced (for tests: the buffer is then stable until someone reads).</summary>
    internal async Task WaitUntilIdleAsync()
    {
        await _produce.WaitAsync().ConfigureAwait(false);
        _produce.Release();
    }

    /// <summary>The position after <paramref name="lastResponseId"/> (0 without one): where a reattach resumes.</summary>
    internal long ResumePosition(string? lastResponseId)
    {
        if (Released)
            throw SparkErrors.OperationAbandoned(OperationId);
        if (string.IsNullOrEmpty(lastResponseId))
            return 0;
        return _ids.TryPosition(lastResponseId, out var position) && position < _buffer.Produced
            ? position + 1
            : throw SparkErrors.PositionNotFound(lastResponseId);
    }

    /// <summary>
    /// Streams responses from <paramref name="position"/> to ResultComplete, producing them as needed, while
    /// counting as an attached reader. As Spark's server does, only a reattachable execution sends
    /// ResultComplete; otherwise the stream's end is the result's end.
    /// </summary>
    internal async IAsyncEnumerable<ExecutePlanResponse> StreamAsync(long position, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = _readers.Attach();
        while (await NextAsync(position, cancellationToken).ConfigureAwait(false) is { } response)
        {
            _buffer.MarkSent(position);
            position++;
            if (Reattachable || response.ResponseTypeCase != ExecutePlanResponse.ResponseTypeOneofCase.ResultComplete)
                yield return response;
        }
    }

    /// <summary>True until the operation finished, failed or was released.</summary>
    internal bool IsRunning => _buffer.IsOpen;

    /// <summary>Marks the operation interrupted and stops its DuckDB statement; false when it had already ended.</summary>
    internal bool Interrupt()
    {
        if (!_buffer.IsOpen)
            return false;
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

    /// <summary>Drops responses up to and including <paramref name="responseId"/> (unknown ids are ignored).</summary>
    internal void ReleaseUntil(string responseId)
    {
        if (_ids.TryPosition(responseId, out var position))
            _buffer.DropThrough(position);
    }

    /// <summary>Frees an operation that never started (its id was taken).</summary>
    internal void Discard() => _buffer.Close();

    /// <summary>Ends the operation: stops it if running, frees its result and every held response.</summary>
    internal async ValueTask ReleaseAllAsync()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0)
            return;
        var finished = _buffer.HasEnded;
        _buffer.Close();
        if (!finished)
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

    private async Task<ExecutePlanResponse?> NextAsync(long position, CancellationToken cancellationToken)
    {
        if (TryTakeBuffered(position, out var buffered, out var ended))
            return ended ? null : buffered;
        await _produce.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (TryTakeBuffered(position, out buffered, out ended))
                return ended ? null : buffered;
            if (position != _buffer.Produced)
                throw new InvalidOperationException("Responses were produced out of order.");
            await WaitForRoomAsync(cancellationToken).ConfigureAwait(false);
            var response = await ProduceAsync(position, cancellationToken).ConfigureAwait(false);
            if (!_buffer.Append(response, response.ResponseTypeCase == ExecutePlanResponse.ResponseTypeOneofCase.ResultComplete))
                throw SparkErrors.OperationAbandoned(OperationId);
            return response;
        }
        finally
        {
            _produce.Release();
        }
    }

    // Backpressure: the session's and the server's held bytes stay under their bounds before one more response is made.
    private async Task WaitForRoomAsync(CancellationToken cancellationToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _interrupt.Token);
        try
        {
            await _session.Limits.Memory.MakeRoomAsync(_buffer, waiting.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_interrupted)
        {
            throw Released ? SparkErrors.OperationAbandoned(OperationId) : SparkErrors.Canceled(OperationId);
        }
    }

    private bool TryTakeBuffered(long position, out ExecutePlanResponse? response, out bool ended)
    {
        ended = false;
        switch (_buffer.Find(position, out response, out var failure))
        {
            case ReplayLookup.Found:
                return true;
            case ReplayLookup.Ended:
                ended = true;
                return true;
            case ReplayLookup.Failed:
                throw failure!;
            case ReplayLookup.Closed:
                throw SparkErrors.OperationAbandoned(OperationId);
            case ReplayLookup.Dropped:
                throw SparkErrors.PositionNotAvailable(position, _ids.For(position));
            default:
                return false;
        }
    }

    private async Task<ExecutePlanResponse> ProduceAsync(long position, CancellationToken cancellationToken)
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
            Stamp(response, position);
            return response;
        }
        catch (Exception error) when (error is not OperationCanceledException || _interrupted)
        {
            var failure = _interrupted ? SparkErrors.Canceled(OperationId) : SparkErrors.Classify(error);
            _buffer.Fail(failure);
            Close();
            throw failure;
        }
    }

    private void Stamp(ExecutePlanResponse response, long position)
    {
        response.SessionId = _session.Key.SessionId;
        response.ServerSideSessionId = _session.ServerSideSessionId;
        response.OperationId = OperationId;
        response.ResponseId = _ids.For(position);
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
