namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// A resolved relation: Spark's analyzed logical plan in miniature. Every node knows its output columns
/// (<see cref="Output"/>) with Spark types and nullability, and the plan id the client gave it, so
/// DataFrame column references (<c>df["x"]</c>) can find the node they were taken from. Each node applies to
/// its children's complete output, in Spark's order; the renderer keeps that order by giving every node its
/// own SQL scope.
/// </summary>
internal abstract record LogicalPlan(long? PlanId, IReadOnlyList<PlanColumn> Output)
{
    /// <summary>The inputs this node reads.</summary>
    internal abstract IEnumerable<LogicalPlan> Children { get; }

    /// <summary>Join keys that qualified names still reach though the output leaves them out (see <see cref="HiddenColumn"/>).</summary>
    internal virtual IReadOnlyList<HiddenColumn> Hidden => [];

    /// <summary>
    /// Grouping columns of an aggregate below, under the name and qualifier of the input column each groups by, so a
    /// subquery in HAVING or the select list can name them as Spark resolves its outer references against the aggregate's
    /// input too (see <see cref="GroupingAliases"/>); passed on by nodes that keep the column.
    /// </summary>
    internal virtual IReadOnlyList<PlanColumn> GroupingAliases => [];
}

/// <summary>A table, view, file reader, range or loaded local data: <paramref name="From"/> read with its columns renamed positionally to the output's ids.</summary>
internal sealed record ScanPlan(long? PlanId, IReadOnlyList<PlanColumn> Output, string From) : LogicalPlan(PlanId, Output)
{
    internal override IEnumerable<LogicalPlan> Children => [];
}

/// <summary>A user's SQL statement (already rewritten with bound parameters), its columns renamed positionally.</summary>
internal sealed record SqlPlan(long? PlanId, IReadOnlyList<PlanColumn> Output, string Query) : LogicalPlan(PlanId, Output)
{
    internal override IEnumerable<LogicalPlan> Children => [];
}

/// <summary>One projected expression and the output column it becomes.</summary>
internal sealed record NamedExpression(ResolvedExpression Expression, PlanColumn Column);

/// <summary>SELECT expressions (possibly with windows or global aggregates) over the child's output; a null child evaluates once.</summary>
internal sealed record ProjectPlan(long? PlanId, LogicalPlan? Child, IReadOnlyList<NamedExpression> Items)
    : LogicalPlan(PlanId, Items.Select(i => i.Column).ToList())
{
    internal override IEnumerable<LogicalPlan> Children => Child is null ? [] : [Child];

    internal override IReadOnlyList<PlanColumn> GroupingAliases =>
        Child is null ? [] : Child.GroupingAliases.Where(a => Output.Any(c => c.Id == a.Id)).ToList();
}

/// <summary>Rows of the child for which the condition is true.</summary>
internal sealed record FilterPlan(long? PlanId, LogicalPlan Child, ResolvedExpression Condition) : LogicalPlan(PlanId, Child.Output)
{
    internal override IEnumerable<LogicalPlan> Children => [Child];

    internal override IReadOnlyList<HiddenColumn> Hidden => Child.Hidden;

    internal override IReadOnlyList<PlanColumn> GroupingAliases => Child.GroupingAliases;
}

/// <summary>One sort key with Spark's direction and null placement already decided.</summary>
internal sealed record SortKey(ResolvedExpression Expression, bool Descending, bool NullsFirst);

/// <summary>The child's rows ordered by the keys.</summary>
internal sealed record SortPlan(long? PlanId, LogicalPlan Child, IReadOnlyList<SortKey> Keys) : LogicalPlan(PlanId, Child.Output)
{
    internal override IEnumerable<LogicalPlan> Children => [Child];

    internal override IReadOnlyList<HiddenColumn> Hidden => Child.Hidden;

    internal override IReadOnlyList<PlanColumn> GroupingAliases => Child.GroupingAliases;
}

/// <summary>What a row-count relation keeps: the first n rows, all but the first n, or the last n.</summary>
internal enum RowCountKind { Limit, Offset, Tail }

/// <summary>Limit, Offset or Tail over the child's rows, in the child's order.</summary>
internal sealed record RowCountPlan(long? PlanId, LogicalPlan Child, RowCountKind Kind, int Count) : LogicalPlan(PlanId, Child.Output)
{
    internal override IEnumerable<LogicalPlan> Children => [Child];
}

/// <summary>Distinct rows, or one row per combination of <paramref name="Keys"/> when given.</summary>
internal sealed record DistinctPlan(long? PlanId, LogicalPlan Child, IReadOnlyList<PlanColumn>? Keys) : LogicalPlan(PlanId, Child.Output)
{
    internal override IEnumerable<LogicalPlan> Children => [Child];
}

