namespace Spark.Connect.Diagnostics;

/// <summary>Attribute and instrument names: OpenTelemetry's where the conventions define one, <c>spark.*</c> otherwise.</summary>
internal static class TelemetryNames
{
    public const string DbSystemName = "db.system.name";
    public const string DbOperationName = "db.operation.name";
    public const string DbQuerySummary = "db.query.summary";
    public const string DbCollectionName = "db.collection.name";
    public const string DbResponseStatusCode = "db.response.status_code";
    public const string DbResponseReturnedRows = "db.response.returned_rows";
    public const string ServerAddress = "server.address";
    public const string ServerPort = "server.port";
    public const string ErrorType = "error.type";
    public const string GrpcStatusCode = "rpc.grpc.status_code";

    public const string OperationId = "spark.operation.id";
    public const string ResponseBatches = "spark.response.batches";
    public const string ResponseBytes = "spark.response.bytes";
    public const string Outcome = "spark.operation.outcome";

    public const string OperationDuration = "db.client.operation.duration";
    public const string ReturnedRows = "db.client.response.returned_rows";
    public const string ReceivedBytes = "spark.client.response.bytes";
    public const string ReceivedBatches = "spark.client.response.batches";
    public const string ActiveOperations = "spark.client.active_operations";
    public const string Retries = "spark.client.retries";
    public const string Reattaches = "spark.client.reattaches";
}
