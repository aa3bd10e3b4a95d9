using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Translation.Methods;

/// <summary>
/// <c>Convert.ToXxx(v)</c>, <c>int.Parse(s)</c> and friends → <c>Cast</c>. Convert.ToInt32(double)
/// and the other floating/decimal-to-integer conversions round half to even in C#, where a cast
/// truncates, so <c>bround(v, 0)</c> comes first. Unparsable text makes C# throw; Spark's cast gives
/// null (or an error under ANSI mode).
/// </summary>
internal sealed class ConversionMethodTranslator : IMethodCallTranslator
{
    private static readonly HashSet<Type> Parsable =
    [
        typeof(bool), typeof(sbyte), typeof(byte), typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long),
        typeof(ulong), typeof(float), typeof(double), typeof(decimal), typeof(Guid), typeof(DateOnly),
    ];

    public SparkValue? Translate(TranslationContext context, MethodCallExpression call)
    {
        var method = call.Method;
        if (method.DeclaringType == typeof(Convert) && method.Name.StartsWith("To", StringComparison.Ordinal))
        {
            if (call.Arguments.Count != 1)
                throw context.NotSupported(call, $"{MethodHelpers.Describe(call)} with a format provider or base depends on the client's culture or has no Spark cast.",
                    $"Use the one-argument {MethodHelpers.Describe(call)}.");
            return To(context, call, call.Arguments[0], method.ReturnType, roundHalfEven: true);
        }
        if (method.IsStatic && method.Name == "Parse" && method.DeclaringType is { } owner && owner == method.ReturnType && Parsable.Contains(owner))
        {
            if (call.Arguments.Count != 1 || call.Arguments[0].Type != typeof(string))
                throw context.NotSupported(call, $"this overload of {MethodHelpers.Describe(call)} depends on styles or a culture Spark doesn't have.",
                    $"Use {owner.Name}.Parse(string).");
            return To(context, call, call.Arguments[0], owner, roundHalfEven: false);
        }
        return null;
    }

    private static SparkValue To(TranslationContext context, MethodCallExpression call, Expression argument, Type target, bool roundHalfEven)
    {
        if (target == typeof(string)) return ScalarToString.Translate(context, call, argument);
        var value = ScalarTranslator.Translate(context, StripBox(argument));
        // A char is stored as a one-character string; its number is its code point.
        if (TypeClassifier.Unwrap(value.ClrType) == typeof(char) && target != typeof(char))
            value = value with { Expression = Expr.Fn("ascii", value.Expression), ClrType = typeof(int) };
        var source = TypeClassifier.Unwrap(value.ClrType);
        if (source == target) return WithDefault(context, value.Expression, value, target, roundHalfEven);
        var sparkType = SparkTypes.For(target)
            ?? throw context.NotSupported(call, $"{MethodHelpers.Describe(call)} converts to {target.Name}, which has no Spark type.");
        SparkExpression operand = value.Expression;
        if (roundHalfEven && IsFloating(source) && IsIntegral(target))
            operand = Expr.Fn("bround", operand, Expr.Lit(0));
        return WithDefault(context, Expr.Cast(operand, sparkType), value, target, roundHalfEven);
    }

    private static SparkValue WithDefault(TranslationContext context, SparkExpression cast, SparkValue value, Type target, bool isConvert)
    {
        // Convert.ToXxx(null) is the default value (0, false) in C#; Parse(null) throws, and null is the closest Spark has.
        if (isConvert && value.CanBeNull && !TypeClassifier.CanBeNull(target) && context.CSharpNulls)
            return SparkValue.NotNull(Expr.Fn("coalesce", cast, Expr.Lit(LiteralFactory.TryCreate(Activator.CreateInstance(target), target)!)), target);
        return new SparkValue(cast, target, value.CanBeNull);
    }

    private static bool IsFloating(Type t) => t == typeof(double) || t == typeof(float) || t == typeof(decimal);

    private static bool IsIntegral(Type t) =>
        t == typeof(sbyte) || t == typeof(byte) || t == typeof(short) || t == typeof(ushort) || t == typeof(int) || t == typeof(uint) || t == typeof(long) || t == typeof(ulong);

    private static Expression StripBox(Expression e) =>
        e is UnaryExpression { NodeType: ExpressionType.Convert } u && u.Type == typeof(object) ? u.Operand : e;
}
