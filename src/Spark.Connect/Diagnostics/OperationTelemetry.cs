using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Spark.Connect.Transport;

namespace Spark.Connect.Diagnostics;

/// <summary>
/// The span, measurements and log lines of one operation: an execution from its ExecutePlan to the end of its result
/// (however many streams it took), or one unary call with its retries. Ends exactly once: succeeded, stopped early by
/// the caller, or failed.
/// </summary>
internal sealed class OperationTelemetry
{
    private readonly ClientTelemetry _client;
    private readonly string _operation;
    private readonly string _summary;
    private readonly string? _collection;
    private readonly string? _operationId;
    private readonly long _started = Stopwatch.GetTimestamp();
    private bool _ended;

    public OperationTelemetry(ClientTelemetry client, string operation, string summary, string? collection, string? operationId)
    {
        _client = client;
        _operation = operation;
        _summary = summary;
        _collection = collection;
        _operationId = operationId;
        var tags = new List<KeyValuePair<string, object?>>(8);
        foreach (var tag in Tags()) tags.Add(tag);
        if (operationId is not null) tags.Add(new(TelemetryNames.OperationId, operationId));
        Activity = ClientTelemetry.Source.StartActivity(ActivityKind.Client, tags: tags, name: summary);
        client.Metrics.ActiveOperations.Add(1, client.BaseTags(operation));
    }

    /// <summary>The operation's span, when someone listens; calls made for the operation are its children.</summary>
    public Activity? Activity { get; }

    public long Rows { get; private set; }
    public long Batches { get; private set; }
    public long Bytes { get; private set; }

    /// <summary>Counts what a response of an execution brought (a batch split over several responses counts once).</summary>
    public void Observe(ExecutePlanResponse response)
    {
        if (response.ArrowBatch is not { } batch) return;
        Bytes += batch.Data.Length;
        if (batch.ChunkIndex > 0) return;
        Batches++;
        Rows += batch.RowCount;
    }

    public void Succeeded()
    {
        if (!End(null, out var elapsed)) return;
        if (_operationId is not null)
            ClientLog.ExecutionFinished(_client.Logger, _operationId, Milliseconds(elapsed), Rows, Batches, Bytes, _summary);
        else
            ClientLog.CallFinished(_client.Logger, _summary, Milliseconds(elapsed));
    }

    /// <summary>The caller stopped reading before the result's end (an early break, a terminal operator with enough rows).</summary>
    public void StoppedEarly()
    {
        if (!End(null, out var elapsed)) return;
        Activity?.SetTag(TelemetryNames.Outcome, "stopped_early");
        ClientLog.ExecutionStopped(_client.Logger, _operationId ?? string.Empty, Milliseconds(elapsed), Rows, Batches, Bytes, _summary);
    }

    public void Failed(Exception error)
    {
        if (!End(error, out var elapsed)) return;
        var (type, sqlState, status) = Describe(error);
        var cancelled = error is OperationCanceledException;
        var level = cancelled ? (_operationId is null ? LogLevel.Debug : LogLevel.Information) : LogLevel.Error;
        var attached = _client.IncludeSensitiveData ? error : null;
        if (_operationId is not null)
            ClientLog.ExecutionFailed(_client.Logger, level, attached, _operationId, Milliseconds(elapsed), type, sqlState, status?.ToString(), Rows, _summary);
        else
            ClientLog.CallFailed(_client.Logger, level, attached, _summary, Milliseconds(elapsed), type, sqlState, status?.ToString());
    }

    private bool End(Exception? error, out TimeSpan elapsed)
    {
        elapsed = Stopwatch.GetElapsedTime(_started);
        if (_ended) return false;
        _ended = true;
        var tags = _client.BaseTags(_operation);
        tags.Add(TelemetryNames.DbQuerySummary, _summary);
        if (_collection is not null) tags.Add(TelemetryNames.DbCollectionName, _collection);
        _client.Metrics.ActiveOperations.Add(-1, _client.BaseTags(_operation));
        if (error is not null)
        {
            var (type, sqlState, status) = Describe(error);
            tags.Add(TelemetryNames.ErrorType, type);
            if (sqlState is not null) tags.Add(TelemetryNames.DbResponseStatusCode, sqlState);
            Activity?.SetTag(TelemetryNames.ErrorType, type);
            if (sqlState is not null) Activity?.SetTag(TelemetryNames.DbResponseStatusCode, sqlState);
            if (status is { } code) Activity?.SetTag(TelemetryNames.GrpcStatusCode, (int)code);
            Activity?.SetStatus(ActivityStatusCode.Error, _client.IncludeSensitiveData ? error.Message : type);
        }
        _client.Metrics.OperationDuration.Record(elapsed.TotalSeconds, tags);
        if (_operationId is not null)
        {
            _client.Metrics.ReturnedRows.Record(Rows, tags);
            _client.Metrics.ReceivedBytes.Record(Bytes, tags);
            _client.Metrics.ReceivedBatches.Record(Batches, tags);
            Activity?.SetTag(TelemetryNames.DbResponseReturnedRows, Rows);
            Activity?.SetTag(TelemetryNames.ResponseBatches, Batches);
            Activity?.SetTag(TelemetryNames.ResponseBytes, Bytes);
        }
        Activity?.Dispose();
        return true;
    }

    private IEnumerable<KeyValuePair<string, object?>> Tags()
    {
        yield return new(TelemetryNames.DbSystemName, SparkConnectDiagnostics.DbSystemName);
        yield return new(TelemetryNames.DbOperationName, _operation);
        yield return new(TelemetryNames.DbQuerySummary, _summary);
        if (_collection is not null) yield return new(TelemetryNames.DbCollectionName, _collection);
        yield return new(TelemetryNames.ServerAddress, _client.ServerAddress);
        yield return new(TelemetryNames.ServerPort, _client.ServerPort);
    }

    /// <summary>
    /// <c>error.type</c>: Spark's error class when the server sent one (its SQLSTATE becomes <c>db.response.status_code</c>),
    /// else the exception's type name; plus the gRPC status when the failure had one.
    /// </summary>
    private static (string Type, string? SqlState, GrpcStatusCode? Status) Describe(Exception error) => error switch
    {
        SparkException spark => (spark.ErrorClass ?? spark.GetType().FullName!, spark.SqlState, spark.StatusCode),
        GrpcException grpc => (grpc.GetType().FullName!, null, grpc.StatusCode),
        _ => (error.GetType().FullName!, null, null),
    };

    private static long Milliseconds(TimeSpan elapsed) => (long)elapsed.TotalMilliseconds;
}
