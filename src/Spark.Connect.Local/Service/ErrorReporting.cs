using System.Collections.Concurrent;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Spark.Connect.Local.Planning;

namespace Spark.Connect.Local.Service;

/// <summary>
/// Turns engine errors into what a Spark Connect client expects: a gRPC status whose details hold a
/// google.rpc.ErrorInfo (reason = error class; metadata errorClass, sqlState, messageParameters, classes
/// and errorId), and later the full chain through FetchErrorDetails.
/// </summary>
internal static class ErrorReporting
{
    private const string Domain = "org.apache.spark";

    /// <summary>The error as an <see cref="RpcException"/> whose trailers carry the rich status (<c>grpc-status-details-bin</c>).</summary>
    internal static RpcException ToGrpc(LocalEngineException error, string? errorId)
    {
        var info = new ErrorInfo { Reason = error.ErrorClass, Domain = Domain };
        info.Metadata["errorClass"] = error.ErrorClass;
        info.Metadata["sqlState"] = error.SqlState;
        info.Metadata["messageParameters"] = JsonSerializer.Serialize(error.MessageParameters);
        info.Metadata["classes"] = JsonSerializer.Serialize(TypeHierarchy(error));
        if (errorId is not null)
            info.Metadata["errorId"] = errorId;
        var message = $"[{error.ErrorClass}] {error.Message} SQLSTATE: {error.SqlState}";
        var status = new Google.Rpc.Status { Code = (int)StatusCode.Internal, Message = message };
        status.Details.Add(Any.Pack(info));
        return status.ToRpcException();
    }

    /// <summary>The FetchErrorDetails answer: the error, then its causes, each pointing at the next.</summary>
    internal static FetchErrorDetailsResponse ToDetails(LocalEngineException error)
    {
        var response = new FetchErrorDetailsResponse { RootErrorIdx = 0 };
        var throwable = new FetchErrorDetailsResponse.Types.SparkThrowable { ErrorClass = error.ErrorClass, SqlState = error.SqlState };
        throwable.MessageParameters.Add(error.MessageParameters.ToDictionary(p => p.Key, p => p.Value));
        var root = new FetchErrorDetailsResponse.Types.Error { Message = $"[{error.ErrorClass}] {error.Message} SQLSTATE: {error.SqlState}", SparkThrowable = throwable };
        root.ErrorTypeHierarchy.Add(TypeHierarchy(error));
        response.Errors.Add(root);
        var depth = 0;
        for (var cause = error.InnerException; cause is not null && depth < 16; cause = cause.InnerException, depth++)
        {
            response.Errors[^1].CauseIdx = response.Errors.Count;
            var entry = new FetchErrorDetailsResponse.Types.Error { Message = cause.Message };
            for (var type = cause.GetType(); type is not null && type != typeof(object); type = type.BaseType)
                entry.ErrorTypeHierarchy.Add(type.FullName ?? type.Name);
            response.Errors.Add(entry);
        }
        return response;
    }

    // The JVM class names a Spark client uses to pick an exception type (AnalysisException etc.).
    private static string[] TypeHierarchy(LocalEngineException error) => error.SqlState.StartsWith("42", StringComparison.Ordinal)
        ? ["org.apache.spark.sql.AnalysisException", "java.lang.Exception", "java.lang.Throwable"]
        : ["org.apache.spark.SparkException", "java.lang.Exception", "java.lang.Throwable"];
}

/// <summary>A session's recent errors by error id, kept for FetchErrorDetails (bounded: the oldest go first).</summary>
internal sealed class ErrorStore
{
    private const int Capacity = 256;
    private readonly ConcurrentDictionary<string, LocalEngineException> _errors = new();
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>Stores <paramref name="error"/> and returns the gRPC exception to throw.</summary>
    internal RpcException Report(LocalEngineException error)
    {
        var id = Guid.NewGuid().ToString();
        _errors[id] = error;
        _order.Enqueue(id);
        while (_order.Count > Capacity && _order.TryDequeue(out var oldest))
            _errors.TryRemove(oldest, out _);
        return ErrorReporting.ToGrpc(error, id);
    }

    internal LocalEngineException? Find(string errorId) => _errors.GetValueOrDefault(errorId);
}
