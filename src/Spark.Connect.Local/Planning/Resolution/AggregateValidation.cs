using Spark.Connect.Local.Planning.Expressions;
using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// Spark's checks on aggregating expressions: outside an aggregate function, a grouped query may only use
/// its grouping expressions (MISSING_AGGREGATION), and a select list that aggregates without grouping may
/// not use input columns directly (MISSING_GROUP_BY).
/// </summary>
internal static class AggregateValidation
{
    /// <summary>True when the expression contains an aggregate function outside a window.</summary>
    internal static bool Aggregates(ResolvedExpression expression) => expression switch
    {
        FunctionExpression f when SparkFunctionCatalog.IsAggregate(f.Name) => true,
        FunctionExpression f => f.Arguments.Any(Aggregates),
        CastExpression c => Aggregates(c.Operand),
        ExtractExpression e => Aggregates(e.Child) || (e.Key is { } key && Aggregates(key)),
        ResolvedLambda l => Aggregates(l.Body),
        _ => false,
    };

    /// <summary>Checks each aggregate expression of a GROUP BY against the grouping expressions.</summary>
    internal static void CheckGrouped(IReadOnlyList<NamedExpression> groupings, IReadOnlyList<NamedExpression> aggregates)
    {
        var grouped = groupings.Select(g => g.Expression).ToList();
        foreach (var item in aggregates)
        {
            // Without grouping expressions Spark names the missing GROUP BY rather than the column.
            var loose = FirstLooseColumn(item.Expression, grouped);
            if (loose is not null && grouped.Count == 0)
                throw MissingGroupBy(loose);
            if (loose is not null)
                throw new LocalEngineException("MISSING_AGGREGATION", "42803",
                    $"The non-aggregating expression \"{ColumnNamer.Name(item.Expression.Source)}\" is based on columns which are not participating in the GROUP BY clause " +
                    $"(\"{loose.Column.Name}\"). Add the columns or the expression to the GROUP BY, aggregate the expression, or use \"any_value({loose.Column.Name})\".",
                    new Dictionary<string, string> { ["expression"] = ColumnNamer.Name(item.Expression.Source), ["expressionAnyValue"] = $"any_value({loose.Column.Name})" });
        }
    }

    /// <summary>A select list that aggregates without GROUP BY may not also read input columns outside the aggregates.</summary>
    internal static void CheckGlobal(IReadOnlyList<NamedExpression> items)
    {
        if (!items.Any(i => Aggregates(i.Expression)))
            return;
        foreach (var item in items)
        {
            if (FirstLooseColumn(item.Expression, []) is { } loose)
                throw MissingGroupBy(loose);
        }
    }

    private static LocalEngineException MissingGroupBy(ColumnReference loose) => new("MISSING_GROUP_BY", "42803",
        $"The query does not include a GROUP BY clause, but \"{loose.Column.Name}\" is selected next to aggregate functions. " +
        "Add a GROUP BY (groupBy) or wrap the column in an aggregate function.");

    private static ColumnReference? FirstLooseColumn(ResolvedExpression expression, IReadOnlyList<ResolvedExpression> grouped)
    {
        if (grouped.Any(g => g.Source.Equals(expression.Source) && g.Type.Equals(expression.Type) || SameColumn(g, expression)))
            return null;
        return expression switch
        {
            ColumnReference column => column,
            FunctionExpression f when SparkFunctionCatalog.IsAggregate(f.Name) => null,
            FunctionExpression f => f.Arguments.Select(a => FirstLooseColumn(a, grouped)).FirstOrDefault(c => c is not null),
            CastExpression c => FirstLooseColumn(c.Operand, grouped),
            ExtractExpression e => FirstLooseColumn(e.Child, grouped) ?? (e.Key is { } key ? FirstLooseColumn(key, grouped) : null),
            // A lambda's body may read the row's columns besides its own variables.
            ResolvedLambda l => FirstLooseColumn(l.Body, grouped),
            _ => null,
        };
    }

    private static bool SameColumn(ResolvedExpression a, ResolvedExpression b) =>
        a is ColumnReference x && b is ColumnReference y && x.Column.Id == y.Column.Id;

}
