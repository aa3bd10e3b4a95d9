using System.Collections;
using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Translation.Methods;

/// <summary>
/// Operators that combine arrays: <c>SelectMany(x =&gt; x.Inner)</c> → <c>flatten(transform(a, x -&gt; inner))</c> (with a
/// result selector, each inner element transformed with its outer one); <c>Zip(b, (x, y) =&gt; …)</c> →
/// <c>zip_with</c> over both arrays cut to the shorter length (LINQ stops at the shorter sequence, Spark's zip_with pads
/// with nulls); <c>SequenceEqual(b)</c> → <c>a = b</c> (same length, equal elements in order, null elements equal, as
/// C#'s default comparer). <c>b</c> may be another array of the row or a local collection.
/// </summary>
internal sealed class ArrayCombineTranslator : IMethodCallTranslator
{
    public SparkValue? Translate(TranslationContext context, MethodCallExpression call)
    {
        if (call.Method.DeclaringType != typeof(Enumerable) || call.Arguments.Count < 2 || !Sequences.IsRowSequence(context, call.Arguments[0]))
            return null;
        return (call.Method.Name, call.Arguments.Count) switch
        {
            (nameof(Enumerable.SelectMany), 2 or 3) => SelectMany(context, call),
            (nameof(Enumerable.Zip), 3) when Sequences.Lambda(call, 2).Parameters.Count == 2 => Zip(context, call),
            (nameof(Enumerable.SequenceEqual), 2) => SequenceEqual(context, call),
            _ => null,
        };
    }

    private static SparkValue? SelectMany(TranslationContext context, MethodCallExpression call)
    {
        var collection = Sequences.Lambda(call, 1);
        if (collection.Parameters.Count != 1)
            return null;
        var source = Sequences.Translate(context, call.Arguments[0]);
        // The result selector (x, y) => r becomes x => collection(x).Select(y => r), so each inner element sees its outer one.
        var body = collection.Body;
        if (call.Arguments.Count == 3)
        {
            var result = Sequences.Lambda(call, 2);
            var inner = Sequences.ElementType(collection.ReturnType)!;
            var select = typeof(Enumerable).GetMethods().Single(m => m.Name == nameof(Enumerable.Select) && m.GetParameters()[1].ParameterType.GetGenericArguments().Length == 2)
                .MakeGenericMethod(inner, result.ReturnType);
            var element = Expression.Parameter(inner, result.Parameters[1].Name);
            var perElement = Expression.Lambda(new ParameterReplacer(result.Parameters[0], collection.Parameters[0], result.Parameters[1], element).Visit(result.Body)!, element);
            body = Expression.Call(select, collection.Body, perElement);
        }
        // SelectMany(r => r) over an array of arrays is flatten alone.
        if (body == collection.Parameters[0])
            return new SparkValue(Expr.Fn("flatten", source.Expression), call.Type, source.CanBeNull);
        var lambda = LambdaTranslator.Translate(context, Expression.Lambda(body, collection.Parameters), (c, e) =>
        {
            if (!Sequences.IsRowSequence(c, e))
                throw c.NotSupported(call, "SelectMany over an array needs each element's sequence to be an array of the row (a member or an operator over one).");
            return Sequences.Translate(c, e);
        });
        return new SparkValue(Expr.Fn("flatten", Expr.Fn("transform", source.Expression, lambda.Function)), call.Type, source.CanBeNull);
    }

    private static SparkValue Zip(TranslationContext context, MethodCallExpression call)
    {
        var first = Sequences.Translate(context, call.Arguments[0]);
        var second = Other(context, call, call.Arguments[1], out var secondCanBeNull);
        var length = Expr.Fn("least", Expr.Fn("size", first.Expression), Expr.Fn("size", second));
        var lambda = LambdaTranslator.Translate(context, Sequences.Lambda(call, 2), StructBuilder.Translate);
        var zipped = Expr.Fn("zip_with", Expr.Fn("slice", first.Expression, Expr.Lit(1), length), Expr.Fn("slice", second, Expr.Lit(1), length), lambda.Function);
        return new SparkValue(zipped, call.Type, first.CanBeNull || secondCanBeNull);
    }

    private static SparkValue SequenceEqual(TranslationContext context, MethodCallExpression call)
    {
        var elementType = Sequences.ElementType(Sequences.StripConvert(call.Arguments[0]).Type)!;
        if (TypeClassifier.IsStructured(elementType))
            throw context.NotSupported(call, $"SequenceEqual of {elementType.Name} elements: C# compares them with their Equals, Spark field by field.",
                "Compare a member of the elements: a.Select(l => l.Sku).SequenceEqual(b.Select(l => l.Sku)).");
        var first = Sequences.Translate(context, call.Arguments[0]);
        var second = Other(context, call, call.Arguments[1], out var secondCanBeNull);
        return new SparkValue(Expr.Fn("==", first.Expression, second), typeof(bool), first.CanBeNull || secondCanBeNull);
    }

    /// <summary>The second sequence: an array of the row, or a local collection as an array of literals.</summary>
    private static SparkExpression Other(TranslationContext context, MethodCallExpression call, Expression other, out bool canBeNull)
    {
        other = Sequences.StripConvert(other);
        if (other is ConstantExpression { Value: IEnumerable values } && Sequences.ElementType(other.Type) is { } elementType)
        {
            canBeNull = false;
            return SequenceRebinding.LocalArray(context, call, values, elementType);
        }
        if (!Sequences.IsRowSequence(context, other))
            throw context.NotSupported(call, $"{call.Method.Name} needs a second sequence that is an array of the row or a local collection.");
        var value = Sequences.Translate(context, other);
        canBeNull = value.CanBeNull;
        return value.Expression;
    }

    /// <summary>Replaces the result selector's parameters with the collection selector's and the new inner one.</summary>
    private sealed class ParameterReplacer(ParameterExpression outer, ParameterExpression outerTo, ParameterExpression inner, ParameterExpression innerTo) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == outer ? outerTo : node == inner ? innerTo : node;
    }
}
