using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Translation.Methods;

/// <summary>
/// <c>Aggregate</c> over an array column → Spark's <c>aggregate(a, zero, (acc, x) -&gt; merge[, acc -&gt; finish])</c>:
/// the seed is the zero value, the C# function the merge, a result selector the finish. Without a seed C# starts from
/// the first element and throws for an empty array: <c>aggregate(slice(a, 2, size(a)), get(a, 0), …)</c> behind a
/// <c>raise_error</c> with C#'s message. Spark needs the merge to keep the zero value's exact type, so decimal
/// accumulators are cast to decimal(38,18) on both sides (a literal's precision is its value's).
/// </summary>
internal sealed class ArrayFoldTranslator : IMethodCallTranslator
{
    public SparkValue? Translate(TranslationContext context, MethodCallExpression call)
    {
        if (call.Method.DeclaringType != typeof(Enumerable) || call.Method.Name != nameof(Enumerable.Aggregate)
            || call.Arguments.Count is < 2 or > 4 || !Sequences.IsRowSequence(context, call.Arguments[0]))
            return null;
        var source = Sequences.Translate(context, call.Arguments[0]);
        if (call.Arguments.Count == 2)
        {
            // No seed: the first element is the accumulator's start; C# throws for an empty array.
            var merge = Merge(context, Sequences.Lambda(call, 1));
            var rest = Expr.Fn("slice", source.Expression, Expr.Lit(2), Expr.Fn("size", source.Expression));
            var folded = Expr.Fn("aggregate", rest, Accumulator(Expr.Fn("get", source.Expression, Expr.Lit(0)), call.Type), merge);
            var guarded = Expr.Fn("if", Expr.Fn("==", Expr.Fn("size", source.Expression), Expr.Lit(0)), Sequences.Raise(Sequences.NoElements), folded);
            return SparkValue.Of(guarded, call.Type);
        }
        var accumulatorType = Sequences.Lambda(call, 2).ReturnType;
        var zero = Accumulator(ScalarTranslator.Translate(context, call.Arguments[1]).Expression, accumulatorType);
        var arguments = new List<SparkExpression> { source.Expression, zero, Merge(context, Sequences.Lambda(call, 2)) };
        if (call.Arguments.Count == 4)
            arguments.Add(LambdaTranslator.Translate(context, Sequences.Lambda(call, 3)).Function);
        return SparkValue.Of(Expr.Fn("aggregate", [.. arguments]), call.Type);
    }

    /// <summary>The merge function, its result in the accumulator's Spark type.</summary>
    private static SparkExpression Merge(TranslationContext context, LambdaExpression lambda) =>
        LambdaTranslator.Translate(context, lambda, (c, body) =>
        {
            var value = ScalarTranslator.Translate(c, body);
            return value with { Expression = Accumulator(value.Expression, lambda.ReturnType) };
        }).Function;

    /// <summary>A value of the accumulator: cast to decimal(38,18) for a decimal accumulator, else as it is.</summary>
    private static SparkExpression Accumulator(SparkExpression value, Type type) =>
        TypeClassifier.Unwrap(type) == typeof(decimal) ? Expr.Cast(value, Expressions.SparkTypes.For(typeof(decimal))!) : value;
}
