using System.Globalization;
using Spark.Connect.Local.Planning.Resolution;

namespace Spark.Connect.Local.Planning.Rendering;

/// <summary>
/// DuckDB SQL for a resolved plan. Every node is one SELECT over its children as derived tables, so each
/// relation applies to the complete output of its input, in Spark's order (a window or aggregate over a
/// limit sees only the limited rows). Each query's columns are named by id (<c>"c12"</c>), in output order.
/// </summary>
internal static class PlanSql
{
    internal static string Render(LogicalPlan plan, PlanningContext context)
    {
        using var _ = context.Nest();
        return plan switch
        {
            ScanPlan scan => $"SELECT * FROM ({scan.From}) AS {context.NextAlias()}{ColumnList(scan.Output)}",
            SqlPlan sql => $"SELECT * FROM ({sql.Query}) AS {context.NextAlias()}{ColumnList(sql.Output)}",
            ProjectPlan project => Project(project, context),
            FilterPlan filter => $"SELECT * FROM {From(filter.Child, context)} WHERE {ExpressionSql.Render(filter.Condition, context)}",
            SortPlan sort => $"SELECT * FROM {From(sort.Child, context)} ORDER BY {string.Join(", ", sort.Keys.Select(k => ExpressionSql.SortKey(k, context)))}",
            RowCountPlan count => RowCount(count, context),
            DistinctPlan distinct => Distinct(distinct, context),
            AggregatePlan aggregate => Aggregate(aggregate, context),
            JoinPlan join => Join(join, context),
            SetOperationPlan setOperation => SetOperation(setOperation, context),
            ExpandPlan expand => RowGeneratorSql.Expand(expand, context),
            SamplePlan sample => RowGeneratorSql.Sample(sample, context),
            PassThroughPlan pass => Render(pass.Child, context),
            _ => throw new InvalidOperationException($"No SQL for the plan node {plan.GetType().Name}."),
        };
    }

    /// <summary>The statement the client gets: the plan's columns under their Spark names, in order.</summary>
    internal static string RenderRoot(LogicalPlan plan, PlanningContext context)
    {
        // A user's statement on its own runs as written, so statements that are not queries (CREATE TEMP
        // TABLE …) work too; its columns are already named as DuckDB reports them.
        while (plan is PassThroughPlan { Child: var inner } && inner.Output.SequenceEqual(plan.Output))
            plan = inner;
        if (plan is SqlPlan statement)
            return statement.Query;
        var query = Render(plan, context);
        var columns = plan.Output.Select(c => $"{c.SqlName} AS {SqlIdentifiers.Quote(c.Name)}");
        return $"SELECT {string.Join(", ", columns)} FROM ({query}) AS {context.NextAlias()}";
    }

    internal static string From(LogicalPlan child, PlanningContext context) => $"({Render(child, context)}) AS {context.NextAlias()}";

    private static string ColumnList(IReadOnlyList<PlanColumn> columns) =>
        columns.Count == 0 ? "" : "(" + string.Join(", ", columns.Select(c => c.SqlName)) + ")";

    private static string Items(IEnumerable<NamedExpression> items, PlanningContext context) =>
        string.Join(", ", items.Select(i => $"{ExpressionSql.Render(i.Expression, context)} AS {i.Column.SqlName}"));

    /// <summary>Grouping keys: a key holding maps groups by their entries in key order, as Spark groups them.</summary>
    private static string GroupingItems(IEnumerable<NamedExpression> items, PlanningContext context) =>
        string.Join(", ", items.Select(i => $"{MapGroupingKeys.Normalize(ExpressionSql.Render(i.Expression, context), i.Column.Type)} AS {i.Column.SqlName}"));

    private static string Project(ProjectPlan project, PlanningContext context)
    {
        var from = project.Child is null ? "" : " FROM " + From(project.Child, context);
        // DuckDB has no zero-column rows, which Spark allows (df.drop of every column).
        return project.Items.Count == 0
            ? throw LocalEngineException.Unsupported("a DataFrame with no columns", "Keep at least one column.")
            : $"SELECT {Items(project.Items, context)}{from}";
    }

    private static string RowCount(RowCountPlan count, PlanningContext context)
    {
        var n = count.Count.ToString(CultureInfo.InvariantCulture);
        var from = From(count.Child, context);
        if (count.Kind != RowCountKind.Tail)
            return $"SELECT * FROM {from} {(count.Kind == RowCountKind.Limit ? "LIMIT" : "OFFSET")} {n}";
        // The last n rows in input order: number the rows, keep the highest n, order by the number.
        const string row = "\"__tail_row\"";
        var numbered = $"SELECT *, row_number() OVER () AS {row} FROM {from}";
        return $"SELECT * EXCLUDE ({row}) FROM ({numbered}) AS {context.NextAlias()} QUALIFY {row} > count(*) OVER () - {n} ORDER BY {row}";
    }

