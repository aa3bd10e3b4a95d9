using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Translation.Methods;

/// <summary>Small pieces shared by the method translators.</summary>
internal static class MethodHelpers
{
    /// <summary>A function call whose result is null when any input is (Spark's usual rule).</summary>
    public static SparkValue Call(string name, Type clrType, IReadOnlyList<SparkValue> inputs, params SparkExpression[] arguments) =>
        new(Expr.Fn(name, arguments), clrType, inputs.Any(i => i.CanBeNull));

    /// <summary>Casts <paramref name="value"/> to the Spark type of <paramref name="clrType"/>.</summary>
    public static SparkExpression CastTo(SparkExpression value, Type clrType) => Expr.Cast(value, SparkTypes.For(clrType)!);

    /// <summary><c>value + delta</c>, or the folded literal when the value is an int constant.</summary>
    public static SparkExpression PlusInt(TranslationContext context, Expression argument, int delta)
    {
        if (argument is ConstantExpression { Value: int constant })
            return Expr.Lit(constant + delta);
        var value = ScalarTranslator.Translate(context, argument).Expression;
        return delta >= 0 ? Expr.Fn("+", value, Expr.Lit(delta)) : Expr.Fn("-", value, Expr.Lit(-delta));
    }

    /// <summary>The value of a constant argument (enum flags, comparison kinds), or a clear error naming the method.</summary>
    public static T Constant<T>(TranslationContext context, MethodCallExpression call, int index)
    {
        var argument = call.Arguments[index];
        while (argument is UnaryExpression { NodeType: ExpressionType.Convert } u) argument = u.Operand;
        if (argument is ConstantExpression { Value: T value }) return value;
        throw context.NotSupported(call, $"{Describe(call)} needs a {typeof(T).Name} known before the query runs, not a value from the row.",
            "Pass a constant or a captured variable.");
    }

    /// <summary>"String.Trim" style name for messages.</summary>
    public static string Describe(MethodCallExpression call) => $"{call.Method.DeclaringType?.Name}.{call.Method.Name}";

    public static bool Is(Type type, Type expected) => TypeClassifier.Unwrap(type) == expected;
}
