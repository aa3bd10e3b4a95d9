using Spark.Connect.Local.Planning;

namespace Spark.Connect.Local.Service.Commands;

/// <summary>
/// Runs the write commands (DataFrameWriter v1 <c>write_operation</c>, DataFrameWriterV2 <c>write_operation_v2</c>)
/// when an ExecutePlan operation starts. The write happens here; like Spark, the operation then answers with
/// no result rows, only <c>result_complete</c>. Writes run only on the session's own connection (never a side
/// connection), so they are ordered with the session's other statements.
/// </summary>
internal static class WriteCommands
{
    internal static IResponseSource Run(IPlanningSession session, Command command)
    {
        if (session is SideConnection)
            throw new NeedsSessionConnectionException();
        switch (command.CommandTypeCase)
        {
            case Command.CommandTypeOneofCase.WriteOperation:
                WriteV1(session, command.WriteOperation);
                break;
            case Command.CommandTypeOneofCase.WriteOperationV2:
                TableWriterV2.Write(session, command.WriteOperationV2);
                break;
            default:
                throw SparkErrors.Unsupported($"the command '{command.CommandTypeCase}'");
        }
        return new FixedResponses([]);
    }

    private static void WriteV1(IPlanningSession session, WriteOperation write)
    {
        // Spark checks this first, whatever the write's target: a sort order only means something within buckets.
        if (write.SortColumnNames.Count > 0 && write.BucketBy is not { BucketColumnNames.Count: > 0 })
            throw new LocalEngineException("SORT_BY_WITHOUT_BUCKETING", "42601", "sortBy must be used together with bucketBy.");
        if (write.SortColumnNames.Count > 0)
            throw LocalEngineException.Unsupported($"sortBy ({string.Join(", ", write.SortColumnNames)}) on write", "Sort the DataFrame before writing instead.");
        if (write.BucketBy is { BucketColumnNames.Count: > 0 } bucket)
            throw LocalEngineException.Unsupported($"bucketBy ({string.Join(", ", bucket.BucketColumnNames)}) on write", "Write without buckets.");
        if (write.ClusteringColumns.Count > 0)
            throw LocalEngineException.Unsupported($"clusterBy ({string.Join(", ", write.ClusteringColumns)}) on write", "Write without clustering columns.");
        switch (write.SaveTypeCase)
        {
            case WriteOperation.SaveTypeOneofCase.Path:
                PathWriter.Write(session, write);
                break;
            case WriteOperation.SaveTypeOneofCase.Table:
                TableWriter.Write(session, write);
                break;
            default:
                throw new LocalEngineException("INVALID_PARAMETER_VALUE", "22023", "A write needs a path (save) or a table (saveAsTable, insertInto).");
        }
    }
}
