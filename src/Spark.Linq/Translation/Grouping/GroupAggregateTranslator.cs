using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;
using Spark.Linq.Translation.Methods;
using Spark.Linq.Translation.Operators;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Translation.Grouping;

/// <summary>
/// Aggregates over a group's elements (<c>g.Count()</c>, <c>g.Sum(x =&gt; x.Amount)</c>,
/// <c>g.Select(x =&gt; x.C).Distinct().Count()</c>, <c>g.ToList()</c>…) → an aliased aggregate
/// expression of the group's <c>Aggregate</c>, read back as its column. C# types are kept: Sum of
/// int is an int (Spark's bigint is cast back), Average of int is a double, Count is an int.
/// </summary>
internal sealed class GroupAggregateTranslator : IMethodCallTranslator
{
    public SparkValue? Translate(TranslationContext context, MethodCallExpression call)
    {
        if (!call.Method.IsStatic || call.Method.DeclaringType != typeof(Enumerable) || call.Arguments.Count == 0) return null;
        if (ElementSequence.TryParse(context, call.Arguments[0]) is not { } source) return null;
        var predicate = call.Arguments.Count == 2 && call.Arguments[1] is LambdaExpression { ReturnType: var r } p && r == typeof(bool) ? p : null;
        if (predicate is not null && call.Method.Name is "Count" or "LongCount" or "Any" or "All")
            source = PredicateOf(context, source, predicate, call.Method.Name == "All");

        var value = call.Method.Name switch
        {
            "Count" or "LongCount" => Add(context, source, Count(context, source), "count", call.Type, canBeNull: false),
            "Any" => Add(context, source, AnyOrAll(source, "bool_or"), "any", typeof(bool), canBeNull: false),
            "All" => Add(context, source, AnyOrAll(source, "bool_and"), "all", typeof(bool), canBeNull: false),
            "Sum" or "Min" or "Max" or "Average" => Numeric(context, source, call),
            "ToList" or "ToArray" or "ToHashSet" when call.Arguments.Count == 1 =>
                Add(context, source, Expr.Fn(source.Distinct || call.Method.Name == "ToHashSet" ? "collect_set" : "collect_list", source.Value(context)), "items", call.Type, canBeNull: false),
            "MaxBy" or "MinBy" => throw context.NotSupported(call, $"the whole element {call.Method.Name} picks can be read here only as members of it, each a {(call.Method.Name == "MaxBy" ? "max_by" : "min_by")} aggregate.",
                $"Read its members (g.{call.Method.Name}(x => x.Key)!.Name), or select only that row per group: Select(g => g.{call.Method.Name}(x => x.Key))."),
            _ => throw context.NotSupported(call, $"{call.Method.Name} over a group's elements has no Spark aggregate.",
                "Use Count, LongCount, Sum, Min, Max, Average, Any, All, ToList or ToArray over the group (after Where, Select or Distinct if needed)."),
        };
        return source.Scope.MayBeEmpty ? Joins.EmptyGroups.Answer(context, call, value) : value;
    }

    // For All, the condition a row must meet to count is "not filtered out"; the predicate itself is what bool_and tests.
    private static ElementSequence PredicateOf(TranslationContext context, ElementSequence source, LambdaExpression predicate, bool all)
    {
        SparkExpression condition;
        using (context.Bind(predicate.Parameters[0], source.Elements))
            condition = ScalarTranslator.TranslatePredicate(context, predicate.Body).Expression;
        if (all) return source with { Elements = ValueShape.Scalar(condition, typeof(bool)) };
        return source with { Filter = source.Filter is null ? condition : Expr.Fn("and", source.Filter, condition) };
    }

    private static SparkExpression Count(TranslationContext context, ElementSequence source)
    {
        if (!source.Distinct)
            return source.Filter is null ? Expr.Fn("count", Expr.Lit(1)) : Expr.Fn("count_if", source.Filter);
        var value = source.Value(context);
        var distinct = Expr.DistinctFn("count", value);
        if (!context.CSharpNulls || !source.Elements.IsComplex && !TypeClassifier.CanBeNull(source.Elements.ClrType)) return distinct;
        // count(DISTINCT x) skips null; LINQ's Distinct().Count() counts it as one more value.
        var isNull = Expr.Fn("isnull", InlineShape.StructOf(context, source.Elements));
        var nullSeen = source.Filter is null ? isNull : Expr.Fn("and", source.Filter, isNull);
        return Expr.Fn("+", distinct, Expr.Fn("max", Expr.Fn("when", nullSeen, Expr.Lit(1), Expr.Lit(0))));
    }

    private static SparkExpression AnyOrAll(ElementSequence source, string function)
    {
        if (function == "bool_or")
            return Expr.Fn(">", Expr.Fn("count_if", source.Filter ?? Expr.Lit(true)), Expr.Lit(0));
        // All: every element that passes the filter meets the predicate (held as the elements' value).
        var holds = source.Elements.Reference;
        var test = source.Filter is null ? holds : Expr.Fn("or", Expr.Fn("not", source.Filter), holds);
        return Expr.Fn("coalesce", Expr.Fn(function, test), Expr.Lit(true));
    }

    private static SparkValue Numeric(TranslationContext context, ElementSequence source, MethodCallExpression call)
    {
        var name = call.Method.Name;
        SparkValue value;
        if (call.Arguments.Count == 2 && call.Arguments[1] is LambdaExpression selector)
            value = source.Value(context, selector);
        else if (source.Elements.IsComplex)
            throw context.NotSupported(call, $"{name} without a selector needs a sequence of single values.",
                $"Pass a selector, e.g. g.{name}(x => x.Amount).");
        else
            value = new SparkValue(source.Value(context), source.Elements.ClrType, source.Filter is not null || TypeClassifier.CanBeNull(source.Elements.ClrType));

        var function = name switch { "Sum" => "sum", "Min" => "min", "Max" => "max", _ => "avg" };
        var aggregate = source.Distinct ? Expr.DistinctFn(function, value.Expression) : Expr.Fn(function, value.Expression);
        var resultType = call.Type;
        // Sum of nothing (all null, or all filtered out) is 0 in C#; Spark says null.
        if (name == "Sum" && value.CanBeNull)
            aggregate = Expr.Fn("coalesce", aggregate, AggregateOperators.ZeroOf(context, resultType, call));
        if (name is "Sum" or "Average" && AggregateOperators.NeedsCast(resultType) && SparkTypes.For(resultType) is { } sparkType)
            aggregate = Expr.Cast(aggregate, sparkType);
        var canBeNull = name != "Sum" && (value.CanBeNull || TypeClassifier.CanBeNull(resultType));
        return Add(context, source, aggregate, function, resultType, canBeNull);
    }

    private static SparkValue Add(TranslationContext context, ElementSequence source, SparkExpression aggregate, string name, Type type, bool canBeNull) =>
        new(source.Scope.Add(aggregate, name), type, canBeNull);
}
