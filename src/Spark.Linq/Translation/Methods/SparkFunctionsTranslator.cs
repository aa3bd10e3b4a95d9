using System.Linq.Expressions;
using System.Reflection;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;

namespace Spark.Linq.Translation.Methods;

/// <summary>
/// <see cref="SparkFunctions"/> methods, and the application's static methods marked <see cref="SparkFunctionAttribute"/>,
/// → the Spark function the attribute names;
/// <c>SparkFunctions.Call&lt;T&gt;("name", args…)</c> → that function by name. <c>params</c> arrays are spread into arguments.
/// </summary>
internal sealed class SparkFunctionsTranslator : IMethodCallTranslator
{
    public SparkValue? Translate(TranslationContext context, MethodCallExpression call)
    {
        var attribute = call.Method.GetCustomAttribute<SparkFunctionAttribute>();
        if (call.Method.DeclaringType != typeof(SparkFunctions) && attribute is null) return null;
        if (attribute is not null && (!call.Method.IsStatic || string.IsNullOrWhiteSpace(attribute.Name)))
            throw context.NotSupported(call, $"[SparkFunction] on {call.Method.DeclaringType?.Name}.{call.Method.Name} needs a static method and a function name.",
                "Declare it as a static method, e.g. [SparkFunction(\"soundex\")] public static string Soundex(string s) => throw new NotSupportedException();");
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
            name = attribute?.Name ?? throw context.NotSupported(call, $"SparkFunctions.{call.Method.Name} names no Spark function.");
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
