using Spark.Connect;
using Spark.Connect.Protocol;
using Spark.Linq.Execution;

namespace Spark.Linq.Writes;

/// <summary>
/// Runs a command through the session's client (the same ExecutePlan path as queries: reattach, retries, interrupt on
/// cancellation) and waits for it to finish. A write answers with no rows; a failure arrives as the client's
/// <see cref="SparkException"/> with Spark's error class.
/// </summary>
internal static class CommandRunner
{
    public static async Task RunAsync(SparkSession session, Command command, Relation input, CancellationToken cancellationToken)
    {
        var execution = new ExecutePlanOptions { OperationId = Guid.NewGuid().ToString() };
        QueryLog.Planned(session, execution.OperationId, input);
        await foreach (var _ in session.Client.ExecutePlanAsync(new Plan { Command = command }, execution, cancellationToken).ConfigureAwait(false))
        {
            // Responses (a schema, metrics) carry nothing the caller asked for; the stream's end is the command's end.
        }
    }
}
