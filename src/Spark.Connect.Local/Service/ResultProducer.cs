using Google.Protobuf;
using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Results;

namespace Spark.Connect.Local.Service;

/// <summary>
/// One running query: the prepared statement, its streaming result and the converter's batch
/// enumerator. <see cref="Next"/> reads one bounded Arrow batch; only that batch is in memory.
/// </summary>
internal sealed class ResultProducer : IDisposable
{
    private readonly DuckDbPreparedStatement _statement;
    private readonly DuckDbResult _result;
    private readonly IEnumerator<Spark.Connect.Arrow.RecordBatch> _batches;

    private ResultProducer(DuckDbPreparedStatement statement, DuckDbResult result, DuckDbArrowConverter converter)
    {
        _statement = statement;
        _result = result;
        _batches = converter.ReadBatches(result).GetEnumerator();
    }

    /// <summary>Starts running a planned query on <paramref name="session"/>'s connection.</summary>
    internal static ResultProducer Start(IPlanningSession session, PlannedQuery query, DuckDbArrowConverter converter)
    {
        var statement = LocalPlanner.Prepare(session.Connection, query);
        try
        {
            var result = statement.Execute();
            try
            {
                return new ResultProducer(statement, result, converter);
            }
            catch
            {
                result.Dispose();
                throw;
            }
        }
        catch
        {
            statement.Dispose();
            throw;
        }
    }

    /// <summary>The planned query of a plan's root relation; commands are not executed by this engine.</summary>
    internal static PlannedQuery PlanRoot(IPlanningSession session, Plan plan) => plan.OpTypeCase switch
    {
        Plan.OpTypeOneofCase.Root => new LocalPlanner(session).Plan(plan.Root),
        Plan.OpTypeOneofCase.Command when Commands.WriteCommands.Handles(plan.Command) => Commands.WriteCommands.Run(session, plan.Command),
        Plan.OpTypeOneofCase.Command => throw SparkErrors.Unsupported($"the command '{plan.Command.CommandTypeCase}'"),
        _ => throw SparkErrors.Unsupported($"a plan of kind '{plan.OpTypeCase}'"),
    };

    /// <summary>The next batch as an <c>arrow_batch</c> response body, or null when the result is exhausted.</summary>
    internal ExecutePlanResponse.Types.ArrowBatch? Next()
    {
        if (!_batches.MoveNext())
            return null;
        var batch = _batches.Current;
        return new ExecutePlanResponse.Types.ArrowBatch
        {
            RowCount = batch.Length,
            Data = ByteString.CopyFrom(DuckDbArrowConverter.ToIpcStream(batch)),
        };
    }

    public void Dispose()
    {
        _batches.Dispose();
        _result.Dispose();
        _statement.Dispose();
    }
}
