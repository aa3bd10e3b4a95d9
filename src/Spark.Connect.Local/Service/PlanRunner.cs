using Spark.Connect.Arrow;
using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Results;
using Spark.Connect.Local.Service.Show;

namespace Spark.Connect.Local.Service;

/// <summary>
/// Opens the responses of a relation plan. Most roots are planned into one DuckDB statement and streamed;
/// a few are answered by the service itself: <c>show_string</c> / <c>html_string</c> (the input is run and
/// formatted as Spark's Dataset does).
/// </summary>
internal static class PlanRunner
{
    /// <summary>
    /// Opens <paramref name="plan"/>'s root on <paramref name="session"/>. <paramref name="beforeRun"/> sees each
    /// statement's SQL before it runs; it throws to refuse one (a side connection refuses anything but plain queries).
    /// <paramref name="zone"/> is the session time zone, in which shown timestamps are written.
    /// </summary>
    internal static IResponseSource Open(IPlanningSession session, Plan plan, DuckDbArrowConverter converter, Action<string> beforeRun, TimeZoneInfo zone)
    {
        if (plan.OpTypeCase != Plan.OpTypeOneofCase.Root)
            return Query(session, ResultProducer.PlanRoot(session, plan), converter, beforeRun);
        var root = plan.Root;
        return root.RelTypeCase switch
        {
            Relation.RelTypeOneofCase.ShowString => ShowRoot.Show(session, root.ShowString, converter, beforeRun, zone),
            Relation.RelTypeOneofCase.HtmlString => ShowRoot.Html(session, root.HtmlString, converter, beforeRun, zone),
            Relation.RelTypeOneofCase.LocalRelation when HasNoColumns(root.LocalRelation) => NoColumns(),
            Relation.RelTypeOneofCase.Sql when Planning.Resolution.StatementRelation.IsStatement(session, root.Sql) => Statement(session, root, converter, beforeRun),
            _ => Query(session, new LocalPlanner(session).Plan(root), converter, beforeRun),
        };
    }

    // What a DDL statement's sql_command_result holds: Spark collects it as no rows of no columns, while a
    // table can't have zero columns, so it is answered here instead of being loaded.
    internal static bool HasNoColumns(LocalRelation relation) =>
        relation.HasData && relation.Data.Length > 0 && new ArrowStreamReader(relation.Data.Memory).Schema.Fields.Count == 0;

    private static FixedResponses NoColumns()
    {
        var empty = new ArrowSchema([]);
        return new FixedResponses(
        [
            new ExecutePlanResponse { Schema = SparkSchema.ToDataType(empty) },
            new ExecutePlanResponse
            {
                ArrowBatch = new ExecutePlanResponse.Types.ArrowBatch
                {
                    RowCount = 0,
                    Data = Google.Protobuf.ByteString.CopyFrom(DuckDbArrowConverter.ToIpcStream(new RecordBatchBuilder(empty).Build())),
                },
            },
        ]);
    }

    /// <summary>
    /// A statement as the root (a <c>SQL</c> relation holding CREATE, INSERT, …): Spark runs the command when the plan is
    /// executed and returns its rows; a result without columns is answered here, as DuckDB has no zero-column rows.
    /// </summary>
    private static IResponseSource Statement(IPlanningSession session, Relation root, DuckDbArrowConverter converter, Action<string> beforeRun)
    {
        if (Planning.Sql.TempViewStatement.TryRead(root.Sql.Query) is null)
            Planning.Sql.Statements.StatementParser.Parse(root.Sql.Query);
        var rows = session.RunStatement(root.Sql);
        if (Planning.Resolution.StatementRelation.HasNoColumns(rows))
            return NoColumns();
        return Query(session, new LocalPlanner(session).Plan(new Relation { LocalRelation = new LocalRelation { Data = Google.Protobuf.ByteString.CopyFrom(rows) } }), converter, beforeRun);
    }

    private static ResultProducer Query(IPlanningSession session, PlannedQuery query, DuckDbArrowConverter converter, Action<string> beforeRun)
    {
        beforeRun(query.Sql);
        return ResultProducer.Start(session, query, converter);
    }
}
