using System.Globalization;

namespace Spark.Connect.Local.Planning.Relations;

/// <summary>Relations that keep the columns and choose rows: Filter, Sort, Limit, Offset, Tail, Deduplicate.</summary>
internal static class RowRenderer
{
    // Internal column for Tail; the prefix keeps it apart from user columns, and EXCLUDE removes it again.
    private const string TailRowColumn = "__spark_local_tail_row";

    /// <summary>
    /// A filter stays open (a WHERE on its input's FROM), so plan ids of join sides still resolve after it.
    /// It commutes with a pending sort, but not with a pending limit or offset.
    /// </summary>
    internal static Source Filter(RelationRenderer renderer, Relation relation)
    {
        var input = renderer.OrderedInput(relation.Filter.Input);
        if (input.Limit is not null || input.Offset is not null)
            input = renderer.Plain(input);
        var condition = renderer.Expressions(input).Render(relation.Filter.Condition);
        return (input with { Where = [.. input.Where, condition], OwnQuery = null }).WithPlanId(RelationRenderer.PlanId(relation));
    }

    /// <summary>A sort stays open too (a pending ORDER BY), so a Project above it still sees every join side.</summary>
    internal static Source Sort(RelationRenderer renderer, Relation relation)
    {
        var input = renderer.OrderedInput(relation.Sort.Input);
        if (input.Limit is not null || input.Offset is not null)
            input = renderer.Plain(input);
        if (relation.Sort.Order.Count == 0)
            return input.WithPlanId(RelationRenderer.PlanId(relation));
        var expressions = renderer.Expressions(input);
        var keys = relation.Sort.Order.Select(expressions.SortKey).ToList();
        // A later sort replaces an earlier one, as in Spark.
        return (input with { Order = keys, OwnQuery = null }).WithPlanId(RelationRenderer.PlanId(relation));
    }

    /// <summary>LIMIT joins a pending ORDER BY / OFFSET (SQL applies OFFSET first, as Spark's limit over offset does).</summary>
    internal static Source Limit(RelationRenderer renderer, Relation relation)
    {
        var input = renderer.OrderedInput(relation.Limit.Input);
        if (input.Limit is not null)
            input = renderer.Plain(input);
        var count = NonNegative(relation.Limit.Limit_, "limit");
        return (input with { Limit = count, OwnQuery = null }).WithPlanId(RelationRenderer.PlanId(relation));
    }

    /// <summary>OFFSET joins a pending ORDER BY; over a pending limit it must skip rows of the limited result, so that is wrapped first.</summary>
    internal static Source Offset(RelationRenderer renderer, Relation relation)
    {
        var input = renderer.OrderedInput(relation.Offset.Input);
        if (input.Limit is not null || input.Offset is not null)
            input = renderer.Plain(input);
        var count = NonNegative(relation.Offset.Offset_, "offset");
        return (input with { Offset = count, OwnQuery = null }).WithPlanId(RelationRenderer.PlanId(relation));
    }

    /// <summary>The last n rows, in input order: number the rows, keep the highest n, order by the number.</summary>
    internal static Source Tail(RelationRenderer renderer, Relation relation)
    {
        var input = renderer.Flatten(renderer.Input(relation.Tail.Input));
        var count = NonNegative(relation.Tail.Limit, "tail");
        var row = SqlIdentifiers.Quote(TailRowColumn);
        var numbered = $"SELECT {input.Star}, row_number() OVER () AS {row} FROM {input.From}{input.WhereClause}";
        var alias = renderer.Context.NextAlias();
        var query = $"SELECT * EXCLUDE ({row}) FROM ({numbered}) AS {alias} QUALIFY {row} > count(*) OVER () - {count.ToString(CultureInfo.InvariantCulture)} ORDER BY {row}";
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

    /// <summary>An int32 count from the plan (written later as invariant digits, never text from the plan).</summary>
    private static int NonNegative(int value, string what) => value >= 0
        ? value
        : throw new LocalEngineException("INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE", "42K0E",
            $"The {what} count must be zero or more, but it is {value}.");
}
