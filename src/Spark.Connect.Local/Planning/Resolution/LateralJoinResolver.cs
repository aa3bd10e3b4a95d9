using JoinType = Spark.Connect.Protocol.Join.Types.JoinType;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// Spark Connect's <c>LateralJoin</c> (SQL's <c>LATERAL (subquery)</c>): the right side is resolved as a subquery whose
/// enclosing scope is the left side, so it may read the left's columns; the condition then sees both sides. Inner, cross
/// and left outer joins only, as Spark allows; the output is the left's columns then the right's (nullable for a left join).
/// </summary>
internal static class LateralJoinResolver
{
    internal static LogicalPlan Resolve(RelationResolver resolver, Relation relation)
    {
        var join = relation.LateralJoin;
        var kind = join.JoinType switch
        {
            JoinType.Unspecified or JoinType.Inner => JoinKind.Inner,
            JoinType.Cross => JoinKind.Cross,
            JoinType.LeftOuter => JoinKind.LeftOuter,
            _ => throw new LocalEngineException("INVALID_LATERAL_JOIN_TYPE", "42613",
                $"The {join.JoinType} JOIN with LATERAL correlation is not allowed. Use an INNER JOIN or LEFT OUTER JOIN instead."),
        };
        var left = resolver.Input(join.Left);
        if (join.Right is not null)
            LateralDeterminism.Check(join.Right, join.JoinCondition, left);
        var right = join.Right is null
            ? throw new LocalEngineException("INVALID_PLAN", "XX000", "A lateral join is missing its right relation.")
            : resolver.Resolve(join.Right, resolver.ScopeOf(left) with { LateralLeft = true });
        var scope = new ResolutionScope([.. left.Output, .. right.Output], [left, right], resolver.Outer) { Hidden = left.Hidden };
        var condition = join.JoinCondition is { ExprTypeCase: not Expression.ExprTypeOneofCase.None }
            ? resolver.Expressions.Resolve(join.JoinCondition, scope)
            : null;
        if (kind == JoinKind.Cross && condition is not null)
            kind = JoinKind.Inner;
        IReadOnlyList<PlanColumn> output = kind == JoinKind.LeftOuter
            ? [.. left.Output, .. right.Output.Select(c => c with { Nullable = true })]
            : [.. left.Output, .. right.Output];
        return new JoinPlan(RelationResolver.PlanId(relation), output, left, right, kind, condition, ProjectionResolver.Identity(output),
            [.. left.Hidden], Lateral: true);
    }
}
