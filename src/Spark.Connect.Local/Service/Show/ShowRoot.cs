using Spark.Connect.Arrow;
using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Results;

namespace Spark.Connect.Local.Service.Show;

/// <summary>
/// <c>show_string</c> and <c>html_string</c> at a plan's root (what <c>df.show()</c> and notebooks send): runs
/// the input, reads one row more than asked for, formats the text as Spark does and answers with one row of
/// one non-null string column named <c>show_string</c> / <c>html_string</c>.
/// </summary>
internal static class ShowRoot
{
    internal static IResponseSource Show(IPlanningSession session, ShowString show, DuckDbArrowConverter converter, Action<string> beforeRun, TimeZoneInfo zone)
    {
        var (header, rows) = Fetch(session, show.Input, show.NumRows, converter, beforeRun, zone);
        return SingleValueResult.String("show_string", ShowFormatter.Text(header, rows, show.NumRows, show.Truncate, show.Vertical));
    }

    internal static IResponseSource Html(IPlanningSession session, HtmlString html, DuckDbArrowConverter converter, Action<string> beforeRun, TimeZoneInfo zone)
    {
        var (header, rows) = Fetch(session, html.Input, html.NumRows, converter, beforeRun, zone);
        return SingleValueResult.String("html_string", ShowFormatter.Html(header, rows, html.NumRows, html.Truncate));
    }

    /// <summary>The column names and the first rows (as Spark's text) of the input; reading stops once enough rows are in.</summary>
    private static (IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) Fetch(
        IPlanningSession session, Relation? input, int numRows, DuckDbArrowConverter converter, Action<string> beforeRun, TimeZoneInfo zone)
    {
        if (input is null || input.RelTypeCase == Relation.RelTypeOneofCase.None)
            throw new LocalEngineException("INVALID_PLAN", "XX000", "A show_string or html_string relation is missing its input relation.");
        var query = new LocalPlanner(session).Plan(input);
        beforeRun(query.Sql);
        using var statement = LocalPlanner.Prepare(session.Connection, query);
        using var result = statement.Execute();
        var wanted = ShowFormatter.RowsToFetch(numRows);
        var text = new SparkValueText(zone);
        var rows = new List<IReadOnlyList<string>>();
        IReadOnlyList<string> header = DuckDbArrowConverter.SchemaFor(result).Fields.Select(f => f.Name).ToList();
        foreach (var batch in converter.ReadBatches(result, query.Schema))
        {
            for (var row = 0; row < batch.Length && rows.Count < wanted; row++)
                rows.Add(batch.Columns.Select((column, i) => text.Format(column, row, SparkResultTypes.Field(query.Schema, i))).ToList());
            if (rows.Count >= wanted)
                break;
        }
        return (header, rows);
    }
}
