using Spark.Connect.Local.Planning.Functions;
using JoinType = Spark.Connect.Protocol.Join.Types.JoinType;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// Joins. The condition resolves against both sides' columns; a DataFrame reference finds its side by plan id.
/// The output is Spark's: left then right columns (the left's only for semi and anti joins), the side that
/// may miss a match made nullable; a USING join puts its keys first, once, and keeps the keys it leaves out reachable by
/// qualified names (<see cref="HiddenColumn"/>). A NATURAL join (from SQL, <see cref="Sql.NaturalJoin"/>) is a USING join on the
/// column names both sides have, in the left side's order.
/// </summary>
internal static class JoinResolver
{
    internal static LogicalPlan Resolve(RelationResolver resolver, Relation relation) => Resolve(resolver, relation, relation.Join, natural: false);

    /// <summary>A NATURAL join: USING the names both sides share; with none in common, a join without a condition.</summary>
    internal static LogicalPlan ResolveNatural(RelationResolver resolver, Relation relation, Join join) => Resolve(resolver, relation, join, natural: true);

    private static LogicalPlan Resolve(RelationResolver resolver, Relation relation, Join join, bool natural)
    {
        if (join.JoinDataType is { } dataType && (dataType.IsLeftStruct || dataType.IsRightStruct))
            throw LocalEngineException.Unsupported("joins that nest a side into a struct (joinWith)", "Join the DataFrames and select the columns.");
        var kind = join.JoinType switch
        {
            JoinType.Unspecified or JoinType.Inner => JoinKind.Inner,
            JoinType.LeftOuter => JoinKind.LeftOuter,
            JoinType.RightOuter => JoinKind.RightOuter,
            JoinType.FullOuter => JoinKind.FullOuter,
            JoinType.LeftSemi => JoinKind.LeftSemi,
            JoinType.LeftAnti => JoinKind.LeftAnti,
            JoinType.Cross => JoinKind.Cross,
            _ => throw LocalEngineException.Unsupported($"the join type '{join.JoinType}'", "Use inner, outer, semi, anti or cross joins."),
        };
        var left = resolver.Input(join.Left);
        var right = resolver.Input(join.Right);
        var hasCondition = join.JoinCondition is { ExprTypeCase: not Expression.ExprTypeOneofCase.None };
        if (natural)
        {
            var common = left.Output.Select(c => c.Name).Where(n => right.Output.Any(r => string.Equals(r.Name, n, StringComparison.OrdinalIgnoreCase)))
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (common.Count > 0)
                return Using(resolver, relation, left, right, kind, common);
        }
        else if (join.UsingColumns.Count > 0)
        {
            if (hasCondition)
                throw new LocalEngineException("INVALID_PLAN", "XX000", "A join has both a condition and using columns; give one.");
            return Using(resolver, relation, left, right, kind, join.UsingColumns);
        }
        var scope = new ResolutionScope([.. left.Output, .. right.Output], [left, right], resolver.Outer) { Hidden = [.. left.Hidden, .. right.Hidden] };
        var condition = hasCondition ? resolver.Expressions.Resolve(join.JoinCondition, scope) : null;
        if (kind == JoinKind.Cross && condition is not null)
            kind = JoinKind.Inner;
        var output = Output(kind, left.Output, right.Output);
        return new JoinPlan(RelationResolver.PlanId(relation), output, left, right, kind, condition, ProjectionResolver.Identity(output),
            InheritedHidden(kind, left, right));
    }

    /// <summary>The hidden columns of the sides a join passes on: the left's, and the right's unless only the left's rows come out.</summary>
    private static List<HiddenColumn> InheritedHidden(JoinKind kind, LogicalPlan left, LogicalPlan right) =>
        kind is JoinKind.LeftSemi or JoinKind.LeftAnti ? [.. left.Hidden] : [.. left.Hidden, .. right.Hidden];

