using Spark.Connect.Local.Planning.Expressions;
using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// Spark's rule for an aggregate inside a subquery: only a Filter (and, for scalar subqueries, a Project or Join) may read
/// the enclosing query's columns, so an aggregate's grouping or aggregate expressions that do are refused
/// (<c>UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.CORRELATED_REFERENCE</c>, as in <c>(SELECT sum(t0a) FROM t1)</c> with t0a
/// the outer query's), and before that an aggregate function reading both outer and local columns
/// (<c>AGGREGATE_FUNCTION_MIXED_OUTER_LOCAL_REFERENCES</c>). Aggregates of the enclosing query that the SQL parser lifted
/// out of a subquery's WHERE are the enclosing query's own and never reach this check.
/// </summary>
internal static class CorrelatedAggregateCheck
{
    internal static void Check(ResolutionScope scope, IReadOnlyList<NamedExpression> groupings, IReadOnlyList<NamedExpression> aggregates)
    {
        if (scope.Outer is null)
            return;
        var local = new HashSet<int>(scope.Columns.Select(c => c.Id).Concat(scope.Hidden.Select(h => h.Column.Id)));
        var outer = new HashSet<int>();
        for (var enclosing = scope.Outer; enclosing is not null; enclosing = enclosing.Outer)
        {
            foreach (var column in enclosing.Columns.Concat(enclosing.Hidden.Select(h => h.Column)).Concat(enclosing.GroupingAliases))
            {
                if (!local.Contains(column.Id))
                    outer.Add(column.Id);
            }
        }
        if (outer.Count == 0)
            return;
        var all = groupings.Concat(aggregates).ToList();
        foreach (var item in all)
        {
            if (MixedAggregate(item.Expression, outer, local) is { } mixed)
            {
                var text = $"\"{ColumnNamer.Name(mixed.Source)}\"";
                throw new LocalEngineException("UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.AGGREGATE_FUNCTION_MIXED_OUTER_LOCAL_REFERENCES", "0A000",
                    $"Unsupported subquery expression: Found an aggregate function in a correlated predicate that has both outer and local references, which is not supported: {text}.",
                    new Dictionary<string, string> { ["function"] = text });
            }
        }
        var correlated = all.Where(i => ColumnReads.Any(i.Expression, outer.Contains)).Select(i => $"\"{ColumnNamer.Name(i.Expression.Source)}\"").ToList();
        if (correlated.Count == 0)
            return;
        var texts = string.Join(",", correlated);
        throw new LocalEngineException("UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.CORRELATED_REFERENCE", "0A000",
            $"Unsupported subquery expression: Expressions referencing the outer query are not supported outside of WHERE/HAVING clauses: {texts}.",
            new Dictionary<string, string> { ["sqlExprs"] = texts });
    }

    // The first aggregate call whose arguments read an outer column and a local one.
    private static FunctionExpression? MixedAggregate(ResolvedExpression expression, HashSet<int> outer, HashSet<int> local) => expression switch
    {
        FunctionExpression f when SparkFunctionCatalog.IsAggregate(f.Name) && f.Arguments.Any(a => ColumnReads.Any(a, outer.Contains)) && f.Arguments.Any(a => ColumnReads.Any(a, local.Contains)) => f,
        FunctionExpression f => f.Arguments.Select(a => MixedAggregate(a, outer, local)).FirstOrDefault(m => m is not null),
        CastExpression c => MixedAggregate(c.Operand, outer, local),
        _ => null,
    };
}
