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
            _ => Query(session, new LocalPlanner(session).Plan(root), converter, beforeRun),
        };
    }

    private static ResultProducer Query(IPlanningSession session, PlannedQuery query, DuckDbArrowConverter converter, Action<string> beforeRun)
    {
        beforeRun(query.Sql);
        return ResultProducer.Start(session, query, converter);
    }
}
