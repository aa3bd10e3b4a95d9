using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Translation.Methods;

/// <summary>
/// <c>OrderBy</c> / <c>OrderByDescending</c> (and <c>ThenBy</c> in the same direction) over an array column.
/// <c>x =&gt; x</c> is <c>sort_array(a[, false])</c>: nulls first ascending and last descending, as C#'s comparer puts
/// null below every value. Other keys sort structs of the keys and the element's index, then read the elements back:
/// <c>transform(sort_array(transform(a, (x, i) -&gt; named_struct(…, 't', ±i, 'i', i))), s -&gt; get(a, s.i))</c>.
/// A nullable key is preceded by a not-null flag (so null keys come first ascending, last descending), and the index
/// breaks ties in the original order, making the sort stable, as LINQ's is.
/// </summary>
internal static class ArraySort
{
    public static SparkValue Translate(TranslationContext context, MethodCallExpression call)
    {
        var keys = new List<LambdaExpression>();
        var descending = call.Method.Name is nameof(Enumerable.OrderByDescending) or nameof(Enumerable.ThenByDescending);
        var source = call;
        while (true)
        {
            if (source.Arguments.Count != 2)
                throw context.NotSupported(call, "ordering an array with a comparer has no Spark translation.", "Order by a key of a type Spark compares (numbers, text, dates).");
            keys.Insert(0, Sequences.Lambda(source, 1));
            if (source.Method.Name is nameof(Enumerable.OrderBy) or nameof(Enumerable.OrderByDescending))
                break;
            var previous = (MethodCallExpression)source.Arguments[0];
            if ((previous.Method.Name is nameof(Enumerable.OrderByDescending) or nameof(Enumerable.ThenByDescending)) != descending)
                throw context.NotSupported(call, "ordering an array by keys in different directions has no Spark translation.",
                    "Order by keys in one direction, or negate a numeric key (ThenBy(x => -x.Value)).");
            source = previous;
        }
        var array = Sequences.Translate(context, source.Arguments[0]);
        var elementType = Sequences.ElementType(source.Arguments[0].Type)!;
        var direction = descending ? [Expr.Lit(false)] : Array.Empty<SparkExpression>();
        if (keys is [{ Body: ParameterExpression p } identity] && p == identity.Parameters[0])
        {
            ArrayArithmetic.RequireComparable(context, call, elementType);
            return new SparkValue(Expr.Fn("sort_array", [array.Expression, .. direction]), call.Type, array.CanBeNull);
        }

        var element = context.NewLambdaVariable();
        var index = context.NewLambdaVariable();
        var fields = new List<SparkExpression>();
        for (var k = 0; k < keys.Count; k++)
        {
            using var scope = context.Bind(keys[k].Parameters[0], LambdaTranslator.ElementShape(context, elementType, Expr.LambdaVariable(element)));
            var key = ScalarTranslator.Translate(context, keys[k].Body);
            if (key.CanBeNull)
                fields.AddRange([Expr.Lit($"p{k}"), Expr.Fn("isnotnull", key.Expression)]);
            fields.AddRange([Expr.Lit($"k{k}"), key.Expression]);
        }
        var position = Expr.LambdaVariable(index);
        fields.AddRange([Expr.Lit("t"), descending ? Expr.Fn("negative", position) : position, Expr.Lit("i"), position]);
        var keyed = Expr.Fn("transform", array.Expression, Expr.Lambda(Expr.Fn("named_struct", [.. fields]), [element, index]));
        var sorted = Expr.Fn("sort_array", [keyed, .. direction]);
        var entry = context.NewLambdaVariable();
        var back = Expr.Lambda(Expr.Fn("get", array.Expression, Expr.Extract(Expr.LambdaVariable(entry), "i")), [entry]);
        return new SparkValue(Expr.Fn("transform", sorted, back), call.Type, array.CanBeNull);
    }
}
