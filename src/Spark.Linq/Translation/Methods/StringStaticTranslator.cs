using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;

namespace Spark.Linq.Translation.Methods;

/// <summary>
/// Static string methods: IsNullOrEmpty, IsNullOrWhiteSpace, Concat (every overload, params
/// arrays spread), Compare/CompareOrdinal, Equals.
/// </summary>
internal sealed class StringStaticTranslator : IMethodCallTranslator
{
    public SparkValue? Translate(TranslationContext context, MethodCallExpression call)
    {
        if (call.Method.DeclaringType != typeof(string) || !call.Method.IsStatic) return null;
        var arguments = call.Arguments;
        switch (call.Method.Name)
        {
            case nameof(string.IsNullOrEmpty):
                return IsNullOr(context, arguments[0], text => text);
            case nameof(string.IsNullOrWhiteSpace):
                return IsNullOr(context, arguments[0], text => Expr.Fn("btrim", text, Expr.Lit(Whitespace.Characters)));
            case nameof(string.Concat):
                return Concat(context, call);
            case nameof(string.Compare) when arguments.Count == 3 && arguments[2].Type == typeof(StringComparison):
                if (StringMethodTranslator.IgnoreCase(context, call, 2))
                    throw context.NotSupported(call, "String.Compare with OrdinalIgnoreCase has no exact Spark translation.", "Compare ToUpper() of both sides instead.");
                return StringCompare.Translate(context, arguments[0], arguments[1]);
            case nameof(string.Compare) or nameof(string.CompareOrdinal) when arguments.Count == 2:
                return StringCompare.Translate(context, arguments[0], arguments[1]);
            case nameof(string.Equals) when arguments.Count is 2 or 3 && arguments[0].Type == typeof(string):
                return StringMethodTranslator.Equal(context, call, arguments[0], arguments[1], arguments.Count == 3 ? 2 : -1);
            default:
                return null;
        }
    }

    // isnull(s) OR f(s) == '': true for null in both C# and SQL null semantics.
    private static SparkValue IsNullOr(TranslationContext context, Expression argument, Func<Spark.Connect.Protocol.Expression, Spark.Connect.Protocol.Expression> shape)
    {
        var text = ScalarTranslator.Translate(context, argument);
        var empty = Expr.Fn("==", shape(text.Expression), Expr.Lit(string.Empty));
        return SparkValue.NotNull(text.CanBeNull ? Expr.Fn("or", Expr.Fn("isnull", text.Expression), empty) : empty, typeof(bool));
    }

    private static SparkValue? Concat(TranslationContext context, MethodCallExpression call)
    {
        var operands = new List<Expression>();
        foreach (var argument in call.Arguments)
        {
            if (argument is NewArrayExpression { NodeType: ExpressionType.NewArrayInit } array)
                operands.AddRange(array.Expressions);
            else if (argument.Type == typeof(string) || !TypeClassifier.IsCollection(argument.Type) && argument.Type != typeof(object[]))
                operands.Add(argument);
            else
                throw context.NotSupported(call, "String.Concat over a collection has no Spark translation.", "List the parts as separate arguments, or use a + b.");
        }
        return StringConcat.Translate(context, operands.ToArray());
    }
}
