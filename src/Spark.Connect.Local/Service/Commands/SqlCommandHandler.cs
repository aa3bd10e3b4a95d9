using Google.Protobuf;
using Spark.Connect.Arrow;
using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Results;

namespace Spark.Connect.Local.Service.Commands;

/// <summary>
/// <c>SqlCommand</c> (what <c>spark.sql(…)</c> sends), answered as Spark's planner does with one
/// <c>sql_command_result</c>: a query comes back unevaluated as a <c>SQL</c> relation carrying the query and
/// its arguments (checked now, run when the client collects it); any other statement runs now and its rows
/// come back inside a <c>LocalRelation</c> (one Arrow IPC stream).
/// </summary>
internal static class SqlCommandHandler
{
    internal static IResponseSource Run(LocalSession session, SqlCommand command, DuckDbArrowConverter converter)
    {
        var sql = SqlOf(command);
        var relation = new Relation { Sql = sql };
        Relation result;
        if (SqlStatementKind.IsQuery(sql.Query))
        {
            // Spark analyzes the query at spark.sql time, so a missing table fails here; preparing binds without running.
            using (LocalPlanner.Prepare(session.Connection, new LocalPlanner(session).Plan(relation)))
            {
            }
            result = relation;
        }
        else
        {
            result = new Relation { LocalRelation = new LocalRelation { Data = ByteString.CopyFrom(Execute(session, relation, converter)) } };
        }
        return new FixedResponses([new ExecutePlanResponse { SqlCommandResult = new ExecutePlanResponse.Types.SqlCommandResult { Relation = result } }]);
    }

    /// <summary>The statement and its arguments: from <c>input</c> (Spark 4's form) or the older fields of the command itself.</summary>
    private static SQL SqlOf(SqlCommand command)
    {
        if (command.Input is { } input && input.RelTypeCase != Relation.RelTypeOneofCase.None)
        {
            return input.RelTypeCase == Relation.RelTypeOneofCase.Sql
                ? input.Sql.Clone()
                : throw SparkErrors.Unsupported($"a SQL command whose input is a '{input.RelTypeCase}' relation (spark.sql with DataFrame arguments)");
        }
        var sql = new SQL { Query = command.Sql };
        sql.Args.Add(command.Args);
        sql.PosArgs.Add(command.PosArgs);
        sql.NamedArguments.Add(command.NamedArguments);
        sql.PosArguments.Add(command.PosArguments);
        return sql;
    }

    /// <summary>
    /// Runs the statement (arguments bound) and returns its rows as one IPC stream. Statements Spark reports
    /// without output (CREATE, INSERT, DROP, …) give an empty schema, where DuckDB would report a count.
    /// </summary>
    private static byte[] Execute(LocalSession session, Relation relation, DuckDbArrowConverter converter)
    {
        if (SetStatement.TryRun(session, relation.Sql) is { } set)
            return set;
        var query = new LocalPlanner(session).Plan(relation);
        // The statement may create temp tables or change settings only this connection sees.
        session.MarkTemporaryState();
        using var statement = LocalPlanner.Prepare(session.Connection, query);
        using var rows = statement.Execute();
        if (SqlStatementKind.HasNoOutput(relation.Sql.Query))
            return ArrowStreamWriter.WriteToArray(new ArrowSchema([]), [new RecordBatchBuilder(new ArrowSchema([])).Build()]);
        var batches = converter.ReadBatches(rows).ToList();
        return ArrowStreamWriter.WriteToArray(batches[0].Schema, batches);
    }
}
