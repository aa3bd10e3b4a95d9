using JoinType = Spark.Connect.Join.Types.JoinType;

namespace Spark.Connect.Local.Planning.Relations;

/// <summary>
/// Joins. Each side keeps its own alias (nested joins are flattened into one FROM chain), so a plan-id
/// attribute resolves to exactly the side its DataFrame came from, even when the same table is read on
/// several sides. The result stays open: a Project or Filter over the join still sees every alias.
/// </summary>
internal static class JoinRenderer
{
    internal static Source Render(RelationRenderer renderer, Relation relation)
    {
        var join = relation.Join;
        if (join.JoinDataType is { } dataType && (dataType.IsLeftStruct || dataType.IsRightStruct))
            throw LocalEngineException.Unsupported("joins that nest a side into a struct (joinWith)", "Join the DataFrames and select the columns.");
        var keyword = join.JoinType switch
        {
            JoinType.Unspecified or JoinType.Inner => "JOIN",
            JoinType.LeftOuter => "LEFT JOIN",
            JoinType.RightOuter => "RIGHT JOIN",
            JoinType.FullOuter => "FULL JOIN",
            JoinType.LeftSemi => "SEMI JOIN",
            JoinType.LeftAnti => "ANTI JOIN",
            JoinType.Cross => "CROSS JOIN",
            _ => throw LocalEngineException.Unsupported($"the join type '{join.JoinType}'", "Use inner, outer, semi, anti or cross joins."),
        };
        var usingColumns = join.UsingColumns.Count > 0;
        // A USING join lists each side's columns through that side's alias, so each side must be one FROM item.
        var left = Side(renderer, renderer.Input(join.Left), nestable: !usingColumns);
        var right = Side(renderer, renderer.Input(join.Right), nestable: false);
        // One FROM can't declare an alias twice (a table read on both sides): the right side moves under a fresh alias.
        if (right.Aliases.Intersect(left.Aliases).Any())
            right = renderer.Wrap(right.ToQuery(), new Relation(), right);
        var scope = Scope.Merge(left.Scope, right.Scope);
        // The condition sees both sides; TypeOf questions are answered over their cross product.
        var joined = new Source($"{left.From} CROSS JOIN {right.From}", scope, [], "*", null, null);
        string from;
        var star = "*";
        if (usingColumns)
        {
            if (join.JoinCondition is { ExprTypeCase: not Expression.ExprTypeOneofCase.None })
                throw new LocalEngineException("INVALID_PLAN", "XX000", "A join has both a condition and using columns; give one.");
            from = $"{left.From} {keyword} {right.From} USING ({string.Join(", ", join.UsingColumns.Select(SqlIdentifiers.Quote))})";
            if (join.JoinType is not (JoinType.LeftSemi or JoinType.LeftAnti))
                star = UsingStar(renderer, left, right, join.UsingColumns);
        }
        else if (join.JoinCondition is { ExprTypeCase: not Expression.ExprTypeOneofCase.None } condition)
        {
            if (join.JoinType == JoinType.Cross)
                keyword = "JOIN";
            var on = renderer.Expressions(joined).Render(condition);
            from = $"{left.From} {keyword} {right.From} ON {on}";
        }
        else
        {
            // Spark treats an inner join without a condition as a cross join; outer joins match every pair.
            from = keyword is "JOIN" or "CROSS JOIN" ? $"{left.From} CROSS JOIN {right.From}" : $"{left.From} {keyword} {right.From} ON TRUE";
        }
        if (join.JoinType is JoinType.LeftSemi or JoinType.LeftAnti)
            scope = left.Scope; // the right side's columns are not part of a semi or anti join's output
        return new Source(from, scope.With(RelationRenderer.PlanId(relation), Scope.Unqualified), [], star, null, null)
        {
            Aliases = [.. left.Aliases, .. right.Aliases],
        };
    }

    /// <summary>
    /// A join side as a FROM item: a filtered or column-listing source is wrapped first; a plain join chain
    /// may stay open on the left, where it simply extends the chain.
    /// </summary>
    private static Source Side(RelationRenderer renderer, Source side, bool nestable)
    {
        if (side.Where.Count > 0 || side.Star != "*" || (side.IsJoin && !nestable))
            return renderer.Wrap(side.ToQuery(), new Relation(), side);
        // Joins associate to the left, so a join chain on the left side needs no parentheses.
        return side;
    }

    /// <summary>Spark's column order for a USING join: the keys (from the matching side), then the left's other columns, then the right's.</summary>
    private static string UsingStar(RelationRenderer renderer, Source left, Source right, IReadOnlyCollection<string> keys)
    {
        var keySet = keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var items = keys.Select(SqlIdentifiers.Quote).ToList();
        items.AddRange(renderer.ColumnNames(left).Where(n => !keySet.Contains(n)).Select(n => $"{left.Alias}.{SqlIdentifiers.Quote(n)}"));
        items.AddRange(renderer.ColumnNames(right).Where(n => !keySet.Contains(n)).Select(n => $"{right.Alias}.{SqlIdentifiers.Quote(n)}"));
        return string.Join(", ", items);
    }
}
