using System.Globalization;

namespace Spark.Connect.Local.Planning.Relations;

/// <summary>Relations that keep the columns and choose rows: Filter, Sort, Limit, Offset, Tail, Deduplicate.</summary>
internal static class RowRenderer
{
    // Internal column for Tail; the prefix keeps it apart from user columns, and EXCLUDE removes it again.
    private const string TailRowColumn = "__spark_local_tail_row";

    /// <summary>A filter stays open (a WHERE on its input's FROM), so plan ids of join sides still resolve after it.</summary>
    internal static Source Filter(RelationRenderer renderer, Relation relation)
    {
        var input = renderer.Input(relation.Filter.Input);
        var condition = renderer.Expressions(input).Render(relation.Filter.Condition);
        return (input with { Where = [.. input.Where, condition], OwnQuery = null }).WithPlanId(RelationRenderer.PlanId(relation));
    }

    internal static Source Sort(RelationRenderer renderer, Relation relation)
    {
        var input = renderer.Input(relation.Sort.Input);
        if (relation.Sort.Order.Count == 0)
            return input.WithPlanId(RelationRenderer.PlanId(relation));
        var expressions = renderer.Expressions(input);
        var order = string.Join(", ", relation.Sort.Order.Select(expressions.SortOrder));
        return renderer.Wrap($"SELECT {input.Star} FROM {input.From}{input.WhereClause} ORDER BY {order}", relation, input);
    }

    internal static Source Limit(RelationRenderer renderer, Relation relation) =>
        Bounded(renderer, relation, relation.Limit.Input, "LIMIT", relation.Limit.Limit_);

    internal static Source Offset(RelationRenderer renderer, Relation relation) =>
        Bounded(renderer, relation, relation.Offset.Input, "OFFSET", relation.Offset.Offset_);

    /// <summary>The last n rows, in input order: number the rows, keep the highest n, order by the number.</summary>
    internal static Source Tail(RelationRenderer renderer, Relation relation)
    {
        var input = renderer.Flatten(renderer.Input(relation.Tail.Input));
        var count = NonNegative(relation.Tail.Limit, "tail");
        var row = SqlIdentifiers.Quote(TailRowColumn);
        var numbered = $"SELECT {input.Star}, row_number() OVER () AS {row} FROM {input.From}{input.WhereClause}";
        var alias = renderer.Context.NextAlias();
        var query = $"SELECT * EXCLUDE ({row}) FROM ({numbered}) AS {alias} QUALIFY {row} > count(*) OVER () - {count} ORDER BY {row}";
        return renderer.Wrap(query, relation, input);
    }

    /// <summary>Distinct rows, or one row per key when column names are given.</summary>
    internal static Source Deduplicate(RelationRenderer renderer, Relation relation)
    {
        var deduplicate = relation.Deduplicate;
        if (deduplicate.WithinWatermark)
            throw LocalEngineException.Unsupported("dropDuplicatesWithinWatermark", "Watermarks need a streaming engine.");
        var input = renderer.Flatten(renderer.Input(deduplicate.Input));
        var allColumns = deduplicate.AllColumnsAsKeys || deduplicate.ColumnNames.Count == 0;
        var distinct = allColumns
            ? "DISTINCT"
            : $"DISTINCT ON ({string.Join(", ", deduplicate.ColumnNames.Select(SqlIdentifiers.Quote))})";
        return renderer.Wrap($"SELECT {distinct} {input.Star} FROM {input.From}{input.WhereClause}", relation, input);
    }

    private static Source Bounded(RelationRenderer renderer, Relation relation, Relation input, string keyword, int value)
    {
        var source = renderer.Input(input);
        var count = NonNegative(value, keyword.ToLowerInvariant());
        return renderer.Wrap($"SELECT {source.Star} FROM {source.From}{source.WhereClause} {keyword} {count}", relation, source);
    }

    /// <summary>An int32 count from the plan as invariant digits (never text from the plan).</summary>
    private static string NonNegative(int value, string what) => value >= 0
        ? value.ToString(CultureInfo.InvariantCulture)
        : throw new LocalEngineException("INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE", "42K0E",
            $"The {what} count must be zero or more, but it is {value}.");
}