    /// <summary>
    /// The keys a USING join leaves out of its output (the right's, the left's for a right join, both for a full join), each
    /// nullable when its side may miss a match.
    /// </summary>
    private static IEnumerable<HiddenColumn> HiddenKeys(JoinKind kind, IReadOnlyList<PlanColumn> leftKeys, IReadOnlyList<PlanColumn> rightKeys)
    {
        var referenced = new HashSet<int>();
        IEnumerable<PlanColumn> hidden = kind switch
        {
            JoinKind.LeftSemi or JoinKind.LeftAnti => [],
            JoinKind.RightOuter => Nullable(leftKeys),
            JoinKind.FullOuter => [.. Nullable(leftKeys), .. Nullable(rightKeys)],
            JoinKind.LeftOuter => Nullable(rightKeys),
            _ => rightKeys,
        };
        return hidden.Select(c => new HiddenColumn(c, referenced));
    }

    private static IReadOnlyList<PlanColumn> Output(JoinKind kind, IEnumerable<PlanColumn> left, IEnumerable<PlanColumn> right) => kind switch
    {
        JoinKind.LeftSemi or JoinKind.LeftAnti => left.ToList(),
        JoinKind.LeftOuter => [.. left, .. Nullable(right)],
        JoinKind.RightOuter => [.. Nullable(left), .. right],
        JoinKind.FullOuter => [.. Nullable(left), .. Nullable(right)],
        _ => [.. left, .. right],
    };

    private static IEnumerable<PlanColumn> Nullable(IEnumerable<PlanColumn> columns) => columns.Select(c => c with { Nullable = true });

    /// <summary>
    /// <c>df1.join(df2, ["k"])</c>: equality on each key; the keys once (the left's, the right's for a right
    /// join, their coalesce for a full join), then each side's other columns.
    /// </summary>
    private static LogicalPlan Using(RelationResolver resolver, Relation relation, LogicalPlan left, LogicalPlan right, JoinKind kind, IEnumerable<string> keys)
    {
        var pairs = keys.Select(k => (Name: k, Left: ColumnLookup.Find(left.Output, [k]).Column, Right: ColumnLookup.Find(right.Output, [k]).Column)).ToList();
        ResolvedExpression? condition = null;
        foreach (var (_, l, r) in pairs)
        {
            var equal = new FunctionExpression("==", [ResolvedCalls.Column(l), ResolvedCalls.Column(r)], false,
                SparkTypes.Boolean, true, new Expression());
            condition = condition is null ? equal
                : new FunctionExpression("and", [condition, equal], false, SparkTypes.Boolean, true, new Expression());
        }
        var leftKeys = pairs.Select(p => p.Left.Id).ToHashSet();
        var rightKeys = pairs.Select(p => p.Right.Id).ToHashSet();
        var items = new List<NamedExpression>();
        foreach (var (name, l, r) in pairs)
        {
            items.Add(kind switch
            {
                JoinKind.RightOuter => new NamedExpression(ResolvedCalls.Column(r), r),
                JoinKind.FullOuter => ProjectionResolver.Named(resolver, new FunctionExpression("coalesce",
                    [ResolvedCalls.Column(l), ResolvedCalls.Column(r)], false, l.Type, l.Nullable && r.Nullable, new Expression()), l.Name),
                _ => new NamedExpression(ResolvedCalls.Column(l), l),
            });
        }
        var semi = kind is JoinKind.LeftSemi or JoinKind.LeftAnti;
        var others = Output(kind, left.Output.Where(c => !leftKeys.Contains(c.Id)), semi ? [] : right.Output.Where(c => !rightKeys.Contains(c.Id)));
        items.AddRange(others.Select(c => new NamedExpression(ResolvedCalls.Column(c), c)));
        var hidden = HiddenKeys(kind, pairs.Select(p => p.Left).ToList(), pairs.Select(p => p.Right).ToList()).Concat(InheritedHidden(kind, left, right)).ToList();
        return new JoinPlan(RelationResolver.PlanId(relation), items.Select(i => i.Column).ToList(), left, right, kind, condition, items, hidden);
    }
}
