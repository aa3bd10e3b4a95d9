using System.Globalization;
using GroupType = Spark.Connect.Aggregate.Types.GroupType;

namespace Spark.Connect.Local.Planning.Relations;

/// <summary>
/// GROUP BY aggregates (Spark's output: the grouping expressions, then the aggregate expressions) and
/// global aggregates (no grouping expressions: one row).
/// </summary>
internal static class AggregateRenderer
{
    internal static Source Render(RelationRenderer renderer, Relation relation)
    {
        var aggregate = relation.Aggregate;
        if (aggregate.GroupType != GroupType.Groupby)
            throw LocalEngineException.Unsupported($"the aggregate kind '{aggregate.GroupType}'",
                "Group with groupBy; rollup, cube, pivot and grouping sets are not supported locally.");
        // Grouping ignores a pending sort (Spark's aggregate output has no order), but not a pending limit.
        var input = renderer.OrderedInput(aggregate.Input);
        input = input.Limit is not null || input.Offset is not null ? renderer.Plain(input) : input;
        var expressions = renderer.Expressions(input);
        var items = aggregate.GroupingExpressions.Concat(aggregate.AggregateExpressions).Select(expressions.SelectItem).ToList();
        if (items.Count == 0)
            throw new LocalEngineException("INVALID_PLAN", "XX000", "An Aggregate relation has neither grouping nor aggregate expressions.");
        // Grouping by output position keeps each grouping expression rendered (and its literals bound) once.
        var groupBy = aggregate.GroupingExpressions.Count == 0
            ? ""
            : " GROUP BY " + string.Join(", ", Enumerable.Range(1, aggregate.GroupingExpressions.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)));
        return renderer.Wrap($"SELECT {string.Join(", ", items)} FROM {input.From}{input.WhereClause}{groupBy}", relation, input);
    }
}