/// <summary>
/// GROUP BY the grouping expressions; output is the grouping columns, then the aggregate expressions. With
/// <paramref name="GroupingSets"/> (rollup, cube, grouping sets) each set lists the positions of the groupings it groups by.
/// </summary>
internal sealed record AggregatePlan(long? PlanId, LogicalPlan Child, IReadOnlyList<NamedExpression> Groupings, IReadOnlyList<NamedExpression> Aggregates,
    IReadOnlyList<IReadOnlyList<int>>? GroupingSets = null)
    : LogicalPlan(PlanId, Groupings.Concat(Aggregates).Select(i => i.Column).ToList())
{
    internal override IEnumerable<LogicalPlan> Children => [Child];

    // A grouping by a plain input column answers to that column's name and qualifier, and reads the grouping's output.
    internal override IReadOnlyList<PlanColumn> GroupingAliases => Groupings
        .Where(g => g.Expression is ColumnReference)
        .Select(g => ((ColumnReference)g.Expression).Column with { Id = g.Column.Id, Type = g.Column.Type, Nullable = g.Column.Nullable })
        .ToList();
}

/// <summary>Spark's join kinds, as SQL spells them.</summary>
internal enum JoinKind { Inner, LeftOuter, RightOuter, FullOuter, LeftSemi, LeftAnti, Cross }

/// <summary>
/// A join. <paramref name="Output"/> is Spark's: both sides' columns (the left's only for semi and anti
/// joins); for a USING join the keys come first, followed by each side's other columns. <paramref name="HiddenKeys"/>
/// are the keys a USING join leaves out, and the hidden columns of its sides, which it passes on. A <paramref name="Lateral"/>
/// join's right side reads the left's columns (SQL's LATERAL subquery).
/// </summary>
internal sealed record JoinPlan(long? PlanId, IReadOnlyList<PlanColumn> Output, LogicalPlan Left, LogicalPlan Right, JoinKind Kind,
    ResolvedExpression? Condition, IReadOnlyList<NamedExpression> Projection, IReadOnlyList<HiddenColumn>? HiddenKeys = null, bool Lateral = false)
    : LogicalPlan(PlanId, Output)
{
    internal override IEnumerable<LogicalPlan> Children => [Left, Right];

    internal override IReadOnlyList<HiddenColumn> Hidden => HiddenKeys ?? [];
}

/// <summary>UNION / INTERSECT / EXCEPT (ALL) of two projections with the same column count; new columns named after the left's.</summary>
internal sealed record SetOperationPlan(long? PlanId, IReadOnlyList<PlanColumn> Output, string Keyword,
    LogicalPlan Left, IReadOnlyList<ResolvedExpression> LeftColumns, LogicalPlan Right, IReadOnlyList<ResolvedExpression> RightColumns)
    : LogicalPlan(PlanId, Output)
{
    internal override IEnumerable<LogicalPlan> Children => [Left, Right];
}

/// <summary>
/// A node that only renames its input for resolution (SubqueryAlias, hints, a temporary view): SQL passes the
/// child through. An <paramref name="Opaque"/> one (a view) hides its inside from DataFrame references, as Spark does.
/// </summary>
internal sealed record PassThroughPlan(long? PlanId, IReadOnlyList<PlanColumn> Output, LogicalPlan Child, bool Opaque = false) : LogicalPlan(PlanId, Output)
{
    internal override IEnumerable<LogicalPlan> Children => Opaque ? [] : [Child];
}

/// <summary>
/// Spark's Expand: every input row becomes one output row per projection, in projection order (unpivot,
/// the rows of describe). Each projection has one expression per output column, already of its type.
/// </summary>
internal sealed record ExpandPlan(long? PlanId, IReadOnlyList<PlanColumn> Output, LogicalPlan Child,
    IReadOnlyList<IReadOnlyList<ResolvedExpression>> Projections) : LogicalPlan(PlanId, Output)
{
    internal override IEnumerable<LogicalPlan> Children => [Child];
}

/// <summary>
/// The child's rows whose deterministic hash of (row, seed), mapped to [0, 1), falls in [lower, upper):
/// samples over the same input and seed with adjacent ranges (randomSplit) are disjoint and cover it.
/// </summary>
internal sealed record SamplePlan(long? PlanId, LogicalPlan Child, double Lower, double Upper, long Seed) : LogicalPlan(PlanId, Child.Output)
{
    internal override IEnumerable<LogicalPlan> Children => [Child];
}
