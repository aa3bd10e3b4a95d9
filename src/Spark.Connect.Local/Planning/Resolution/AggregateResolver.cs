using GroupType = Spark.Connect.Aggregate.Types.GroupType;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// Aggregates: GROUP BY (Spark's output: the grouping expressions, then the aggregate expressions), global
/// aggregates (no grouping: one row), rollup, cube, grouping sets and pivot. All apply to the whole output of their input.
/// </summary>
internal static class AggregateResolver
{
    internal static LogicalPlan Resolve(RelationResolver resolver, Relation relation)
    {
        var aggregate = relation.Aggregate;
        var child = resolver.Input(aggregate.Input);
        if (aggregate.GroupingExpressions.Count + aggregate.AggregateExpressions.Count == 0)
            throw new LocalEngineException("INVALID_PLAN", "XX000", "An Aggregate relation has neither grouping nor aggregate expressions.");
        var scope = resolver.ScopeOf(child);
        var groupings = ProjectionResolver.Items(resolver, aggregate.GroupingExpressions, scope);
        if (aggregate.GroupType == GroupType.Pivot)
            return PivotResolver.Resolve(resolver, relation, child, scope, groupings);
        var aggregates = ProjectionResolver.Items(resolver, aggregate.AggregateExpressions, scope);
        AggregateValidation.CheckGrouped(groupings, aggregates);
        var planId = RelationResolver.PlanId(relation);
        var positions = Enumerable.Range(0, groupings.Count).ToList();
        return aggregate.GroupType switch
        {
            GroupType.Groupby or GroupType.Unspecified => new AggregatePlan(planId, child, groupings, aggregates),
            GroupType.Rollup => new AggregatePlan(planId, child, Nullable(resolver, groupings), aggregates,
                Enumerable.Range(0, groupings.Count + 1).Select(n => (IReadOnlyList<int>)positions.Take(groupings.Count - n).ToList()).ToList()),
            GroupType.Cube => new AggregatePlan(planId, child, Nullable(resolver, groupings), aggregates, Subsets(groupings.Count)),
            GroupType.GroupingSets => new AggregatePlan(planId, child, Nullable(resolver, groupings), aggregates, Sets(resolver, aggregate, scope, groupings)),
            _ => throw LocalEngineException.Unsupported($"the aggregate kind '{aggregate.GroupType}'", "Use groupBy, rollup, cube, groupingSets or pivot."),
        };
    }

    /// <summary>Grouping columns of rollup, cube and grouping sets are null in the rows that aggregate over them; each gets its own id.</summary>
    private static List<NamedExpression> Nullable(RelationResolver resolver, IEnumerable<NamedExpression> groupings) =>
        groupings.Select(g => g with { Column = resolver.Context.Copy(g.Column) with { Nullable = true } }).ToList();

    /// <summary>Every subset of the groupings, largest first, as cube groups by.</summary>
    private static List<IReadOnlyList<int>> Subsets(int count) =>
        Enumerable.Range(0, 1 << count).Select(mask => (1 << count) - 1 - mask)
            .Select(mask => (IReadOnlyList<int>)Enumerable.Range(0, count).Where(i => (mask & (1 << i)) != 0).ToList()).ToList();

    /// <summary>Each grouping set's expressions, matched to the grouping expressions by what they resolve to.</summary>
    private static List<IReadOnlyList<int>> Sets(RelationResolver resolver, Aggregate aggregate, ResolutionScope scope, List<NamedExpression> groupings)
    {
        var sets = new List<IReadOnlyList<int>>();
        foreach (var set in aggregate.GroupingSets)
        {
            var positions = new List<int>();
            foreach (var expression in set.GroupingSet)
            {
                var resolved = resolver.Expressions.Resolve(expression, scope);
                var position = groupings.FindIndex(g => g.Expression.Source.Equals(expression)
                    || (g.Expression is ColumnReference a && resolved is ColumnReference b && a.Column.Id == b.Column.Id));
                positions.Add(position >= 0 ? position : throw new LocalEngineException("INVALID_PLAN", "XX000",
                    $"A grouping set uses an expression that is not one of the grouping expressions; add it to groupBy."));
            }
            sets.Add(positions);
        }
        return sets;
    }
}
