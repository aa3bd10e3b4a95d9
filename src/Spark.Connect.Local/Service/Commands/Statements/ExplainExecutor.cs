using System.Text;
using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Rendering;
using Spark.Connect.Local.Planning.Sql.Statements;

namespace Spark.Connect.Local.Service.Commands.Statements;

/// <summary>
/// <c>EXPLAIN [EXTENDED|FORMATTED|…] query</c>: one row, column <c>plan</c>, in the layout of the explain RPC
/// (<c>== Physical Plan ==</c> with DuckDB's plan of the planned statement, which EXPLAIN plans but does not run; EXTENDED
/// first adds <c>== Analyzed Logical Plan ==</c>, the resolved plan).
/// </summary>
internal static class ExplainExecutor
{
    internal static byte[] Run(LocalSession session, SQL sql, ExplainStatement explain)
    {
        var query = StatementExecutor.PlanQuery(session, sql, explain.Query);
        var text = new StringBuilder();
        if (explain.Mode == "EXTENDED" && query.Resolved is { } resolved)
            text.Append("== Analyzed Logical Plan ==\n").Append(PlanText.Schema(resolved)).Append('\n').Append(PlanText.Render(resolved)).Append("\n\n");
        text.Append("== Physical Plan ==\n");
        using (var statement = LocalPlanner.Prepare(session.Connection, query with { Sql = "EXPLAIN " + query.Sql }))
        using (var result = statement.Execute())
        {
            while (result.FetchChunk() is { } chunk)
            {
                using (chunk)
                {
                    for (var row = 0; row < chunk.RowCount; row++)
                        text.Append(chunk.GetVector(chunk.ColumnCount - 1).GetString(row)).Append('\n');
                }
            }
        }
        return StatementResult.Of(("plan", false, false)).Add(text.ToString()).ToIpc();
    }
}
