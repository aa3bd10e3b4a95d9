using System.Collections;
using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;
using Spark.Linq.Translation.Operators;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Translation.Methods;

/// <summary>
/// LINQ operators over an array column that give another array: <c>Where</c> → <c>filter</c>, <c>Select</c> →
/// <c>transform</c> (both with the index overload), <c>Distinct</c> → <c>array_distinct</c>, <c>OrderBy</c> →
/// <c>sort_array</c>, <c>Concat</c> → <c>concat</c>, <c>Union</c>/<c>Intersect</c>/<c>Except</c> → the array set
/// functions, <c>Reverse</c> → <c>reverse</c>; <c>ToArray</c>/<c>ToList</c>/<c>AsEnumerable</c> change nothing.
/// </summary>
internal sealed class ArrayOperatorTranslator : IMethodCallTranslator
{
    public SparkValue? Translate(TranslationContext context, MethodCallExpression call)
    {
        // List<T>.ToArray() and the like: the same array.
        if (!call.Method.IsStatic && call.Method.Name is nameof(Enumerable.ToArray) or nameof(Enumerable.ToList) && call.Arguments.Count == 0
            && call.Object is { } list && Sequences.IsRowSequence(context, list) && Sequences.DictionaryTypes(list.Type) is null)
            return Sequences.Translate(context, list) with { ClrType = call.Type };
        if (call.Method.DeclaringType != typeof(Enumerable) || call.Arguments.Count == 0 || !Sequences.IsRowSequence(context, call.Arguments[0]))
            return null;
        if (call.Method.Name is not (nameof(Enumerable.Count) or nameof(Enumerable.LongCount) or nameof(Enumerable.Any)))
            Sequences.RejectEntries(context, call, call.Arguments[0]);
        return call.Method.Name switch
        {
            nameof(Enumerable.ToArray) or nameof(Enumerable.ToList) or nameof(Enumerable.AsEnumerable) when call.Arguments.Count == 1 =>
                Sequences.Translate(context, call.Arguments[0]) with { ClrType = call.Type },
            nameof(Enumerable.Where) => WithLambda(context, call, "filter", ScalarTranslator.TranslatePredicate),
            nameof(Enumerable.Select) => WithLambda(context, call, "transform", StructBuilder.Translate),
            nameof(Enumerable.Distinct) when call.Arguments.Count == 1 => Unary(context, call, "array_distinct"),
            nameof(Enumerable.Reverse) when call.Arguments.Count == 1 => Unary(context, call, "reverse"),
            nameof(Enumerable.OrderBy) or nameof(Enumerable.OrderByDescending) or nameof(Enumerable.ThenBy) or nameof(Enumerable.ThenByDescending) =>
                ArraySort.Translate(context, call),
            nameof(Enumerable.Concat) when call.Arguments.Count == 2 => Binary(context, call, "concat"),
            nameof(Enumerable.Union) when call.Arguments.Count == 2 => Binary(context, call, "array_union"),
            nameof(Enumerable.Intersect) when call.Arguments.Count == 2 => Binary(context, call, "array_intersect"),
            nameof(Enumerable.Except) when call.Arguments.Count == 2 => Binary(context, call, "array_except"),
            _ => null,
        };
    }

    /// <summary><c>filter</c> / <c>transform</c> of the source with the lambda; a second lambda parameter is the 0-based index.</summary>
    private static SparkValue WithLambda(TranslationContext context, MethodCallExpression call, string function, Func<TranslationContext, Expression, SparkValue> body)
    {
        var source = Sequences.Translate(context, call.Arguments[0]);
        var lambda = LambdaTranslator.Translate(context, Sequences.Lambda(call, 1), body);
        return new SparkValue(Expr.Fn(function, source.Expression, lambda.Function), call.Type, source.CanBeNull);
    }

    private static SparkValue Unary(TranslationContext context, MethodCallExpression call, string function)
    {
        var source = Sequences.Translate(context, call.Arguments[0]);
        return new SparkValue(Expr.Fn(function, source.Expression), call.Type, source.CanBeNull);
    }

    /// <summary>
    /// Two arrays. LINQ's Union, Intersect and Except give distinct elements in first-seen order and treat null as a
    /// value, as Spark's array set functions do; Concat keeps duplicates, as concat does. The second sequence may be
    /// a local collection: it travels as an array of literals.
    /// </summary>
    private static SparkValue Binary(TranslationContext context, MethodCallExpression call, string function)
    {
        var source = Sequences.Translate(context, call.Arguments[0]);
        var other = Sequences.StripConvert(call.Arguments[1]);
        SparkExpression second;
        if (other is ConstantExpression { Value: IEnumerable values })
        {
            var elementType = Sequences.ElementType(call.Type)!;
            var literals = values.Cast<object?>().Select(v => LiteralFactory.TryCreate(v, elementType)
                ?? throw context.NotSupported(call, $"the collection holds a value of type {v?.GetType().Name}, which has no Spark literal.")).Select(Expr.Lit).ToArray();
            // array() of nothing has no element type; with no elements the answer needs none.
            if (literals.Length == 0)
                return EmptyOther(context, source, call, function);
            second = Expr.Fn("array", literals);
        }
        else if (Sequences.IsRowSequence(context, other))
        {
            second = Sequences.Translate(context, other).Expression;
        }
        else
        {
            throw context.NotSupported(call, $"{call.Method.Name} needs a second sequence that is an array of the row or a local collection.");
        }
        return new SparkValue(Expr.Fn(function, source.Expression, second), call.Type, source.CanBeNull);
    }

    private static SparkValue EmptyOther(TranslationContext context, SparkValue source, MethodCallExpression call, string function) => function switch
    {
        "concat" => source with { ClrType = call.Type },
        "array_intersect" => new SparkValue(Expr.Fn("filter", source.Expression, Expr.Lambda(Expr.Lit(false), [context.NewLambdaVariable()])), call.Type, source.CanBeNull),
        _ => new SparkValue(Expr.Fn("array_distinct", source.Expression), call.Type, source.CanBeNull),
    };
}