    private static string Distinct(DistinctPlan distinct, PlanningContext context)
    {
        // The output's columns by name: a child may carry hidden join keys (HiddenColumn) that must not make rows distinct.
        var columns = string.Join(", ", distinct.Output.Select(c => c.SqlName));
        var keys = distinct.Keys is null ? "DISTINCT" : $"DISTINCT ON ({string.Join(", ", distinct.Keys.Select(k => k.SqlName))})";
        return $"SELECT {keys} {columns} FROM {From(distinct.Child, context)}";
    }

    private static string Aggregate(AggregatePlan aggregate, PlanningContext context)
    {
        if (aggregate.GroupingSets is { } sets)
            return GroupingSets(aggregate, sets, context);
        var items = string.Join(", ", new[] { GroupingItems(aggregate.Groupings, context), Items(aggregate.Aggregates, context) }.Where(s => s.Length > 0));
        // Grouping by output position keeps each grouping expression rendered (and its literals bound) once.
        var groupBy = aggregate.Groupings.Count == 0 ? ""
            : " GROUP BY " + string.Join(", ", Enumerable.Range(1, aggregate.Groupings.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)));
        return $"SELECT {items} FROM {From(aggregate.Child, context)}{groupBy}";
    }

    /// <summary>
    /// Rollup, cube and grouping sets: the grouping expressions are computed first, as columns next to the
    /// input's, so each set names them by column; the aggregates still read the input's columns.
    /// </summary>
    private static string GroupingSets(AggregatePlan aggregate, IReadOnlyList<IReadOnlyList<int>> sets, PlanningContext context)
    {
        var computed = aggregate.Groupings.Where(g => g.Expression is not ColumnReference reference || reference.Column.Id != g.Column.Id).ToList();
        var keys = computed.Count == 0 ? "" : ", " + GroupingItems(computed, context);
        var input = $"(SELECT *{keys} FROM {From(aggregate.Child, context)}) AS {context.NextAlias()}";
        var groupingColumns = aggregate.Groupings.Select(g => g.Column.SqlName).ToList();
        // A grouping column that no set groups by is null in every row, as in Spark.
        var groupings = aggregate.Groupings.Select((g, i) => sets.Any(set => set.Contains(i))
            ? $"{g.Column.SqlName} AS {g.Column.SqlName}"
            : $"CAST(NULL AS {DuckDbTypeNames.FromSpark(g.Column.Type)}) AS {g.Column.SqlName}");
        var aggregates = aggregate.Aggregates.Select(a => GroupingCalls.Render(a, aggregate) ?? Items([a], context));
        var items = string.Join(", ", groupings.Concat(aggregates));
        var groupingSets = string.Join(", ", sets.Select(set => "(" + string.Join(", ", set.Select(i => groupingColumns[i])) + ")"));
        return $"SELECT {items} FROM {input} GROUP BY GROUPING SETS ({groupingSets})";
    }

    private static string Join(JoinPlan join, PlanningContext context)
    {
        if (join is { Lateral: true, Kind: JoinKind.LeftOuter })
            return LateralSql.LeftJoin(join, context);
        // A subquery in an outer/semi/anti join's condition moves into a side (JoinConditionSubqueries): sides render once.
        var split = join.Lateral ? null : JoinConditionSubqueries.Split(join, context);
        var left = split?.Left ?? From(join.Left, context);
        var right = split?.Right ?? (join.Lateral ? "LATERAL " : "") + From(join.Right, context);
        var keyword = join.Kind switch
        {
            JoinKind.LeftOuter => "LEFT JOIN",
            JoinKind.RightOuter => "RIGHT JOIN",
            JoinKind.FullOuter => "FULL JOIN",
            JoinKind.LeftSemi => "SEMI JOIN",
            JoinKind.LeftAnti => "ANTI JOIN",
            _ => "JOIN",
        };
        // Spark treats an inner join without a condition as a cross join; other joins then match every pair.
        var on = split?.On ?? (join.Condition is null
            ? (join.Kind is JoinKind.Inner or JoinKind.Cross ? null : "TRUE")
            : ExpressionSql.Render(join.Condition, context));
        var from = on is null ? $"{left} CROSS JOIN {right}" : $"{left} {keyword} {right} ON {on}";
        // Hidden keys (HiddenColumn) go along only when an expression above reads them, so the row shape stays the output's otherwise.
        var hidden = join.Hidden.Where(h => h.Referenced.Contains(h.Column.Id)).Select(h => h.Column.SqlName).Distinct();
        return $"SELECT {string.Join(", ", hidden.Prepend(Items(join.Projection, context)))} FROM {from}";
    }

    private static string SetOperation(SetOperationPlan operation, PlanningContext context)
    {
        string Side(LogicalPlan input, IReadOnlyList<ResolvedExpression> columns) =>
            $"SELECT {string.Join(", ", columns.Select((c, i) => $"{ExpressionSql.Render(c, context)} AS {operation.Output[i].SqlName}"))} FROM {From(input, context)}";
        return $"SELECT * FROM (({Side(operation.Left, operation.LeftColumns)}) {operation.Keyword} ({Side(operation.Right, operation.RightColumns)})) AS {context.NextAlias()}";
    }
}
