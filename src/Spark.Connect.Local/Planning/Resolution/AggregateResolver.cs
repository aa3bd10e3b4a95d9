using GroupType = Spark.Connect.Protocol.Aggregate.Types.GroupType;

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
        var groupings = PivotResolver.GroupsImplicitly(aggregate)
            ? PivotResolver.ImplicitGroupings(resolver, aggregate, child, scope)
            : ProjectionResolver.Items(resolver, aggregate.GroupingExpressions, scope);
        if (aggregate.GroupType == GroupType.Pivot)
            return PivotResolver.Resolve(resolver, relation, child, scope, groupings);
        var aggregates = ProjectionResolver.Items(resolver, aggregate.AggregateExpressions, scope);
        CorrelatedAggregateCheck.Check(scope, groupings, aggregates);
        AggregateValidation.CheckGrouped(groupings, aggregates);
        if (aggregates.Any(a => Rendering.GroupingCalls.Contains(a.Expression)
                && (aggregate.GroupType is GroupType.Groupby or GroupType.Unspecified || !Rendering.GroupingCalls.IsGroupingCall(a.Expression))))
            throw Functions.GroupingFunctions.Misplaced();
        var planId = RelationResolver.PlanId(relation);
        var positions = Enumerable.Range(0, groupings.Count).ToList();
        return aggregate.GroupType switch
        {
            GroupType.Groupby or GroupType.Unspecified => new AggregatePlan(planId, child, groupings, aggregates),
            GroupType.Rollup => new AggregatePlan(planId, child, Nullable(resolver, groupings), aggregates,
                Enumerable.Range(0, groupings.Count + 1).Select(n => (IReadOnlyList<int>)positions.Take(groupings.Count - n).ToList()).ToList()),
            GroupType.Cube => new AggregatePlan(planId, child, Nullable(resolver, groupings), aggregates, Subsets(groupings.Count)),
            GroupType.GroupingSets => GroupingSets(resolver, aggregate, planId, child, scope, groupings, aggregates),
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

    /// <summary>
    /// groupingSets: each set's expressions are matched to the grouping expressions by what they resolve to; one
    /// that is not among them (clients may send only the sets) groups as well but is not part of the output, as in Spark.
    /// </summary>
    private static LogicalPlan GroupingSets(RelationResolver resolver, Aggregate aggregate, long? planId, LogicalPlan child, ResolutionScope scope,
        List<NamedExpression> groupings, List<NamedExpression> aggregates)
    {
        var all = new List<NamedExpression>(groupings);
        var sets = new List<IReadOnlyList<int>>();
        foreach (var set in aggregate.GroupingSets)
        {
            var positions = new List<int>();
            foreach (var expression in set.GroupingSet)
            {
                var resolved = resolver.Expressions.Resolve(expression, scope);
                var position = all.FindIndex(g => g.Expression.Source.Equals(expression)
                    || (g.Expression is ColumnReference a && resolved is ColumnReference b && a.Column.Id == b.Column.Id));
                if (position < 0)
                {
                    all.Add(ProjectionResolver.Named(resolver, resolved, Expressions.ColumnNamer.Name(expression)));
                    position = all.Count - 1;
                }
                positions.Add(position);
            }
            sets.Add(positions);
        }
        var nullable = Nullable(resolver, all);
        if (all.Count == groupings.Count)
            return new AggregatePlan(planId, child, nullable, aggregates, sets);
        var grouped = new AggregatePlan(null, child, nullable, aggregates, sets);
        var visible = nullable.Take(groupings.Count).Select(g => g.Column).Concat(aggregates.Select(a => a.Column));
        return new ProjectPlan(planId, grouped, ProjectionResolver.Identity(visible));
    }
}
