using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Translation.Methods;

/// <summary>
/// One element of an array column, with C#'s indexes (from 0) and C#'s exceptions: <c>a[i]</c>, <c>list[i]</c>,
/// <c>ElementAt(i)</c>, <c>First()</c>, <c>Last()</c>, <c>Single()</c> (optionally with a predicate, over
/// <c>filter</c>). Where C# throws (an index outside the array, no element), the query fails with C#'s message
/// through <c>raise_error</c> (Spark's USER_RAISED_EXCEPTION), whatever Spark's ANSI setting; elements are read with
/// <c>get</c> (0-based, null outside), which never answers for a missing element. The <c>…OrDefault</c> forms give
/// C#'s default (0 for a non-nullable value type).
/// </summary>
internal sealed class ArrayElementTranslator : IMethodCallTranslator
{
    /// <summary>C#'s message for an array subscript outside the array (IndexOutOfRangeException).</summary>
    public const string ArrayIndexMessage = "Index was outside the bounds of the array.";

    /// <summary>C#'s message for a list indexer or ElementAt outside the list (ArgumentOutOfRangeException).</summary>
    public const string ListIndexMessage = "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')";

    public SparkValue? Translate(TranslationContext context, MethodCallExpression call)
    {
        if (!call.Method.IsStatic && call.Method.Name == "get_Item" && call.Object is { } list && call.Arguments.Count == 1
            && Sequences.DictionaryTypes(list.Type) is null && Sequences.IsRowSequence(context, list))
            return Index(context, list, call.Arguments[0], call.Type, ListIndexMessage);
        if (call.Method.DeclaringType != typeof(Enumerable) || call.Arguments.Count == 0 || !Sequences.IsRowSequence(context, call.Arguments[0]))
            return null;
        Sequences.RejectEntries(context, call, call.Arguments[0]);
        if (call.Method.Name is nameof(Enumerable.ElementAt) or nameof(Enumerable.ElementAtOrDefault))
            return call.Arguments[1].Type != typeof(int) ? null
                : call.Method.Name == nameof(Enumerable.ElementAt)
                    ? Index(context, call.Arguments[0], call.Arguments[1], call.Type, ListIndexMessage)
                    : Sequences.OrDefault(Get(context, call.Arguments[0], call.Arguments[1], call.Type), call.Type);
        // Only the element operators: Aggregate(func) and the like have lambdas too, but no element to pick.
        if (call.Method.Name is not (nameof(Enumerable.First) or nameof(Enumerable.FirstOrDefault) or nameof(Enumerable.Last) or nameof(Enumerable.LastOrDefault)
            or nameof(Enumerable.Single) or nameof(Enumerable.SingleOrDefault)))
            return null;
        var filtered = call.Arguments.Count == 2 && call.Arguments[1] is LambdaExpression or UnaryExpression { NodeType: ExpressionType.Quote };
        if (call.Arguments.Count > (filtered ? 2 : 1))
            return null;
        var array = Sequences.Translate(context, call.Arguments[0]).Expression;
        if (filtered)
        {
            var predicate = LambdaTranslator.Translate(context, Sequences.Lambda(call, 1), ScalarTranslator.TranslatePredicate);
            array = Expr.Fn("filter", array, predicate.Function);
        }
        var none = filtered ? "Sequence contains no matching element" : Sequences.NoElements;
        var many = filtered ? "Sequence contains more than one matching element" : "Sequence contains more than one element";
        var size = Expr.Fn("size", array);
        var empty = Expr.Fn("==", size, Expr.Lit(0));
        var first = Expr.Fn("get", array, Expr.Lit(0));
        var last = Expr.Fn("try_element_at", array, Expr.Lit(-1));
        var type = call.Type;
        return call.Method.Name switch
        {
            nameof(Enumerable.First) => SparkValue.Of(Expr.Fn("if", empty, Sequences.Raise(none), first), type),
            nameof(Enumerable.FirstOrDefault) => Sequences.OrDefault(SparkValue.Of(first, type), type),
            nameof(Enumerable.Last) => SparkValue.Of(Expr.Fn("if", empty, Sequences.Raise(none), last), type),
            nameof(Enumerable.LastOrDefault) => Sequences.OrDefault(SparkValue.Of(last, type), type),
            nameof(Enumerable.Single) => SparkValue.Of(Expr.Fn("if", Expr.Fn("==", size, Expr.Lit(1)), first,
                Expr.Fn("raise_error", Expr.Fn("if", empty, Expr.Lit(none), Expr.Lit(many)))), type),
            nameof(Enumerable.SingleOrDefault) => Sequences.OrDefault(SparkValue.Of(Expr.Fn("if", Expr.Fn(">", size, Expr.Lit(1)), Sequences.Raise(many), first), type), type),
            _ => null,
        };
    }

    /// <summary>
    /// <c>a[i]</c>: <c>if(i &lt; 0 or i &gt;= size(a), raise_error(message), get(a, i))</c>; C# throws outside the array,
    /// where Spark's <c>get</c> would give null and its <c>element_at</c> counts negative indexes from the end.
    /// </summary>
    public static SparkValue Index(TranslationContext context, Expression array, Expression index, Type type, string message)
    {
        var values = Sequences.Translate(context, array).Expression;
        var position = ScalarTranslator.Translate(context, index).Expression;
        var outside = Expr.Fn("or", Expr.Fn("<", position, Expr.Lit(0)), Expr.Fn(">=", position, Expr.Fn("size", values)));
        return SparkValue.Of(Expr.Fn("if", outside, Sequences.Raise(message), Expr.Fn("get", values, position)), type);
    }

    private static SparkValue Get(TranslationContext context, Expression array, Expression index, Type type) =>
        SparkValue.Of(Expr.Fn("get", Sequences.Translate(context, array).Expression, ScalarTranslator.Translate(context, index).Expression), type);
}
