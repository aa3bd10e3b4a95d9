using Spark.Connect.Local.Planning.Resolution;

namespace Spark.Connect.Local.Planning.Rendering;

/// <summary>
/// Spark's <c>grouping(col)</c> (TINYINT: 1 when the row aggregates over <c>col</c>) and <c>grouping_id([cols])</c>
/// (BIGINT: those bits, the first column the most significant; no columns means every grouping column) in a rollup,
/// cube or grouping sets aggregate: DuckDB's <c>grouping(…)</c> over the grouping columns the arguments name. An
/// argument that is not a grouping expression is Spark's GROUPING_COLUMN_MISMATCH; outside grouping sets
/// <see cref="AggregateResolver"/> refuses them as Spark does.
/// </summary>
internal static class GroupingCalls
{
    internal static bool IsGroupingCall(ResolvedExpression expression) =>
        expression is FunctionExpression { Name: var name } && name.ToLowerInvariant() is "grouping" or "grouping_id";

    /// <summary>True when a grouping call occurs anywhere in <paramref name="expression"/>.</summary>
    internal static bool Contains(ResolvedExpression expression) =>
        IsGroupingCall(expression) || expression is FunctionExpression f && f.Arguments.Any(Contains)
        || expression is CastExpression c && Contains(c.Operand);

    /// <summary>The SQL of <paramref name="item"/> when it is a grouping call of <paramref name="aggregate"/>; null otherwise.</summary>
    internal static string? Render(NamedExpression item, AggregatePlan aggregate)
    {
        if (!IsGroupingCall(item.Expression))
            return null;
        var call = (FunctionExpression)item.Expression;
        var positions = call.Arguments.Count == 0
            ? Enumerable.Range(0, aggregate.Groupings.Count).ToList()
            : call.Arguments.Select(argument => Position(aggregate, argument)).ToList();
        var columns = string.Join(", ", positions.Select(p => aggregate.Groupings[p].Column.SqlName));
        var type = call.Name.Equals("grouping", StringComparison.OrdinalIgnoreCase) ? "TINYINT" : "BIGINT";
        return $"CAST(grouping({columns}) AS {type}) AS {item.Column.SqlName}";
    }

    private static int Position(AggregatePlan aggregate, ResolvedExpression argument)
    {
        var position = -1;
        for (var i = 0; i < aggregate.Groupings.Count && position < 0; i++)
        {
            var grouping = aggregate.Groupings[i].Expression;
            if (grouping.Source.Equals(argument.Source) || grouping is ColumnReference a && argument is ColumnReference b && a.Column.Id == b.Column.Id)
                position = i;
        }
        return position >= 0 ? position : throw new LocalEngineException("GROUPING_COLUMN_MISMATCH", "42803",
            $"The column of grouping ({Expressions.ColumnNamer.Name(argument.Source)}) can't be found in the grouping columns. Pass a column the query groups by.",
            new Dictionary<string, string> { ["grouping"] = Expressions.ColumnNamer.Name(argument.Source) });
    }
}
