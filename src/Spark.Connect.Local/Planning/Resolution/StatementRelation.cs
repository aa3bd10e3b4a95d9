namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// A <c>SQL</c> relation whose text is a Spark SQL statement rather than a query (<c>CREATE TABLE</c>, <c>INSERT</c>, …, as
/// some clients send <c>spark.sql</c>). Spark's planner parses it into the command's plan, which runs eagerly when the
/// relation is analyzed or executed, and the relation is then the command's result rows (none, of no columns, for DDL).
/// The engine does the same: the statement runs once per planning of the relation (<see cref="PlanningContext.StatementRows"/>)
/// and its rows are read as client data.
/// </summary>
internal static class StatementRelation
{
    /// <summary>Whether <paramref name="sql"/> is a statement the engine carries out itself (Spark SQL, not a query).</summary>
    internal static bool IsStatement(IPlanningSession session, SQL sql) =>
        session.SqlDialect == SqlDialect.Spark && !SqlStatementKind.IsQuery(sql.Query);

    /// <summary>Runs the statement now (its syntax checked first) and plans its rows.</summary>
    internal static LogicalPlan Resolve(RelationResolver resolver, Relation relation)
    {
        var planning = resolver.Context.Planning;
        if (Sql.TempViewStatement.TryRead(relation.Sql.Query) is null)
            Sql.Statements.StatementParser.Parse(relation.Sql.Query);
        var rows = planning.StatementRows(relation, () => planning.Session.RunStatement(relation.Sql));
        if (HasNoColumns(rows))
            // DuckDB has no zero-column rows; an empty scan of no columns still counts (0) and filters as Spark's empty result.
            return new ScanPlan(RelationResolver.PlanId(relation), [], "SELECT 1 WHERE false");
        var local = new Relation { LocalRelation = new LocalRelation { Data = Google.Protobuf.ByteString.CopyFrom(rows) } };
        if (relation.Common is { } common)
            local.Common = common;
        return resolver.Resolve(local);
    }

    /// <summary>Whether an Arrow IPC stream has no columns (a DDL statement's result).</summary>
    internal static bool HasNoColumns(byte[] rows) => new Spark.Connect.Arrow.ArrowStreamReader(rows).Schema.Fields.Count == 0;
}
