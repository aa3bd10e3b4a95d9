using System.Diagnostics;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using Spark.Connect.Transport;

namespace Spark.Connect.Diagnostics;

/// <summary>
/// One client's telemetry: the activity source, its instruments, its logger and the server attributes every span and
/// measurement carries. Operations start here (<see cref="StartExecution"/>, <see cref="StartCall"/>); retries and
/// reattaches are counted here.
/// </summary>
internal sealed class ClientTelemetry
{
    /// <summary>The source of every span the client makes.</summary>
    public static readonly ActivitySource Source = new(SparkConnectDiagnostics.ActivitySourceName, ClientMetrics.Version);

    public ClientTelemetry(SparkConnectionString connection, SparkConnectClientOptions options, ILogger logger)
    {
        ServerAddress = connection.Host;
        ServerPort = connection.Port;
        Metrics = ClientMetrics.Create(options.MeterFactory);
        Logger = logger;
        IncludeSensitiveData = options.EnableSensitiveDataLogging;
    }

    public string ServerAddress { get; }
    public int ServerPort { get; }
    public ClientMetrics Metrics { get; }
    public ILogger Logger { get; }

    /// <summary>Whether failure logs and spans may carry exception messages, which can quote values.</summary>
    public bool IncludeSensitiveData { get; }

    /// <summary>Starts the telemetry of an ExecutePlan operation (a query or command), before its first call.</summary>
    public OperationTelemetry StartExecution(ExecutePlanRequest request)
    {
        var (summary, collection) = OperationSummary.Describe("ExecutePlan", request);
        var operation = new OperationTelemetry(this, "ExecutePlan", summary, collection, request.OperationId);
        ClientLog.ExecutionStarting(Logger, request.OperationId, summary, ServerAddress, ServerPort);
        return operation;
    }

    /// <summary>Starts the telemetry of a unary call (AnalyzePlan, Config, Interrupt, ReleaseSession, …).</summary>
    public OperationTelemetry StartCall(string method, IMessage request)
    {
        var (summary, collection) = OperationSummary.Describe(method, request);
        return new OperationTelemetry(this, method, summary, collection, operationId: null);
    }

    /// <summary>Counts a retry of <paramref name="operation"/> after a failure with <paramref name="status"/>.</summary>
    public void Retried(string operation, GrpcStatusCode status)
    {
        var tags = BaseTags(operation);
        tags.Add(TelemetryNames.GrpcStatusCode, (int)status);
        Metrics.Retries.Add(1, tags);
        Activity.Current?.AddEvent(new ActivityEvent("spark.retry", tags: new ActivityTagsCollection { [TelemetryNames.GrpcStatusCode] = (int)status }));
    }

    /// <summary>Counts a ReattachExecute of an execution whose span is <paramref name="activity"/>.</summary>
    public void Reattached(Activity? activity)
    {
        Metrics.Reattaches.Add(1, BaseTags("ExecutePlan"));
        activity?.AddEvent(new ActivityEvent("spark.reattach"));
    }

    /// <summary>The attributes every measurement of <paramref name="operation"/> carries.</summary>
    public TagList BaseTags(string operation) => new()
    {
        { TelemetryNames.DbSystemName, SparkConnectDiagnostics.DbSystemName },
        { TelemetryNames.DbOperationName, operation },
        { TelemetryNames.ServerAddress, ServerAddress },
        { TelemetryNames.ServerPort, ServerPort },
    };
}
