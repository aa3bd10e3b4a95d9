using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;

namespace Spark.Linq.Translation.Operators;

/// <summary>
/// Count, LongCount, Any, All, Contains, Sum, Min, Max and Average → a global <c>Aggregate</c> with
/// one aliased column. C# meaning is kept: Sum of nothing is 0 (Spark says null), Min/Max/Average of
/// nothing is an error for non-nullable types and null for nullable ones, and Sum keeps the C# type.
/// </summary>
internal static class AggregateOperators
{
    private static readonly HashSet<string> Names = ["Count", "LongCount", "Any", "All", "Contains", "Sum", "Min", "Max", "Average"];

    public static bool Handles(string name) => Names.Contains(name);

    public static TranslatedQuery Translate(TranslationContext context, QueryState source, MethodCallExpression call)
    {
        var name = call.Method.Name;
        switch (name)
        {
            case "Count" or "LongCount":
            {
                var input = call.Arguments.Count > 1 ? WhereTranslator.Filter(context, source, QueryTranslator.Lambda(call.Arguments[1])) : source.Relation;
                return Scalar(context, input, CountAll(), "count", call.Type, QueryResultKind.Scalar);
            }
            case "Any":
            {
                var input = call.Arguments.Count > 1 ? WhereTranslator.Filter(context, source, QueryTranslator.Lambda(call.Arguments[1])) : source.Relation;
                // One row is enough to know; the Limit lets Spark stop early.
                return Scalar(context, context.Rel.Limit(input, 1), Expr.Fn(">", CountAll(), Expr.Lit(0)), "any", typeof(bool), QueryResultKind.Scalar);
            }
            case "All":
            {
                var predicate = QueryTranslator.Lambda(call.Arguments[1]);
                var negated = Expression.Lambda(Expression.Not(predicate.Body), predicate.Parameters);
                var counterexamples = context.Rel.Limit(WhereTranslator.Filter(context, source, negated), 1);
                return Scalar(context, counterexamples, Expr.Fn("==", CountAll(), Expr.Lit(0)), "all", typeof(bool), QueryResultKind.Scalar);
            }
            case "Contains":
            {
                if (call.Arguments.Count > 2)
                    throw context.NotSupported(call, "a custom IEqualityComparer can't run on Spark.",
                        "Remove the comparer: Spark compares values itself (strings ordinally); for case-insensitive matching compare ToLower() values, or call AsEnumerable() before it.");
                var item = ScalarTranslator.Translate(context, call.Arguments[1]);
                var row = RowValue(context, source, call);
                var matches = context.Rel.Limit(context.Rel.Filter(source.Relation, NullSemantics.Equal(context, row, item).Expression), 1);
                return Scalar(context, matches, Expr.Fn(">", CountAll(), Expr.Lit(0)), "contains", typeof(bool), QueryResultKind.Scalar);
            }
            default:
                return Numeric(context, source, call);
        }
    }

    private static TranslatedQuery Numeric(TranslationContext context, QueryState source, MethodCallExpression call)
    {
        var name = call.Method.Name;
        SparkValue value;
        if (call.Arguments.Count > 1)
        {
            var selector = QueryTranslator.Lambda(call.Arguments[1]);
            using (context.Bind(selector.Parameters[0], source.Row))
                value = ScalarTranslator.Translate(context, selector.Body);
        }
        else
        {
            value = RowValue(context, source, call);
        }
        var resultType = call.Type;
        var nullableResult = TypeClassifier.CanBeNull(resultType);
        Spark.Connect.Protocol.Expression aggregate = name switch
        {
            "Sum" => Expr.Fn("coalesce", Expr.Fn("sum", value.Expression), ZeroOf(context, resultType, call)),
            "Min" => Expr.Fn("min", value.Expression),
            "Max" => Expr.Fn("max", value.Expression),
            _ => Expr.Fn("avg", value.Expression),
        };
        // Spark widens sum(int) to bigint and avg(float) to double; cast back so the result has the C# type.
        if (name is "Sum" or "Average" && SparkTypes.For(resultType) is { } sparkType && NeedsCast(resultType))
            aggregate = Expr.Cast(aggregate, sparkType);
        var kind = name != "Sum" && !nullableResult ? QueryResultKind.ScalarNonEmpty : QueryResultKind.Scalar;
        return Scalar(context, source.Relation, aggregate, name.ToLowerInvariant(), resultType, kind);
    }

    /// <summary>
    /// Whether Spark's sum/avg type must be cast back to the C# type: int sums are bigint in Spark and float ones double.
    /// Decimals are not cast: any decimal(p,s) reads into a C# decimal, and a cast to decimal(38,18) would print 18
    /// places and fail on sums past 10^20 that Spark's own decimal(p+10,s) holds.
    /// </summary>
    public static bool NeedsCast(Type type)
    {
        var t = TypeClassifier.Unwrap(type);
        return t == typeof(int) || t == typeof(float);
    }

    public static Spark.Connect.Protocol.Expression ZeroOf(TranslationContext context, Type type, Expression call) =>
        Expr.Lit(LiteralFactory.TryCreate(Convert.ChangeType(0, TypeClassifier.Unwrap(type)), TypeClassifier.Unwrap(type))
            ?? throw context.NotSupported(call, $"Sum over {type.Name} has no Spark equivalent."));

    /// <summary>The row itself as a value, for operators without a selector over a sequence of scalars (Sum(), Contains(v)).</summary>
    private static SparkValue RowValue(TranslationContext context, QueryState source, MethodCallExpression call) =>
        source.Row.IsComplex
            ? throw context.NotSupported(call, $"{call.Method.Name} without a selector needs a sequence of single values.",
                $"Select the value first, e.g. .Select(x => x.Amount).{call.Method.Name}(), or pass a selector.")
            : SparkValue.Of(source.Row.Reference, source.Row.ClrType);

    private static Spark.Connect.Protocol.Expression CountAll() => Expr.Fn("count", Expr.Lit(1));

    private static TranslatedQuery Scalar(TranslationContext context, Spark.Connect.Protocol.Relation input, Spark.Connect.Protocol.Expression aggregate,
        string column, Type resultType, QueryResultKind kind)
    {
        var relation = context.Rel.GlobalAggregate(input, [Expr.Alias(aggregate, column)]);
        return new TranslatedQuery(relation, ValueShape.Scalar(Expr.Col(column), resultType), kind, resultType);
    }
}
