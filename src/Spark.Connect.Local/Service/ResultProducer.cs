using Google.Protobuf;
using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Results;

namespace Spark.Connect.Local.Service;

/// <summary>
/// One running query: the prepared statement, its streaming result and the converter's batch
/// enumerator. Like Spark's server it first answers with the result's <c>schema</c>, then each call
/// reads one bounded Arrow batch (only that batch is in memory).
/// </summary>
internal sealed class ResultProducer : IResponseSource
{
    private readonly DuckDbPreparedStatement _statement;
    private readonly DuckDbResult _result;
    private readonly IEnumerator<Spark.Connect.Arrow.RecordBatch> _batches;
    private bool _schemaSent;
    private int _lastIpcBytes;

    private ResultProducer(DuckDbPreparedStatement statement, DuckDbResult result, DuckDbArrowConverter converter, DataType? schema)
    {
        _statement = statement;
        _result = result;
        // Each batch is written to IPC bytes in Next before the enumerator moves on, so it may view reused buffers.
        _batches = converter.ReadLentBatches(result, schema).GetEnumerator();
        Schema = schema ?? SparkSchema.ToDataType(DuckDbArrowConverter.SchemaFor(result));
    }

    /// <summary>
    /// The result's schema as Spark states it (a <c>struct</c> DataType): the resolved plan's, with its
    /// nullability; derived from DuckDB's column types only for statements planned without one.
    /// </summary>
    internal DataType Schema { get; }

    /// <summary>Starts running a planned query on <paramref name="session"/>'s connection; <paramref name="schema"/> overrides the plan's.</summary>
    internal static ResultProducer Start(IPlanningSession session, PlannedQuery query, DuckDbArrowConverter converter, DataType? schema = null)
    {
        var statement = LocalPlanner.Prepare(session.Connection, query);
        try
        {
            var result = statement.Execute();
            try
            {
                return new ResultProducer(statement, result, converter, schema ?? query.Schema);
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
        Plan.OpTypeOneofCase.Command => throw SparkErrors.Unsupported($"the command '{plan.Command.CommandTypeCase}'"),
        _ => throw SparkErrors.Unsupported($"a plan of kind '{plan.OpTypeCase}'"),
    };

    /// <summary>The <c>schema</c> response first, then one <c>arrow_batch</c> per call; null when the result is exhausted.</summary>
    public ExecutePlanResponse? Next()
    {
        if (!_schemaSent)
        {
            _schemaSent = true;
            return new ExecutePlanResponse { Schema = Schema };
        }
        if (!_batches.MoveNext())
            return null;
        var batch = _batches.Current;
        // Batches of one result are about the same size: start each buffer at the last one's size plus slack.
        var ipc = DuckDbArrowConverter.ToIpcMemory(batch, _lastIpcBytes + _lastIpcBytes / 8);
        _lastIpcBytes = ipc.Length;
        return new ExecutePlanResponse
        {
            ArrowBatch = new ExecutePlanResponse.Types.ArrowBatch
            {
                RowCount = batch.Length,
                // The IPC bytes are a fresh buffer no one else holds (never pooled or reused): wrapping
                // saves a copy of every batch.
                Data = UnsafeByteOperations.UnsafeWrap(ipc),
            },
        };
    }

    public void Dispose()
    {
        _batches.Dispose();
        _result.Dispose();
        _statement.Dispose();
    }
}
