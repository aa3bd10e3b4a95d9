using System.Linq.Expressions;
using System.Reflection;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;

namespace Spark.Linq.Translation.Methods;

/// <summary>
/// <see cref="SparkFunctions"/> methods → the Spark function named by their <see cref="SparkFunctionAttribute"/>;
/// <c>SparkFunctions.Call&lt;T&gt;("name", args…)</c> → that function by name. <c>params</c> arrays are spread into arguments.
/// </summary>
internal sealed class SparkFunctionsTranslator : IMethodCallTranslator
{
    public SparkValue? Translate(TranslationContext context, MethodCallExpression call)
    {
        if (call.Method.DeclaringType != typeof(SparkFunctions)) return null;
        string name;
        IEnumerable<Expression> arguments;
        if (call.Method.Name == nameof(SparkFunctions.Call))
        {
            if (call.Arguments[0] is not ConstantExpression { Value: string functionName } || string.IsNullOrWhiteSpace(functionName))
                throw context.NotSupported(call, "the function name of SparkFunctions.Call must be a non-empty string known before the query runs.");
            name = functionName;
            arguments = Spread(call.Arguments.Skip(1));
        }
        else
        {
            name = call.Method.GetCustomAttribute<SparkFunctionAttribute>()?.Name
                ?? throw context.NotSupported(call, $"SparkFunctions.{call.Method.Name} names no Spark function.");
            arguments = Spread(call.Arguments);
        }
        var translated = arguments.Select(a => ScalarTranslator.Translate(context, a)).ToList();
        return SparkValue.Of(Expr.Fn(name, translated.Select(a => a.Expression).ToArray()), call.Type);
    }

    private static IEnumerable<Expression> Spread(IEnumerable<Expression> arguments) =>
        arguments.SelectMany(a => a is NewArrayExpression { NodeType: ExpressionType.NewArrayInit } array ? array.Expressions.Select(StripBox) : [StripBox(a)]);

    private static Expression StripBox(Expression e) =>
        e is UnaryExpression { NodeType: ExpressionType.Convert } u && u.Type == typeof(object) ? u.Operand : e;
}
