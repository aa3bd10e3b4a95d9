using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Spark.Connect.Transport;

namespace Spark.Connect.Tests.Client;

/// <summary>Builders shared by the session tests: clients over a fake transport, responses and errors.</summary>
internal static class ClientTestKit
{
    public const string ServerSession = "server-session-1";

    public static Plan RangePlan(long end = 10) => new() { Root = new Relation { Range = new Spark.Connect.Protocol.Range { End = end, Step = 1 } } };

    public static SparkConnectClient NewClient(FakeTransport transport, List<TimeSpan>? waits = null, RetryPolicy? retry = null,
        string connectionString = "sc://localhost", bool reattachable = true) =>
        SparkConnectClient.Create(new SparkConnectClientOptions
        {
            ConnectionString = connectionString,
            TransportFactory = _ => transport,
            RetryPolicy = retry ?? new RetryPolicy { MaxRetries = 3 },
            ReattachableExecution = reattachable,
            RetryDelay = (wait, _) => { waits?.Add(wait); return Task.CompletedTask; },
        });

    public static ExecutePlanResponse Batch(string responseId, string? operationId = null) => new()
    {
        ResponseId = responseId,
        OperationId = operationId ?? string.Empty,
        ServerSideSessionId = ServerSession,
        ArrowBatch = new ExecutePlanResponse.Types.ArrowBatch { RowCount = 1, Data = ByteString.CopyFromUtf8(responseId) },
    };

    public static ExecutePlanResponse Complete(string responseId) => new()
    {
        ResponseId = responseId,
        ServerSideSessionId = ServerSession,
        ResultComplete = new ExecutePlanResponse.Types.ResultComplete(),
    };

    /// <summary>Yields <paramref name="responses"/>, then fails with <paramref name="failure"/> if given.</summary>
    public static async IAsyncEnumerable<ExecutePlanResponse> Stream(IEnumerable<ExecutePlanResponse> responses, GrpcException? failure = null)
    {
        foreach (var response in responses)
        {
            await Task.Yield();
            yield return response;
        }
        if (failure is not null) throw failure;
    }

    public static GrpcException SparkError(string message, string errorClass, string sqlState, string? errorId = null,
        string messageParameters = "{\"relationName\":\"`nope`\"}")
    {
        var info = new ErrorInfo { Reason = "org.apache.spark.sql.AnalysisException", Domain = "org.apache.spark" };
        info.Metadata["classes"] = "[\"org.apache.spark.sql.AnalysisException\",\"org.apache.spark.SparkThrowable\"]";
        info.Metadata["errorClass"] = errorClass;
        info.Metadata["sqlState"] = sqlState;
        info.Metadata["messageParameters"] = messageParameters;
        if (errorId is not null) info.Metadata["errorId"] = errorId;
        var status = new Google.Rpc.Status { Code = (int)GrpcStatusCode.Internal, Message = message, Details = { Any.Pack(info) } };
        return new GrpcException(GrpcStatusCode.Internal, message, status);
    }

    public static GrpcException Unavailable(string detail = "connection reset") => new(GrpcStatusCode.Unavailable, detail);

    public static async Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source) list.Add(item);
        return list;
    }
}
