using Microsoft.Extensions.Logging;

namespace Spark.Connect.Diagnostics;

/// <summary>
/// What the client logs about each operation (category <c>Spark.Connect.SparkConnectClient</c>). An execution (a query)
/// logs its start at Debug and its end at Information with the operation id, duration, rows, batches and bytes; unary
/// calls log their end at Debug. Failures are Errors naming Spark's error class and SQLSTATE; the exception itself (whose
/// message may quote values from the query or the data) is attached only with
/// <see cref="SparkConnectClientOptions.EnableSensitiveDataLogging"/>. No token or header value is ever logged.
/// </summary>
internal static partial class ClientLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Debug, EventName = "ExecutionStarting",
        Message = "Spark Connect operation {OperationId} starting: {Summary} on {ServerAddress}:{ServerPort}")]
    public static partial void ExecutionStarting(ILogger logger, string operationId, string summary, string serverAddress, int serverPort);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, EventName = "ExecutionFinished",
        Message = "Spark Connect operation {OperationId} finished in {ElapsedMilliseconds} ms: {Rows} rows in {Batches} batches, {Bytes} bytes ({Summary})")]
    public static partial void ExecutionFinished(ILogger logger, string operationId, long elapsedMilliseconds, long rows, long batches, long bytes, string summary);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, EventName = "ExecutionStopped",
        Message = "Spark Connect operation {OperationId} stopped by the caller after {ElapsedMilliseconds} ms: {Rows} rows in {Batches} batches, {Bytes} bytes read ({Summary})")]
    public static partial void ExecutionStopped(ILogger logger, string operationId, long elapsedMilliseconds, long rows, long batches, long bytes, string summary);

    [LoggerMessage(EventId = 103, EventName = "ExecutionFailed",
        Message = "Spark Connect operation {OperationId} failed after {ElapsedMilliseconds} ms with {ErrorType} (SQLSTATE {SqlState}, gRPC status {GrpcStatus}) after {Rows} rows ({Summary})")]
    public static partial void ExecutionFailed(ILogger logger, LogLevel level, Exception? exception, string operationId, long elapsedMilliseconds,
        string errorType, string? sqlState, string? grpcStatus, long rows, string summary);

    [LoggerMessage(EventId = 110, Level = LogLevel.Debug, EventName = "CallFinished",
        Message = "Spark Connect {Summary} finished in {ElapsedMilliseconds} ms")]
    public static partial void CallFinished(ILogger logger, string summary, long elapsedMilliseconds);

    [LoggerMessage(EventId = 111, EventName = "CallFailed",
        Message = "Spark Connect {Summary} failed after {ElapsedMilliseconds} ms with {ErrorType} (SQLSTATE {SqlState}, gRPC status {GrpcStatus})")]
    public static partial void CallFailed(ILogger logger, LogLevel level, Exception? exception, string summary, long elapsedMilliseconds,
        string errorType, string? sqlState, string? grpcStatus);
}
