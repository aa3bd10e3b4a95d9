using Spark.Connect.Local.Planning.Resolution;

namespace Spark.Connect.Local.Planning.Rendering;

/// <summary>
/// A LEFT JOIN LATERAL in DuckDB, which accepts a left lateral join only with a comparison between the two sides as its
/// condition. The condition moves into the right side (it may read both sides there), which also carries a copy of one
/// left column; the join compares that copy with the column (IS NOT DISTINCT FROM, so nulls match), which every row the
/// right side produced for a left row satisfies, and a left row with no such rows keeps nulls, as Spark's left join.
/// </summary>
internal static class LateralSql
{
    internal static string LeftJoin(JoinPlan join, PlanningContext context)
    {
        var key = join.Left.Output.Count > 0 ? join.Left.Output[0]
            : throw LocalEngineException.Unsupported("LEFT JOIN LATERAL over a relation without columns", "Use JOIN LATERAL, or give the left side a column.");
        var left = PlanSql.From(join.Left, context);
        var copy = context.NextAlias();
        var where = join.Condition is null ? "" : $" WHERE {ExpressionSql.Render(join.Condition, context)}";
        var right = $"LATERAL (SELECT *, {key.SqlName} AS {copy} FROM {PlanSql.From(join.Right, context)}{where}) AS {context.NextAlias()}";
        var items = string.Join(", ", join.Projection.Select(i => $"{ExpressionSql.Render(i.Expression, context)} AS {i.Column.SqlName}"));
        return $"SELECT {items} FROM {left} LEFT JOIN {right} ON {key.SqlName} IS NOT DISTINCT FROM {copy}";
    }
}
