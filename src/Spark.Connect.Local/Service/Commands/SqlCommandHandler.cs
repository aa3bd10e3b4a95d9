using Google.Protobuf;
using Spark.Connect.Arrow;
using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Statements;
using Spark.Connect.Local.Results;

namespace Spark.Connect.Local.Service.Commands;

/// <summary>
/// <c>SqlCommand</c> (what <c>spark.sql(…)</c> sends), answered as Spark's planner does with one
/// <c>sql_command_result</c>: a query comes back unevaluated as a <c>SQL</c> relation carrying the query and
/// its arguments (checked now, run when the client collects it); any other statement runs now and its rows
/// come back inside a <c>LocalRelation</c> (one Arrow IPC stream). Which statements may run at all is the
/// planner's <see cref="Planning.Statements.SqlStatementGuard"/>; SET, RESET and USE are answered by the service.
/// In Spark SQL (the default dialect) every other statement is parsed by <see cref="Planning.Sql.Statements.StatementParser"/>
/// and carried out by <see cref="Statements.StatementExecutor"/>; only the DuckDB dialect sends statements to DuckDB.
/// </summary>
internal static class SqlCommandHandler
{
    internal static IResponseSource Run(LocalSession session, SqlCommand command, DuckDbArrowConverter converter)
    {
        var sql = SqlOf(command);
        var relation = new Relation { Sql = sql };
        var result = SqlStatementKind.Read(sql.Query).Kind switch
        {
            StatementKind.Query => Checked(session, relation),
            _ when session.SqlDialect == SqlDialect.Spark => Local(StatementRows(session, sql)),
            StatementKind.Set or StatementKind.Reset or StatementKind.Use => Local(StatementRows(session, sql)),
            _ => Local(Execute(session, relation, converter)),
        };
        return new FixedResponses([new ExecutePlanResponse { SqlCommandResult = new ExecutePlanResponse.Types.SqlCommandResult { Relation = result } }]);
    }

    /// <summary>
    /// Carries out a statement that is not a query and returns its rows (one Arrow IPC stream): SET, RESET and USE are the
    /// session's own commands, answered here; CREATE TEMP VIEW … AS query creates the view as createOrReplaceTempView does;
    /// in Spark SQL every other statement is parsed and carried out by the engine, none of its text reaching DuckDB. Used by
    /// <c>spark.sql</c> and by a <c>SQL</c> relation holding a statement, which Spark runs when the relation is planned.
    /// </summary>
    internal static byte[] StatementRows(LocalSession session, SQL sql)
    {
        if (session.SqlDialect == SqlDialect.Spark && Planning.Sql.TempViewStatement.TryRead(sql.Query) is { } view)
            return CreateView(session, sql, view);
        return SqlStatementKind.Read(sql.Query).Kind switch
        {
            StatementKind.Set => SetStatement.Set(session, sql.Query),
            StatementKind.Reset => SetStatement.Reset(session, sql.Query),
            StatementKind.Use => UseStatement.Run(sql.Query, session),
            _ => Planning.Sql.Statements.StatementParser.Parse(sql.Query) is { } statement
                ? Statements.StatementExecutor.Run(session, sql, statement)
                : throw StatementErrors.Syntax("The SQL text holds no statement."),
        };
    }

    private static byte[] CreateView(LocalSession session, SQL sql, Planning.Sql.TempViewStatement view)
    {
        var query = sql.Clone();
        query.Query = view.Query;
        var input = new Relation { Sql = query };
        if (view.Columns.Count > 0)
        {
            var renamed = new ToDF { Input = input };
            renamed.ColumnNames.AddRange(view.Columns);
            input = new Relation { ToDf = renamed };
        }
        CreateViewCommandHandler.Run(session, new CreateDataFrameViewCommand { Name = view.Name, Input = input, IsGlobal = view.Global, Replace = view.Replace });
        return CommandRows.Empty();
    }

    // Spark analyzes the query at spark.sql time, so a missing table fails here; preparing binds without running.
    private static Relation Checked(LocalSession session, Relation relation)
    {
        using (LocalPlanner.Prepare(session.Connection, new LocalPlanner(session).Plan(relation)))
        {
        }
        return relation;
    }

    private static Relation Local(byte[] ipc) => new() { LocalRelation = new LocalRelation { Data = ByteString.CopyFrom(ipc) } };

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
        var query = new LocalPlanner(session).Plan(relation);
        // The statement may create temp tables only this connection sees.
        session.MarkTemporaryState();
        using var statement = LocalPlanner.Prepare(session.Connection, query);
        using var rows = statement.Execute();
        if (SqlStatementKind.HasNoOutput(relation.Sql.Query))
            return CommandRows.Empty();
        var batches = converter.ReadBatches(rows, query.Schema).ToList();
        return ArrowStreamWriter.WriteToArray(batches[0].Schema, batches);
    }
}
