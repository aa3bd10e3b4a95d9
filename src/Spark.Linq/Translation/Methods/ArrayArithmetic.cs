using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;
using SparkExpression = Spark.Connect.Protocol.Expression;
using SparkDataType = Spark.Connect.Protocol.DataType;

namespace Spark.Linq.Translation.Methods;

/// <summary>
/// <c>Sum</c>, <c>Min</c>, <c>Max</c>, <c>Average</c> of an array with LINQ-to-Objects' answers:
/// <list type="bullet">
/// <item><c>Sum</c>: <c>aggregate(a, 0, (acc, x) -&gt; acc + x)</c> in the C# result type (0 for an empty array; nulls
/// skipped; int and long overflow fails, as C#'s checked sum throws; float sums in double, as .NET does).</item>
/// <item><c>Min</c>/<c>Max</c>: <c>array_min</c>/<c>array_max</c> (nulls skipped, null for none), and for a
/// non-nullable element an empty array fails with C#'s "Sequence contains no elements" (<c>raise_error</c>).</item>
/// <item><c>Average</c>: one pass carrying (sum, count), divided at the end; an empty array fails (non-nullable
/// elements) or gives null (nullable ones), as C#.</item>
/// </list>
/// Decimals are summed as decimal(38,18): values with more than 18 decimals or 20 integral digits do not fit.
/// </summary>
internal static class ArrayArithmetic
{
    public static SparkValue Translate(TranslationContext context, MethodCallExpression call, SparkValue array, Type elementType)
    {
        var resultType = call.Type;
        return call.Method.Name switch
        {
            nameof(Enumerable.Sum) => Sum(context, call, array, elementType, resultType),
            nameof(Enumerable.Average) => Average(context, call, array, elementType, resultType),
            _ => Extreme(context, call, array, elementType, resultType),
        };
    }

    /// <summary>C# compares objects through their IComparable, which Spark can't run; it orders values only.</summary>
    internal static void RequireComparable(TranslationContext context, MethodCallExpression call, Type elementType)
    {
        if (!TypeClassifier.IsScalar(elementType))
            throw context.NotSupported(call, $"{call.Method.Name} of {elementType.Name} objects compares them through their IComparable, which has no Spark translation.",
                "Compare by a member: lines.Max(l => l.Price), or OrderBy(l => l.Sku).");
    }

    private static SparkValue Extreme(TranslationContext context, MethodCallExpression call, SparkValue array, Type elementType, Type resultType)
    {
        RequireComparable(context, call, elementType);
        var extreme = Expr.Fn(call.Method.Name == nameof(Enumerable.Max) ? "array_max" : "array_min", array.Expression);
        if (TypeClassifier.CanBeNull(elementType))
            return SparkValue.Of(extreme, resultType);
        return SparkValue.NotNull(Expr.Fn("if", Expr.Fn("==", Expr.Fn("size", array.Expression), Expr.Lit(0)), Sequences.Raise(Sequences.NoElements), extreme), resultType);
    }

    private static SparkValue Sum(TranslationContext context, MethodCallExpression call, SparkValue array, Type elementType, Type resultType)
    {
        var type = Numeric(context, call, elementType);
        var (acc, x) = (context.NewLambdaVariable(), context.NewLambdaVariable());
        var element = Present(Expr.LambdaVariable(x), elementType, Zero(type));
        var merge = Expr.Lambda(Accumulate(Expr.Fn("+", Expr.LambdaVariable(acc), element), type), [acc, x]);
        SparkExpression[] arguments = [array.Expression, Zero(type), merge];
        if (TypeClassifier.Unwrap(elementType) == typeof(float))
        {
            var final = context.NewLambdaVariable();
            arguments = [.. arguments, Expr.Lambda(Expr.Cast(Expr.LambdaVariable(final), new SparkDataType { Float = new() }), [final])];
        }
        return SparkValue.NotNull(Expr.Fn("aggregate", arguments), resultType);
    }

