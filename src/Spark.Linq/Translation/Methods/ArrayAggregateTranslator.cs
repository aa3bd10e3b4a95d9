using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Translation.Methods;

/// <summary>
/// LINQ operators that reduce an array column to one value: <c>Count()</c> → <c>size</c> (with a predicate, of
/// <c>filter</c>), <c>Any()</c> → <c>size &gt; 0</c>, <c>Any(p)</c>/<c>All(p)</c> → <c>exists</c>/<c>forall</c>,
/// <c>Contains</c> → <c>array_contains</c>, and <c>Sum</c>, <c>Min</c>, <c>Max</c>, <c>Average</c> (see <see cref="ArrayArithmetic"/>).
/// A selector (<c>Sum(l =&gt; l.Price)</c>) is a <c>transform</c> first.
/// </summary>
internal sealed class ArrayAggregateTranslator : IMethodCallTranslator
{
    public SparkValue? Translate(TranslationContext context, MethodCallExpression call)
    {
        var (source, rest) = call.Method.IsStatic
            ? (call.Arguments.Count > 0 ? call.Arguments[0] : null, call.Arguments.Skip(1).ToList())
            : (call.Object, call.Arguments.ToList());
        if (source is null || !Sequences.IsRowSequence(context, source) || !IsLinqOrCollectionMethod(call))
            return null;
        // Over a dictionary only the entry count translates (size of the map); the rest reads keys or values.
        if (!(rest.Count == 0 && call.Method.Name is nameof(Enumerable.Count) or nameof(Enumerable.LongCount) or nameof(Enumerable.Any)))
            Sequences.RejectEntries(context, call, source);
        return (call.Method.Name, rest.Count) switch
        {
            (nameof(Enumerable.Count), 0) => SparkValue.NotNull(Size(context, source), typeof(int)),
            (nameof(Enumerable.LongCount), 0) => SparkValue.NotNull(Expr.Cast(Size(context, source), new Spark.Connect.Protocol.DataType { Long = new() }), typeof(long)),
            (nameof(Enumerable.Count), 1) => SparkValue.NotNull(Expr.Fn("size", Filtered(context, call, source)), typeof(int)),
            (nameof(Enumerable.LongCount), 1) => SparkValue.NotNull(Expr.Cast(Expr.Fn("size", Filtered(context, call, source)), new Spark.Connect.Protocol.DataType { Long = new() }), typeof(long)),
            (nameof(Enumerable.Any), 0) => SparkValue.NotNull(Expr.Fn(">", Size(context, source), Expr.Lit(0)), typeof(bool)),
            (nameof(Enumerable.Any), 1) => Predicate(context, call, source, "exists"),
            (nameof(Enumerable.All), 1) => Predicate(context, call, source, "forall"),
            (nameof(Enumerable.Contains), 1) => Sequences.Contains(context, Sequences.Translate(context, source).Expression,
                Sequences.ElementType(Sequences.StripConvert(source).Type)!, rest[0]),
            (nameof(Enumerable.Sum) or nameof(Enumerable.Min) or nameof(Enumerable.Max) or nameof(Enumerable.Average), 0) =>
                ArrayArithmetic.Translate(context, call, Sequences.Translate(context, source), Sequences.ElementType(source.Type)!),
            (nameof(Enumerable.Sum) or nameof(Enumerable.Min) or nameof(Enumerable.Max) or nameof(Enumerable.Average), 1) => Selected(context, call, source),
            _ => null,
        };
    }

    // Enumerable's operators, and Contains / Count of the collection types themselves (List<T>.Contains, HashSet<T>.Contains).
    private static bool IsLinqOrCollectionMethod(MethodCallExpression call) =>
        call.Method.DeclaringType == typeof(Enumerable) || !call.Method.IsStatic && call.Method.Name == nameof(Enumerable.Contains);

    private static SparkExpression Size(TranslationContext context, Expression source) => Expr.Fn("size", Sequences.Translate(context, source).Expression);

    private static SparkExpression Filtered(TranslationContext context, MethodCallExpression call, Expression source)
    {
        var lambda = LambdaTranslator.Translate(context, Sequences.Lambda(call, 1), ScalarTranslator.TranslatePredicate);
        return Expr.Fn("filter", Sequences.Translate(context, source).Expression, lambda.Function);
    }

    /// <summary>
    /// <c>exists</c>/<c>forall</c>. Under C# null semantics the predicate is never null (comparisons with a null are
    /// false), so the answer is true or false, null only for a null array.
    /// </summary>
    private static SparkValue Predicate(TranslationContext context, MethodCallExpression call, Expression source, string function)
    {
        var array = Sequences.Translate(context, source);
        var lambda = LambdaTranslator.Translate(context, Sequences.Lambda(call, 1), ScalarTranslator.TranslatePredicate);
        return new SparkValue(Expr.Fn(function, array.Expression, lambda.Function), typeof(bool), !context.CSharpNulls && lambda.Body.CanBeNull);
    }

    /// <summary><c>Sum(selector)</c> etc.: the aggregate of <c>transform(source, selector)</c>.</summary>
    private static SparkValue? Selected(TranslationContext context, MethodCallExpression call, Expression source)
    {
        var selector = Sequences.Lambda(call, 1);
        if (selector.Parameters.Count != 1)
            return null;
        var array = Sequences.Translate(context, source);
        var lambda = LambdaTranslator.Translate(context, selector);
        var transformed = new SparkValue(Expr.Fn("transform", array.Expression, lambda.Function), typeof(IEnumerable<>).MakeGenericType(selector.ReturnType), array.CanBeNull);
        return ArrayArithmetic.Translate(context, call, transformed, selector.ReturnType);
    }
}
