using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Translation.Methods;

/// <summary>
/// <c>Skip(n)</c>, <c>Take(n)</c> and <c>Skip(s).Take(t)</c> over an array column → one <c>slice(a, start, length)</c>
/// with LINQ's answers: a count of 0 or less skips or takes nothing, one beyond the end skips everything or takes what
/// is there. Spark's slice refuses a start of 0 and a negative length, so the start is always 1 or more and the length
/// never negative: constant counts are folded (the cached plan then serves that count only), row values clamped with
/// <c>greatest</c>/<c>least</c>. <c>TakeLast(n)</c> and <c>SkipLast(n)</c> count from the end the same way.
/// </summary>
internal sealed class ArraySliceTranslator : IMethodCallTranslator
{
    public SparkValue? Translate(TranslationContext context, MethodCallExpression call)
    {
        if (!IsCount(call, nameof(Enumerable.Skip)) && !IsCount(call, nameof(Enumerable.Take))
            && !IsCount(call, nameof(Enumerable.TakeLast)) && !IsCount(call, nameof(Enumerable.SkipLast)))
            return null;
        if (!Sequences.IsRowSequence(context, call.Arguments[0]))
            return null;
        if (call.Method.Name is nameof(Enumerable.TakeLast) or nameof(Enumerable.SkipLast))
            return FromTheEnd(context, call);
        if (call.Method.Name == nameof(Enumerable.Skip))
        {
            var source = Sequences.Translate(context, call.Arguments[0]);
            // Skipping nothing is the array itself.
            if (Constant(context, call.Arguments[1]) is <= 0)
                return source with { ClrType = call.Type };
            return Slice(source, Start(context, source.Expression, call.Arguments[1]), Expr.Fn("size", source.Expression), call.Type);
        }
        var inner = Sequences.StripConvert(call.Arguments[0]);
        if (inner is MethodCallExpression skip && IsCount(skip, nameof(Enumerable.Skip)) && Sequences.IsRowSequence(context, skip.Arguments[0]))
        {
            var array = Sequences.Translate(context, skip.Arguments[0]);
            return Slice(array, Start(context, array.Expression, skip.Arguments[1]), Length(context, call.Arguments[1]), call.Type);
        }
        var all = Sequences.Translate(context, call.Arguments[0]);
        return Slice(all, Expr.Lit(1), Length(context, call.Arguments[1]), call.Type);
    }

    /// <summary>
    /// <c>TakeLast(n)</c> → <c>slice(a, size(a) - least(n, size(a)) + 1, n)</c>; <c>SkipLast(n)</c> →
    /// <c>slice(a, 1, greatest(size(a) - n, 0))</c>; a count of 0 or less takes nothing or skips nothing.
    /// </summary>
    private static SparkValue FromTheEnd(TranslationContext context, MethodCallExpression call)
    {
        var source = Sequences.Translate(context, call.Arguments[0]);
        var size = Expr.Fn("size", source.Expression);
        var constant = Constant(context, call.Arguments[1]);
        if (call.Method.Name == nameof(Enumerable.SkipLast))
        {
            if (constant is <= 0)
                return source with { ClrType = call.Type };
            return Slice(source, Expr.Lit(1), Expr.Fn("greatest", Expr.Fn("-", size, Count(context, call.Arguments[1], constant)), Expr.Lit(0)), call.Type);
        }
        if (constant is <= 0)
            return Slice(source, Expr.Lit(1), Expr.Lit(0), call.Type);
        var count = Count(context, call.Arguments[1], constant);
        var start = Expr.Fn("+", Expr.Fn("-", size, Expr.Fn("least", count, size)), Expr.Lit(1));
        return Slice(source, start, count, call.Type);
    }

    /// <summary>A count as a Spark value: the constant, or a row value clamped at 0.</summary>
    private static SparkExpression Count(TranslationContext context, Expression count, int? constant) =>
        constant is { } n ? Expr.Lit(n) : Expr.Fn("greatest", ScalarTranslator.Translate(context, count).Expression, Expr.Lit(0));

    private static bool IsCount(MethodCallExpression call, string name) =>
        call.Method.DeclaringType == typeof(Enumerable) && call.Method.Name == name && call.Arguments.Count == 2 && call.Arguments[1].Type == typeof(int);

    private static SparkValue Slice(SparkValue array, SparkExpression start, SparkExpression length, Type type) =>
        new(Expr.Fn("slice", array.Expression, start, length), type, array.CanBeNull);

    /// <summary>
    /// The 1-based start after skipping <paramref name="count"/>: <c>n + 1</c>, at least 1; a row value is first capped at
    /// the array's size, so <c>n + 1</c> can't overflow (a start past the end gives an empty array).
    /// </summary>
    private static SparkExpression Start(TranslationContext context, SparkExpression array, Expression count)
    {
        if (Constant(context, count) is { } n)
            return Expr.Lit(n <= 0 ? 1 : n == int.MaxValue ? int.MaxValue : n + 1);
        var value = ScalarTranslator.Translate(context, count).Expression;
        return Expr.Fn("+", Expr.Fn("greatest", Expr.Fn("least", value, Expr.Fn("size", array)), Expr.Lit(0)), Expr.Lit(1));
    }

    /// <summary>The slice's length for <c>Take(count)</c>: the count, or 0 where it is negative.</summary>
    private static SparkExpression Length(TranslationContext context, Expression count) =>
        Constant(context, count) is { } n ? Expr.Lit(Math.Max(n, 0)) : Expr.Fn("greatest", ScalarTranslator.Translate(context, count).Expression, Expr.Lit(0));

    /// <summary>A count known before the query runs; reading its value shapes the plan, so the plan cache pins it.</summary>
    private static int? Constant(TranslationContext context, Expression count)
    {
        if (Sequences.StripConvert(count) is not ConstantExpression { Value: int n } constant)
            return null;
        context.Slots?.Pin(constant);
        return n;
    }
}
