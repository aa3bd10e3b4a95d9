using GroupType = Spark.Connect.Aggregate.Types.GroupType;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// GROUP BY aggregates (Spark's output: the grouping expressions, then the aggregate expressions) and global
/// aggregates (no grouping expressions: one row). Both apply to the whole output of their input.
/// </summary>
internal static class AggregateResolver
{
    internal static LogicalPlan Resolve(RelationResolver resolver, Relation relation)
    {
        var aggregate = relation.Aggregate;
        if (aggregate.GroupType != GroupType.Groupby)
            throw new NotYetResolvableException($"the aggregate kind '{aggregate.GroupType}'");
        var child = resolver.Input(aggregate.Input);
        if (aggregate.GroupingExpressions.Count + aggregate.AggregateExpressions.Count == 0)
            throw new LocalEngineException("INVALID_PLAN", "XX000", "An Aggregate relation has neither grouping nor aggregate expressions.");
        var scope = resolver.ScopeOf(child);
        var groupings = ProjectionResolver.Items(resolver, aggregate.GroupingExpressions, scope);
        var aggregates = ProjectionResolver.Items(resolver, aggregate.AggregateExpressions, scope);
        AggregateValidation.CheckGrouped(groupings, aggregates);
        return new AggregatePlan(RelationResolver.PlanId(relation), child, groupings, aggregates);
    }
}
