using Spark.Connect.Local.Planning.Expressions;
using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// <c>groupBy(g).pivot(col, values).agg(…)</c> (without values: the column's distinct values, see <see cref="PivotValues"/>):
/// one output column per value (and per aggregate), each
/// aggregating only the rows whose pivot column equals that value, null-safely. As Spark's analyzer does
/// for general aggregates, every aggregate argument becomes <c>if(col &lt;=&gt; value, arg, null)</c>.
/// </summary>
internal static class PivotResolver
{
    internal static LogicalPlan Resolve(RelationResolver resolver, Relation relation, LogicalPlan child, ResolutionScope scope, List<NamedExpression> groupings)
    {
        var aggregate = relation.Aggregate;
        var pivot = aggregate.Pivot ?? throw new LocalEngineException("INVALID_PLAN", "XX000", "A pivot aggregate carries no pivot column.");
        var column = resolver.Expressions.Resolve(pivot.Col, scope);
        var values = pivot.Values.Count > 0 ? pivot.Values : PivotValues.Read(resolver, child, column);
        var items = new List<NamedExpression>();
        foreach (var value in values)
        {
            var literal = new LiteralExpression(value, ResolvedTypes.OfLiteral(value), new Expression { Literal = value });
            var matches = new FunctionExpression("<=>", [column, literal], false, SparkTypes.Boolean, false, new Expression());
            foreach (var expression in aggregate.AggregateExpressions)
            {
                var resolved = resolver.Expressions.Resolve(expression, scope);
                if (!AggregateValidation.Aggregates(resolved))
                    throw new LocalEngineException("PIVOT_VALUE_DATA_TYPE_MISMATCH", "42K09",
                        $"Pivot aggregates must be aggregate functions; \"{ColumnNamer.Name(expression)}\" is not.");
                var name = aggregate.AggregateExpressions.Count == 1 ? ValueName(value) : $"{ValueName(value)}_{ColumnNamer.Name(expression)}";
                items.Add(ProjectionResolver.Named(resolver, OnlyWhere(resolved, matches), name));
            }
        }
        return new AggregatePlan(RelationResolver.PlanId(relation), child, groupings, items);
    }

    /// <summary>
    /// Whether <paramref name="aggregate"/> is SQL's PIVOT clause, which groups by every input column the pivot column and
    /// the aggregates don't read. The Spark SQL parser marks it with a lone <c>*</c> as the grouping (a DataFrame pivot
    /// always names its groupings, and a star can't be one).
    /// </summary>
    internal static bool GroupsImplicitly(Aggregate aggregate) =>
        aggregate.GroupType == Aggregate.Types.GroupType.Pivot && aggregate.GroupingExpressions.Count == 1
        && aggregate.GroupingExpressions[0].ExprTypeCase == Expression.ExprTypeOneofCase.UnresolvedStar;

    /// <summary>The implicit groupings of SQL's PIVOT: the input columns, in order, that neither the pivot column nor an aggregate reads.</summary>
    internal static List<NamedExpression> ImplicitGroupings(RelationResolver resolver, Aggregate aggregate, LogicalPlan child, ResolutionScope scope)
    {
        var read = aggregate.AggregateExpressions.Append(aggregate.Pivot.Col).Select(e => resolver.Expressions.Resolve(e, scope));
        var referenced = ReferencedColumns.Of(read);
        return ProjectionResolver.Identity(child.Output.Where(c => !referenced.Contains(c.Id)));
    }

    /// <summary>The expression with every argument of its aggregate functions replaced by <c>when(condition, argument)</c>.</summary>
    private static ResolvedExpression OnlyWhere(ResolvedExpression expression, ResolvedExpression condition) => expression switch
    {
        FunctionExpression f when SparkFunctionCatalog.IsAggregate(f.Name) =>
            f with { Arguments = f.Arguments.Select((a, i) => i > 0 && a is LiteralExpression ? a : Guard(a, condition)).ToList() },
        FunctionExpression f => f with { Arguments = f.Arguments.Select(a => OnlyWhere(a, condition)).ToList() },
        CastExpression c => c with { Operand = OnlyWhere(c.Operand, condition) },
        _ => expression,
    };

    // The first argument is always the value aggregated (count(1) counts only matching rows); later literal
    // arguments are options of the aggregate (ignoreNulls flags, percentages) and stay as they are.
    private static ResolvedExpression Guard(ResolvedExpression argument, ResolvedExpression condition) => argument switch
    {
        StarArgument star => new FunctionExpression("when", [condition, new LiteralExpression(new Expression.Types.Literal { Integer = 1 },
            new DataType { Integer = new() }, new Expression())], false, new DataType { Integer = new() }, true, new Expression()),
        // A new source: renderers must not mistake the guarded value for the literal it wraps (count(1) is not count(*) here).
        _ => new FunctionExpression("when", [condition, argument], false, argument.Type, true, new Expression()),
    };

    /// <summary>Spark names a pivot column after the value as text (<c>null</c> for null).</summary>
    private static string ValueName(Expression.Types.Literal value) =>
        value.LiteralTypeCase == Expression.Types.Literal.LiteralTypeOneofCase.Null ? "null" : ColumnNamer.Name(new Expression { Literal = value });
}
