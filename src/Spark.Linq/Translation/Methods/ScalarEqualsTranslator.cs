using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;

namespace Spark.Linq.Translation.Methods;

/// <summary>
/// <c>a.Equals(b)</c> on scalars (numbers, dates, Guids, enums) is C# equality, as <c>==</c>;
/// <c>n.GetValueOrDefault()</c> / <c>n.GetValueOrDefault(d)</c> → <c>coalesce(n, default)</c>.
/// </summary>
internal sealed class ScalarEqualsTranslator : IMethodCallTranslator
{
    public SparkValue? Translate(TranslationContext context, MethodCallExpression call)
    {
        if (call.Method.IsStatic || call.Object is null) return null;
        var ownerType = call.Object.Type;
        if (call.Method.Name == nameof(Equals) && call.Arguments.Count == 1 && TypeClassifier.IsScalar(ownerType)
            && TypeClassifier.Unwrap(Strip(call.Arguments[0]).Type) == TypeClassifier.Unwrap(ownerType))
        {
            var equality = Expression.Equal(Lift(call.Object), Lift(Strip(call.Arguments[0])));
            return ScalarTranslator.Translate(context, equality);
        }
        if (call.Method.Name == nameof(Nullable<int>.GetValueOrDefault) && Nullable.GetUnderlyingType(ownerType) is { } underlying)
        {
            var value = ScalarTranslator.Translate(context, call.Object);
            var fallback = call.Arguments.Count == 1
                ? ScalarTranslator.Translate(context, call.Arguments[0])
                : SparkValue.NotNull(Expr.Lit(LiteralFactory.TryCreate(Activator.CreateInstance(underlying), underlying)!), underlying);
            return new SparkValue(Expr.Fn("coalesce", value.Expression, fallback.Expression), underlying, fallback.CanBeNull);
        }
        return null;
    }

    // x.Equals(5) boxes 5 to object; equality compares the values themselves.
    // The client-side evaluator may already have folded the boxing into a constant typed object.
    private static Expression Strip(Expression e) => e switch
    {
        UnaryExpression { NodeType: ExpressionType.Convert } u when u.Type == typeof(object) => u.Operand,
        ConstantExpression { Value: { } value } c when c.Type == typeof(object) => Expression.Constant(value, value.GetType()),
        _ => e,
    };

    // Nullable on both sides so Expression.Equal accepts a mix of T and T? (it is lifted, as C# is).
    private static Expression Lift(Expression e) =>
        e.Type.IsValueType && Nullable.GetUnderlyingType(e.Type) is null ? Expression.Convert(e, typeof(Nullable<>).MakeGenericType(e.Type)) : e;
}
