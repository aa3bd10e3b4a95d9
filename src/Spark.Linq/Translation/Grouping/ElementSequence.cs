using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Translation.Grouping;

/// <summary>
/// The elements an aggregate inside a group runs over: <c>g</c>, optionally narrowed by
/// <c>.Where(x =&gt; …)</c>, mapped by <c>.Select(x =&gt; …)</c> and made unique by <c>.Distinct()</c>.
/// Filters don't become relations: the aggregate sees <c>when(filter, value)</c>, and aggregates skip nulls.
/// </summary>
internal sealed record ElementSequence(GroupScope Scope, ValueShape Elements, SparkExpression? Filter, bool Distinct)
{
    /// <summary>The sequence <paramref name="expression"/> denotes, or null when it does not start at a group.</summary>
    public static ElementSequence? TryParse(TranslationContext context, Expression expression)
    {
        if (ShapeResolver.TryResolve(context, expression) is { Group: { } scope })
            return new ElementSequence(scope, scope.Elements, null, false);
        if (expression is not MethodCallExpression { Method: { IsStatic: true } method } call || method.DeclaringType != typeof(Enumerable) || call.Arguments.Count == 0)
            return null;
        if (TryParse(context, call.Arguments[0]) is not { } source) return null;
        switch (method.Name)
        {
            case nameof(Enumerable.Where) when Selector(call) is { } predicate:
            {
                using var bound = context.Bind(predicate.Parameters[0], source.Elements);
                var condition = ScalarTranslator.TranslatePredicate(context, predicate.Body).Expression;
                return source with { Filter = source.Filter is null ? condition : Expr.Fn("and", source.Filter, condition) };
            }
            case nameof(Enumerable.Select) when Selector(call) is { } selector:
            {
                if (source.Distinct)
                    throw context.NotSupported(call, "Select after Distinct inside a group can't be aggregated in one pass.", "Move Distinct() after Select: g.Select(x => x.C).Distinct().");
                using var bound = context.Bind(selector.Parameters[0], source.Elements);
                return source with { Elements = InlineShape.Of(context, selector.Body) };
            }
            case nameof(Enumerable.Distinct) when call.Arguments.Count == 1:
                return source with { Distinct = true };
            case nameof(Enumerable.AsEnumerable):
                return source;
            default:
                throw context.NotSupported(call, $"{method.Name} over a group's elements has no Spark aggregate.",
                    "Use Where, Select and Distinct on the group, then Count, LongCount, Sum, Min, Max, Average, Any, All, ToList or ToArray.");
        }
    }

    private static LambdaExpression? Selector(MethodCallExpression call) =>
        call.Arguments.Count == 2 && call.Arguments[1] is LambdaExpression { Parameters.Count: 1 } lambda ? lambda : null;

    /// <summary>The elements as one value, with the filter applied (null where filtered out).</summary>
    public SparkExpression Value(TranslationContext context)
    {
        var value = InlineShape.StructOf(context, Elements);
        return Filter is null ? value : Expr.Fn("when", Filter, value);
    }

    /// <summary>A selector's value over each element (Sum(x =&gt; x.Amount)), with the filter applied.</summary>
    public SparkValue Value(TranslationContext context, LambdaExpression selector)
    {
        SparkValue value;
        using (context.Bind(selector.Parameters[0], Elements))
            value = ScalarTranslator.Translate(context, selector.Body);
        return Filter is null ? value : value with { Expression = Expr.Fn("when", Filter, value.Expression), CanBeNull = true };
    }
}
