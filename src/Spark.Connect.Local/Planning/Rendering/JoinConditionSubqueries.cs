using Spark.Connect.Local.Planning.Resolution;

namespace Spark.Connect.Local.Planning.Rendering;

/// <summary>
/// DuckDB refuses a subquery in the condition of an outer, semi or anti join ("Cannot perform non-inner join on
/// subquery"), which Spark runs (<c>s1 LEFT JOIN s2 ON s1.id = s2.id AND s1.id IN (SELECT id FROM s3)</c>). A conjunct of
/// the condition that holds an uncorrelated subquery and reads the columns of one side only is the same value for every
/// pairing of that side's row, so it is computed as an extra column of that side and the condition reads the column.
/// Conjuncts reading both sides, or subqueries reading an enclosing query, stay as they are (DuckDB's error stays too).
/// </summary>
internal static class JoinConditionSubqueries
{
    /// <summary>The join's sides and ON text with such conjuncts moved into the sides; null when there is nothing to move.</summary>
    internal static (string Left, string Right, string On)? Split(JoinPlan join, PlanningContext context)
    {
        if (join.Condition is null || join.Kind is JoinKind.Inner or JoinKind.Cross || !HasSubquery(join.Condition))
            return null;
        var leftIds = join.Left.Output.Select(c => c.Id).ToHashSet();
        var rightIds = join.Right.Output.Select(c => c.Id).ToHashSet();
        // Decide every conjunct's place before rendering anything, so a join left as it is renders (and binds) once.
        var places = new List<(ResolvedExpression Conjunct, int Side)>();
        foreach (var conjunct in Conjuncts.Of(join.Condition))
        {
            var reads = new HashSet<int>();
            if (!HasSubquery(conjunct) || !Reads(conjunct, reads))
            {
                places.Add((conjunct, 0));
                continue;
            }
            var side = reads.IsSubsetOf(leftIds) ? -1 : reads.IsSubsetOf(rightIds) ? 1 : 0;
            if (side == 0)
                return null;
            places.Add((conjunct, side));
        }
        var named = places.Select(p => (p.Conjunct, p.Side, Name: p.Side == 0 ? null : context.NextAlias())).ToList();
        var left = Side(join.Left, named.Where(p => p.Side < 0).Select(p => (p.Name!, p.Conjunct)).ToList(), context);
        var right = Side(join.Right, named.Where(p => p.Side > 0).Select(p => (p.Name!, p.Conjunct)).ToList(), context);
        var on = string.Join(" AND ", named.Select(p => $"({p.Name ?? ExpressionSql.Render(p.Conjunct, context)})"));
        return (left, right, on);
    }

    private static string Side(LogicalPlan input, List<(string Name, ResolvedExpression Predicate)> predicates, PlanningContext context)
    {
        var from = PlanSql.From(input, context);
        if (predicates.Count == 0)
            return from;
        var extra = string.Join(", ", predicates.Select(p => $"{ExpressionSql.Render(p.Predicate, context)} AS {p.Name}"));
        return $"(SELECT *, {extra} FROM {from}) AS {context.NextAlias()}";
    }

    private static bool HasSubquery(ResolvedExpression expression) => expression switch
    {
        ResolvedSubquery => true,
        FunctionExpression function => function.Arguments.Any(HasSubquery),
        CastExpression cast => HasSubquery(cast.Operand),
        _ => false,
    };

    /// <summary>
    /// Collects the columns <paramref name="expression"/> reads; false when it holds something this rewrite does not
    /// follow (a correlated subquery, a lambda, a window), which keeps the conjunct where it is.
    /// </summary>
    private static bool Reads(ResolvedExpression expression, HashSet<int> into)
    {
        switch (expression)
        {
            case ColumnReference reference:
                into.Add(reference.Column.Id);
                return true;
            case LiteralExpression:
                return true;
            case CastExpression cast:
                return Reads(cast.Operand, into);
            case FunctionExpression function:
                return function.Arguments.All(a => Reads(a, into));
            case ResolvedSubquery subquery:
                return subquery.OuterReferences.Count == 0 && subquery.InValues.All(v => Reads(v, into));
            default:
                return false;
        }
    }
}
