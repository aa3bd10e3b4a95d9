using System.Linq.Expressions;
using System.Reflection;
using Spark.Linq.Translation;
using Spark.Linq.Translation.Expressions;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Plugins;

/// <summary>
/// A method call a plug-in is asked to translate: the method, and its receiver and arguments translated on
/// demand (so a translator that declines pays nothing). Build the result with <see cref="SparkExpressions"/>.
/// </summary>
public sealed class SparkMethodCall
{
    private readonly TranslationContext _context;

    internal SparkMethodCall(TranslationContext context, MethodCallExpression call)
    {
        _context = context;
        Expression = call;
    }

    /// <summary>The method called.</summary>
    public MethodInfo Method => Expression.Method;

    /// <summary>The call as it appears in the query (after captured values were evaluated into constants).</summary>
    public MethodCallExpression Expression { get; }

    /// <summary>How many arguments the call has (the receiver of an instance method not included).</summary>
    public int ArgumentCount => Expression.Arguments.Count;

    /// <summary>The receiver of an instance method, translated.</summary>
    /// <exception cref="InvalidOperationException">The method is static.</exception>
    public SparkExpression Instance() =>
        ScalarTranslator.Translate(_context, Expression.Object ?? throw new InvalidOperationException($"{Method.Name} is static: it has no receiver.")).Expression;

    /// <summary>Argument <paramref name="index"/>, translated (a column, a literal, any translatable expression).</summary>
    public SparkExpression Argument(int index) => ScalarTranslator.Translate(_context, Expression.Arguments[index]).Expression;

    /// <summary>
    /// The value of argument <paramref name="index"/> when it is known before the query runs (a constant or a
    /// captured variable), e.g. to choose a function. A cached plan is then used only for that same value.
    /// </summary>
    public bool TryGetConstant(int index, out object? value) => PluginArguments.TryGetConstant(_context, Expression.Arguments[index], out value);
}

/// <summary>A member (property or field) a plug-in is asked to translate.</summary>
public sealed class SparkMemberAccess
{
    private readonly TranslationContext _context;

    internal SparkMemberAccess(TranslationContext context, MemberExpression member)
    {
        _context = context;
        Expression = member;
    }

    /// <summary>The property or field.</summary>
    public MemberInfo Member => Expression.Member;

    /// <summary>The member access as it appears in the query.</summary>
    public MemberExpression Expression { get; }

    /// <summary>The object whose member is read, translated.</summary>
    /// <exception cref="InvalidOperationException">The member is static.</exception>
    public SparkExpression Instance() =>
        ScalarTranslator.Translate(_context, Expression.Expression ?? throw new InvalidOperationException($"{Member.Name} is static: it has no receiver.")).Expression;
}

internal static class PluginArguments
{
    public static bool TryGetConstant(TranslationContext context, Expression argument, out object? value)
    {
        while (argument is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.Quote } unary) argument = unary.Operand;
        if (argument is not ConstantExpression constant)
        {
            value = null;
            return false;
        }
        // The plug-in decides from the value, so a cached plan must not serve another one.
        context.Slots?.Pin(constant);
        value = constant.Value;
        return true;
    }
}
