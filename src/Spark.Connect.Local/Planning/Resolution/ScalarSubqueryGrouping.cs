using Spark.Connect.Local.Planning.Expressions;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// Spark's checks on a correlated scalar subquery that groups (<c>(SELECT count(*) FROM y WHERE y1 = x1 GROUP BY y1)</c>):
/// one row per outer row is only certain when every grouping expression is pinned by an equality in the WHERE directly
/// below the aggregate to an outer value or constant (<c>NON_CORRELATED_COLUMNS_IN_GROUP_BY</c>, unless
/// <c>spark.sql.legacy.scalarSubqueryAllowGroupByNonEqualityCorrelatedPredicate</c> is set), and grouping by an outer
/// column is a correlated reference Spark refuses (<c>CORRELATED_REFERENCE</c>).
/// </summary>
internal static class ScalarSubqueryGrouping
{
    private const string LegacySetting = "spark.sql.legacy.scalarSubqueryAllowGroupByNonEqualityCorrelatedPredicate";

    internal static void Check(LogicalPlan plan, PlanningContext planning)
    {
        if (TopAggregate(plan) is not { Groupings.Count: > 0 } aggregate)
            return;
        var inner = new HashSet<int>();
        CollectIds(plan, inner);
        if (aggregate.Groupings.FirstOrDefault(g => ColumnReads.Any(g.Expression, id => !inner.Contains(id))) is { } outer)
        {
            var text = $"\"{ColumnNamer.Name(outer.Expression.Source)}\"";
            throw new LocalEngineException("UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.CORRELATED_REFERENCE", "0A000",
                $"Unsupported subquery expression: Expressions referencing the outer query are not supported outside of WHERE/HAVING clauses: {text}.",
                new Dictionary<string, string> { ["sqlExprs"] = text });
        }
        if (string.Equals(planning.Session.Setting(LegacySetting), "true", StringComparison.OrdinalIgnoreCase))
            return;
        var bound = new HashSet<string>();
        CollectBound(aggregate.Child, inner, bound);
        var loose = aggregate.Groupings.Where(g => !bound.Contains(Text(g.Expression))).Select(g => ColumnNamer.Name(g.Expression.Source)).ToList();
        if (loose.Count > 0)
            throw new LocalEngineException("UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.NON_CORRELATED_COLUMNS_IN_GROUP_BY", "0A000",
                $"Unsupported subquery expression: A GROUP BY clause in a scalar correlated subquery cannot contain non-correlated columns: {string.Join(",", loose)}.",
                new Dictionary<string, string> { ["value"] = string.Join(",", loose) });
    }

    // The aggregate the subquery's own select list is computed over: the SQL parser's shape (select items over a HAVING
    // filter or sort over the projection of hidden aggregate columns) or a projection right over it; an aggregate in a
    // derived table, or below a global aggregate's projection, is not the subquery's own.
    private static AggregatePlan? TopAggregate(LogicalPlan plan) => plan is ProjectPlan { Child: { } child } ? Below(child) : null;

    private static AggregatePlan? Below(LogicalPlan plan) => plan switch
    {
        AggregatePlan aggregate => aggregate,
        FilterPlan filter => Below(filter.Child),
        SortPlan sort => Below(sort.Child),
        ProjectPlan { Child: AggregatePlan aggregate } computing when computing.Output.All(c => c.Name.StartsWith("__spark_sql_", StringComparison.Ordinal)) => aggregate,
        _ => null,
    };

    private static void CollectIds(LogicalPlan plan, HashSet<int> ids)
    {
        PlanComplexity.EnsureStack();
        foreach (var column in plan.Output)
            ids.Add(column.Id);
        foreach (var child in plan.Children)
            CollectIds(child, ids);
    }

    // Expressions pinned by `e = outer-or-constant` in the filters directly below the aggregate.
    private static void CollectBound(LogicalPlan plan, HashSet<int> inner, HashSet<string> bound)
    {
        switch (plan)
        {
            case FilterPlan filter:
                foreach (var conjunct in Conjuncts.Of(filter.Condition))
                {
                    if (conjunct is not FunctionExpression { Name: "==" or "<=>", Arguments: [var left, var right] })
                        continue;
                    if (!ColumnReads.Any(right, inner.Contains))
                        bound.Add(Text(Uncast(left)));
                    if (!ColumnReads.Any(left, inner.Contains))
                        bound.Add(Text(Uncast(right)));
                }
                CollectBound(filter.Child, inner, bound);
                break;
            case PassThroughPlan pass:
                CollectBound(pass.Child, inner, bound);
                break;
            case ProjectPlan { Child: { } child }:
                CollectBound(child, inner, bound);
                break;
        }
    }

    // A widening cast the resolver added to compare the two sides keeps the column pinned.
    private static ResolvedExpression Uncast(ResolvedExpression expression) =>
        expression is CastExpression { Operand: ColumnReference column } cast && cast.Source.ExprTypeCase != Expression.ExprTypeOneofCase.Cast ? column : expression;

    private static string Text(ResolvedExpression expression) => expression switch
    {
        ColumnReference reference => "#" + reference.Column.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        FunctionExpression function => $"{function.Name}({string.Join(", ", function.Arguments.Select(Text))})",
        CastExpression cast => $"cast({Text(cast.Operand)} as {Functions.SparkTypes.Name(cast.Type)})",
        _ => ColumnNamer.Name(expression.Source),
    };
}