    /// <summary>
    /// <c>aggregate(a, named_struct('s', 0, 'n', 0L), (acc, x) -&gt; [if(isnull(x), acc,] named_struct('s', acc.s + x, 'n', acc.n + 1)),
    /// acc -&gt; if(acc.n = 0, raise_error | null, acc.s / acc.n))</c>.
    /// </summary>
    private static SparkValue Average(TranslationContext context, MethodCallExpression call, SparkValue array, Type elementType, Type resultType)
    {
        var type = Numeric(context, call, elementType);
        var (acc, x, final) = (context.NewLambdaVariable(), context.NewLambdaVariable(), context.NewLambdaVariable());
        SparkExpression Pair(SparkExpression sum, SparkExpression count) => Expr.Fn("named_struct", Expr.Lit("s"), sum, Expr.Lit("n"), count);
        SparkExpression Field(string accumulator, string field) => Expr.Extract(Expr.LambdaVariable(accumulator), field);
        var next = Pair(Accumulate(Expr.Fn("+", Field(acc, "s"), Expr.LambdaVariable(x)), type), Expr.Fn("+", Field(acc, "n"), Long(1)));
        var nullable = TypeClassifier.CanBeNull(elementType);
        var merge = nullable ? Expr.Fn("if", Expr.Fn("isnull", Expr.LambdaVariable(x)), Expr.LambdaVariable(acc), next) : next;
        var quotient = Expr.Fn("/", Field(final, "s"), Field(final, "n"));
        var result = TypeClassifier.Unwrap(resultType);
        if (result == typeof(float)) quotient = Expr.Cast(quotient, new SparkDataType { Float = new() });
        else if (result == typeof(decimal)) quotient = Expr.Cast(quotient, DecimalType);
        var empty = nullable ? Expr.Lit(LiteralFactory.TryCreate(null, result)!) : Sequences.Raise(Sequences.NoElements);
        var finish = Expr.Fn("if", Expr.Fn("==", Field(final, "n"), Long(0)), empty, quotient);
        var aggregate = Expr.Fn("aggregate", array.Expression, Pair(Zero(type), Long(0)),
            Expr.Lambda(merge, [acc, x]), Expr.Lambda(finish, [final]));
        return nullable ? SparkValue.Of(aggregate, resultType) : SparkValue.NotNull(aggregate, resultType);
    }

    /// <summary>The accumulator's type: the element's (long for Average of ints, double for floats, as C# accumulates).</summary>
    private static Type Numeric(TranslationContext context, MethodCallExpression call, Type elementType)
    {
        var t = TypeClassifier.Unwrap(elementType);
        if (call.Method.Name == nameof(Enumerable.Average) && (t == typeof(int) || t == typeof(long))) return typeof(long);
        if (call.Method.Name == nameof(Enumerable.Average) && t == typeof(float)) return typeof(double);
        if (t == typeof(int) || t == typeof(long) || t == typeof(double) || t == typeof(decimal)) return t;
        if (t == typeof(float)) return call.Method.Name == nameof(Enumerable.Sum) ? typeof(double) : t;
        throw context.NotSupported(call, $"{call.Method.Name} over {elementType.Name} has no Spark translation.");
    }

    /// <summary>A nullable element counts as zero in a sum, as C# skips nulls.</summary>
    private static SparkExpression Present(SparkExpression element, Type elementType, SparkExpression zero) =>
        TypeClassifier.CanBeNull(elementType) ? Expr.Fn("coalesce", element, zero) : element;

    /// <summary>The running value in the accumulator's Spark type: decimals are kept at decimal(38,18), which aggregate requires to stay fixed.</summary>
    private static SparkExpression Accumulate(SparkExpression value, Type type) => type == typeof(decimal) ? Expr.Cast(value, DecimalType) : value;

    private static SparkExpression Zero(Type type) => type switch
    {
        _ when type == typeof(int) => Expr.Lit(0),
        _ when type == typeof(long) => Expr.Lit(new SparkExpression.Types.Literal { Long = 0 }),
        _ when type == typeof(double) => Expr.Lit(new SparkExpression.Types.Literal { Double = 0 }),
        _ when type == typeof(float) => Expr.Lit(new SparkExpression.Types.Literal { Float = 0 }),
        _ => Expr.Cast(Expr.Lit(0), DecimalType),
    };

    private static SparkExpression Long(long value) => Expr.Lit(new SparkExpression.Types.Literal { Long = value });

    private static SparkDataType DecimalType => Expressions.SparkTypes.Decimal(38, 18);
}
