using Microsoft.Extensions.Logging;
using Spark.Connect.Protocol;
using Spark.Linq.Plans;

namespace Spark.Linq.Execution;

/// <summary>
/// The plan text of each query at Debug (category <c>Spark.Linq.Query</c>), under the operation id the client then logs
/// the query's start and end with. Literal values print as <c>?</c> unless
/// <see cref="Spark.Connect.SparkConnectClientOptions.EnableSensitiveDataLogging"/> is on.
/// </summary>
internal static partial class QueryLog
{
    public const string Category = "Spark.Linq.Query";

    public static void Planned(SparkSession session, string operationId, Relation relation)
    {
        var options = session.Client.Options;
        var logger = options.LoggerFactory?.CreateLogger(Category);
        if (logger is null || !logger.IsEnabled(LogLevel.Debug)) return;
        var shown = options.EnableSensitiveDataLogging ? relation : LiteralRedactor.Redact(relation);
        QueryPlan(logger, operationId, PlanPrinter.Print(shown));
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Debug, EventName = "QueryPlan", Message = "Spark.Linq query {OperationId} plan:\n{Plan}")]
    private static partial void QueryPlan(ILogger logger, string operationId, string plan);
}
